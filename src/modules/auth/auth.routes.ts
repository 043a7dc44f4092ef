import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES, registerCrud } from "../../server/crud-routes.ts";
import { AppError } from "../../server/errors.ts";
import { ZError, ZId } from "../../server/schemas.ts";
import { isSecureRequest } from "../../server/security-headers.ts";
import { SESSION_COOKIE } from "./auth.plugin.ts";
import { ZCreateToken, ZLogin, ZMe, ZToken, ZUser, ZUserFields } from "./auth.schemas.ts";
import {
  createApiToken,
  getCurrentUser,
  listApiTokens,
  login,
  logout,
  revokeApiToken,
  revokeBearerToken,
} from "./auth.service.ts";
import { loginPolicyFor, RATE_LIMITED_MESSAGE } from "./throttle.ts";
import { userService } from "./users.service.ts";

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = loginPolicyFor(app.database);
  const tags = ["Adgang"];

  r.post("/auth/login", {
    schema: {
      tags,
      summary: "Log ind (sætter en sessionscookie)",
      body: ZLogin,
      response: { 200: z.object({ user: ZUser, expiresAt: z.string() }), ...ERROR_RESPONSES, 429: ZError },
    },
    handler: async (req, reply) => {
      const { email } = req.body;
      if (throttle.isBlocked(req.ip, email)) {
        throw new AppError("rate_limited", RATE_LIMITED_MESSAGE);
      }
      const { token, expiresAt, user } = await login(
        app.database.db,
        email,
        req.body.password,
        app.config.sessionHours,
        { code: req.body.code, totpRequired: app.config.totpRequired },
      ).catch((err: unknown) => {
        throttle.recordFailure(req.ip, email);
        throw err;
      });
      throttle.reset(req.ip, email);
      // A login always gets a new session id; the one the browser had (if any) ends here.
      const previous = req.cookies[SESSION_COOKIE];
      if (previous) {
        await logout(app.database.db, previous);
      }
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: isSecureRequest(req),
        expires: expiresAt,
      });
      return { user, expiresAt: expiresAt.toISOString() };
    },
  });

  r.post("/auth/logout", {
    schema: {
      tags,
      summary: "Log ud: afslutter sessionen, eller tilbagekalder det API-token, kaldet er lavet med",
      response: { 204: z.null(), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      // A bearer token's logout revokes the token itself (issue 18.10): it stops working at once.
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
      if (bearer) {
        await app.database.db.transaction((tx) => revokeBearerToken(tx, bearer));
        return reply.code(204).send(null);
      }
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        await logout(app.database.db, cookie);
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  });

  r.get("/auth/me", {
    schema: {
      tags,
      summary: "Den indloggede bruger og dens roller",
      response: { 200: ZMe, ...ERROR_RESPONSES },
    },
    handler: async (req) => getCurrentUser({ db: app.database.db, actor: req.actor }),
  });

  r.get("/tokens", {
    schema: { tags, summary: "Mine API-nøgler", response: { 200: z.array(ZToken), ...ERROR_RESPONSES } },
    handler: async (req) => listApiTokens({ db: app.database.db, actor: req.actor }),
  });

  r.post("/tokens", {
    schema: {
      tags,
      summary: "Opret en API-nøgle (vises én gang)",
      body: ZCreateToken,
      response: { 201: ZToken.extend({ token: z.string() }), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createApiToken({ db: app.database.db, actor: req.actor }, req.body)),
  });

  r.delete("/tokens/:id", {
    schema: {
      tags,
      summary: "Tilbagekald en API-nøgle",
      params: z.strictObject({ id: ZId }),
      response: { 204: z.null(), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      await revokeApiToken({ db: app.database.db, actor: req.actor }, req.params.id);
      return reply.code(204).send(null);
    },
  });

  registerCrud(app, {
    path: "/users",
    tag: "Brugere",
    noun: "bruger",
    row: ZUser,
    create: ZUserFields,
    update: ZUserFields,
    filter: { q: z.string().max(200) },
    service: userService,
  });
}
