import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, notFound } from "../../server/errors.ts";
import { ZError } from "../../server/schemas.ts";
import { isSecureRequest } from "../../server/security-headers.ts";
import { type PageCtx, pageContext, safeNext, sendPage } from "../../web/page.ts";
import { LoginPage } from "./auth.pages.tsx";
import { isUnreachable, type OidcDirectory } from "./oidc.client.ts";
import { NoticePage, PendingPage } from "./oidc.pages.tsx";
import {
  confirmIdentity,
  endProviderSessions,
  listPendingIdentities,
  refuseIdentity,
  signInWithProvider,
} from "./oidc.service.ts";
import { isPrivileged } from "./policy.ts";
import { startBrowserSession } from "./session-cookie.ts";

const hidden = { schema: { hide: true } };
/** The flow's secrets between the redirect to the provider and its answer: state, nonce, PKCE verifier. */
const FLOW_COOKIE = "tvaers_oidc";
const FLOW_PATH = "/log-ind/oidc";
const ZFlow = z.object({ p: z.string(), s: z.string(), n: z.string(), v: z.string(), next: z.string() });

type ProviderParams = { Params: { provider: string }; Querystring: Record<string, string | undefined> };

/**
 * Logging in through an organisation's provider: /log-ind/oidc/<id> sends the browser there,
 * /log-ind/oidc/<id>/callback takes the answer; the provider's back-channel logout; and the page where
 * an admin or a secretariat confirms or refuses first logins (/adgang/afventende).
 */
export async function oidcPageRoutes(app: FastifyInstance, directory: OidcDirectory) {
  const providers = directory.providers.map((p) => ({ id: p.id, label: p.label }));
  const base = (req: FastifyRequest) => app.config.publicUrl ?? `${req.protocol}://${req.host}`;
  const provider = (id: string) => {
    const p = directory.find(id);
    if (!p) {
      throw notFound("Log-ind-udbyderen");
    }
    return p;
  };
  const loginError = (ctx: PageCtx, reply: FastifyReply, status: number, message: string, next = "/") =>
    sendPage(
      reply,
      ctx,
      LoginPage({ ctx, form: { email: "", next, error: { message, fields: {} } }, providers }),
      status,
    );

  app.get<ProviderParams>("/log-ind/oidc/:provider", hidden, async (req, reply) => {
    const p = provider(req.params.provider);
    const next = safeNext(req.query.next);
    try {
      const start = await directory.startLogin(p, `${base(req)}${FLOW_PATH}/${p.id}/callback`);
      const flow = { p: p.id, s: start.state, n: start.nonce, v: start.verifier, next };
      reply.setCookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString("base64url"), {
        path: FLOW_PATH,
        httpOnly: true,
        sameSite: "lax",
        secure: isSecureRequest(req),
        maxAge: 600,
      });
      return reply.redirect(start.url, 303);
    } catch (err) {
      req.log.warn({ err, provider: p.id }, "OpenID provider unavailable");
      const ctx = pageContext(req, reply);
      return loginError(ctx, reply, 503, ctx.t("login.providerDown", { label: p.label }), next);
    }
  });

  app.get<ProviderParams>("/log-ind/oidc/:provider/callback", hidden, async (req, reply) => {
    const p = provider(req.params.provider);
    const ctx = pageContext(req, reply);
    const flow = readFlow(req.cookies[FLOW_COOKIE]);
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
    if (!flow || flow.p !== p.id) {
      return loginError(ctx, reply, 400, ctx.t("login.flowExpired"));
    }
    if (req.query.error) {
      return loginError(ctx, reply, 400, ctx.t("login.providerCancelled", { label: p.label }), flow.next);
    }
    let login: Awaited<ReturnType<OidcDirectory["finishLogin"]>>;
    try {
      login = await directory.finishLogin(p, new URL(req.url, base(req)), {
        state: flow.s,
        nonce: flow.n,
        verifier: flow.v,
      });
    } catch (err) {
      if (isUnreachable(err)) {
        req.log.warn({ err, provider: p.id }, "OpenID provider unavailable");
        return loginError(ctx, reply, 503, ctx.t("login.providerDown", { label: p.label }), flow.next);
      }
      // A wrong state or nonce, a forged or expired ID token: refused, and logged for whoever investigates.
      req.log.warn({ err, provider: p.id }, "OpenID login refused");
      return loginError(ctx, reply, 400, ctx.t("login.providerFailed", { label: p.label }), flow.next);
    }
    const result = await signInWithProvider(app.database.db, p, login, app.config.sessionHours);
    if (result.kind === "pending") {
      const text = ctx.t("login.pending", { label: p.label });
      return sendPage(reply, ctx, NoticePage({ ctx, heading: ctx.t("login.pendingHeading"), text }), 403);
    }
    if (result.kind === "refused") {
      return loginError(ctx, reply, 403, ctx.t("login.refused", { label: p.label }));
    }
    await startBrowserSession(req, reply, result);
    return reply.redirect(flow.next === "/" ? "/arbejdsrum" : flow.next, 303);
  });

  app.withTypeProvider<ZodTypeProvider>().post("/api/v1/auth/oidc/:provider/backchannel-logout", {
    schema: {
      tags: ["Adgang"],
      summary: "Back-channel logout fra en OpenID-udbyder (logout_token)",
      params: z.object({ provider: z.string() }),
      body: z.object({ logout_token: z.string().min(1).max(20_000) }),
      response: { 200: z.object({ ended: z.number().int() }), 400: ZError, 404: ZError },
    },
    handler: async (req, reply) => {
      const p = provider(req.params.provider);
      reply.header("cache-control", "no-store");
      const logout = await directory.verifyLogoutToken(p, req.body.logout_token).catch((err: unknown) => {
        req.log.warn({ err, provider: p.id }, "logout token refused");
        throw new AppError("bad_request", "logout_token kunne ikke godkendes.");
      });
      return { ended: await endProviderSessions(app.database.db, logout) };
    },
  });

  const labels = new Map(directory.providers.map((p) => [p.id, p.label]));
  app.get("/adgang/afventende", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const data = await listPendingIdentities(ctx.svc);
    return sendPage(reply, ctx, PendingPage({ ctx, data, labels, admin: isPrivileged(ctx.actor) }));
  });

  app.post<{ Params: { id: string } }>("/adgang/afventende/:id/godkend", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const person =
      typeof body.personId === "string" && /^\d{1,9}$/.test(body.personId) ? Number(body.personId) : null;
    await confirmIdentity(ctx.svc, { identityId: idParam(req.params.id), personId: person });
    return reply.redirect("/adgang/afventende", 303);
  });

  app.post<{ Params: { id: string } }>("/adgang/afventende/:id/afvis", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    await refuseIdentity(ctx.svc, idParam(req.params.id));
    return reply.redirect("/adgang/afventende", 303);
  });
}

function idParam(value: string): number {
  if (!/^\d{1,9}$/.test(value)) {
    throw notFound("Anmodningen");
  }
  return Number(value);
}

function readFlow(cookie: string | undefined) {
  if (!cookie) {
    return null;
  }
  try {
    const parsed = ZFlow.safeParse(JSON.parse(Buffer.from(cookie, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
