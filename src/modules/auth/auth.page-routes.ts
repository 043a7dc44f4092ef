import type { FastifyInstance } from "fastify";
import { AppError } from "../../server/errors.ts";
import { pageContext, safeNext, sendPage } from "../../web/page.ts";
import { PUBLIC_ACTOR } from "./actor.ts";
import { LoginPage, LogoutPage } from "./auth.pages.tsx";
import { SESSION_COOKIE } from "./auth.plugin.ts";
import { checkPassword, logout, openSession } from "./auth.service.ts";
import { OidcDirectory } from "./oidc.client.ts";
import { LoggedOutPage } from "./oidc.pages.tsx";
import { oidcPageRoutes } from "./oidc.routes.ts";
import { findProviderSession } from "./oidc.service.ts";
import { startBrowserSession } from "./session-cookie.ts";
import { loginPolicyFor, RATE_LIMITED_MESSAGE } from "./throttle.ts";
import { ChallengeStore } from "./totp.challenges.ts";
import { TotpPage } from "./totp.pages.tsx";
import { totpPageRoutes } from "./totp.routes.ts";
import { completeSecondFactor, secondFactorNeed, startTotpEnrolment } from "./totp.service.ts";

const hidden = { schema: { hide: true } };
const str = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * /log-ind and /log-ud: the same login services and session cookie as the API, for browsers; the
 * second step (TOTP) of a password login; the providers' routes (oidc.routes.ts) and /konto/totrin.
 */
export async function authPageRoutes(app: FastifyInstance) {
  const throttle = loginPolicyFor(app.database);
  const directory = new OidcDirectory(app.config.oidcProviders);
  const challenges = new ChallengeStore();
  const providers = directory.providers.map((p) => ({ id: p.id, label: p.label }));

  app.get<{ Querystring: { next?: string } }>("/log-ind", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const form = { email: "", next: safeNext(req.query.next) };
    return sendPage(reply, ctx, LoginPage({ ctx, form, providers }));
  });

  app.post("/log-ind", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = str(body.email).trim().slice(0, 300);
    const password = str(body.password).slice(0, 1000);
    const next = safeNext(body.next);
    const fail = (status: number, message: string, fields: { email?: string; password?: string } = {}) =>
      sendPage(
        reply,
        ctx,
        LoginPage({ ctx, form: { email, next, error: { message, fields } }, providers }),
        status,
      );
    if (!email || !password) {
      return fail(400, ctx.t("auth.missing"), {
        ...(email ? {} : { email: ctx.t("auth.emailRequired") }),
        ...(password ? {} : { password: ctx.t("auth.passwordRequired") }),
      });
    }
    if (throttle.isBlocked(req.ip, email)) {
      return fail(429, RATE_LIMITED_MESSAGE);
    }
    const db = app.database.db;
    try {
      const user = await checkPassword(db, email, password);
      const need = await secondFactorNeed(db, user, app.config.totpRequired);
      if (need === "none") {
        throttle.reset(req.ip, email);
        await startBrowserSession(req, reply, await openSession(db, user, app.config.sessionHours));
        return reply.redirect(next, 303);
      }
      // The failure count is kept until the code is right too: a known password gives no free guesses.
      const challenge = challenges.create({ userId: user.id, email, next, enrol: need === "enrol" });
      const enrol =
        need === "enrol" ? { ...(await startTotpEnrolment(db, user.id)), required: true } : undefined;
      return sendPage(reply, ctx, TotpPage({ ctx, form: { action: "/log-ind/kode", challenge, enrol } }));
    } catch (err) {
      if (err instanceof AppError && err.code === "invalid_credentials") {
        throttle.recordFailure(req.ip, email);
        return fail(401, err.message);
      }
      throw err;
    }
  });

  // The second step: the code from the authenticator app (or the first code, while enrolling).
  app.post("/log-ind/kode", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = str(body.challenge);
    const step = challenges.attempt(token);
    if (!step) {
      const form = { email: "", next: "/", error: { message: ctx.t("totp.expired"), fields: {} } };
      return sendPage(reply, ctx, LoginPage({ ctx, form, providers }), 400);
    }
    if (throttle.isBlocked(req.ip, step.email)) {
      challenges.finish(token);
      const form = {
        email: step.email,
        next: step.next,
        error: { message: RATE_LIMITED_MESSAGE, fields: {} },
      };
      return sendPage(reply, ctx, LoginPage({ ctx, form, providers }), 429);
    }
    const code = str(body.code).slice(0, 20);
    const db = app.database.db;
    const user = code ? await completeSecondFactor(db, step, code) : null;
    if (!user) {
      if (code) {
        throttle.recordFailure(req.ip, step.email);
      }
      const enrol = step.enrol
        ? { ...(await startTotpEnrolment(db, step.userId)), required: true }
        : undefined;
      const error = ctx.t(code ? "totp.wrong" : "totp.codeRequired");
      return sendPage(
        reply,
        ctx,
        TotpPage({ ctx, form: { action: "/log-ind/kode", challenge: token, enrol, error } }),
        code ? 401 : 400,
      );
    }
    challenges.finish(token);
    throttle.reset(req.ip, step.email);
    await startBrowserSession(req, reply, await openSession(db, user, app.config.sessionHours));
    return reply.redirect(step.next, 303);
  });

  app.get("/log-ud", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, LogoutPage({ ctx }));
  });

  app.post("/log-ud", hidden, async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    const fromProvider = cookie ? await findProviderSession(app.database.db, cookie) : null;
    if (cookie) {
      await logout(app.database.db, cookie);
    }
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    const provider = fromProvider ? directory.find(fromProvider.provider) : undefined;
    if (fromProvider && provider) {
      // The provider's own session ends at its end_session_endpoint (RP-initiated logout). A link,
      // not a redirect: the page's CSP (form-action 'self') rightly stops a form post from leaving the site.
      const base = app.config.publicUrl ?? `${req.protocol}://${req.host}`;
      const url = await directory.endSessionUrl(provider, fromProvider.idToken, `${base}/`).catch(() => null);
      if (url) {
        req.actor = PUBLIC_ACTOR;
        const ctx = pageContext(req, reply);
        return sendPage(reply, ctx, LoggedOutPage({ ctx, label: provider.label, endSessionUrl: url }));
      }
    }
    return reply.redirect("/", 303);
  });

  await oidcPageRoutes(app, directory);
  await totpPageRoutes(app);
}
