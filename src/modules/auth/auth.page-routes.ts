import type { FastifyInstance } from "fastify";
import { AppError } from "../../server/errors.ts";
import { isSecureRequest } from "../../server/security-headers.ts";
import { pageContext, safeNext, sendPage } from "../../web/page.ts";
import { LoginPage, LogoutPage } from "./auth.pages.tsx";
import { SESSION_COOKIE } from "./auth.plugin.ts";
import { login, logout } from "./auth.service.ts";
import { loginPolicyFor, RATE_LIMITED_MESSAGE } from "./throttle.ts";

const hidden = { schema: { hide: true } };
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** /log-ind and /log-ud: the same login service and session cookie as the API, for browsers. */
export async function authPageRoutes(app: FastifyInstance) {
  const throttle = loginPolicyFor(app.database);

  app.get<{ Querystring: { next?: string } }>("/log-ind", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, LoginPage({ ctx, form: { email: "", next: safeNext(req.query.next) } }));
  });

  app.post("/log-ind", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = str(body.email).trim().slice(0, 300);
    const password = str(body.password).slice(0, 1000);
    const next = safeNext(body.next);
    const fail = (status: number, message: string, fields: { email?: string; password?: string } = {}) =>
      sendPage(reply, ctx, LoginPage({ ctx, form: { email, next, error: { message, fields } } }), status);
    if (!email || !password) {
      return fail(400, ctx.t("auth.missing"), {
        ...(email ? {} : { email: ctx.t("auth.emailRequired") }),
        ...(password ? {} : { password: ctx.t("auth.passwordRequired") }),
      });
    }
    if (throttle.isBlocked(req.ip, email)) {
      return fail(429, RATE_LIMITED_MESSAGE);
    }
    try {
      const session = await login(app.database.db, email, password, app.config.sessionHours);
      throttle.reset(req.ip, email);
      // A login always gets a new session id; the one the browser had (if any) ends here.
      const previous = req.cookies[SESSION_COOKIE];
      if (previous) {
        await logout(app.database.db, previous);
      }
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: isSecureRequest(req),
        expires: session.expiresAt,
      });
      return reply.redirect(next, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === "invalid_credentials") {
        throttle.recordFailure(req.ip, email);
        return fail(401, err.message);
      }
      throw err;
    }
  });

  app.get("/log-ud", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, LogoutPage({ ctx }));
  });

  app.post("/log-ud", hidden, async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      await logout(app.database.db, cookie);
    }
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.redirect("/", 303);
  });
}
