import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { setUserLocale } from "../modules/auth/index.ts";
import { AppError } from "../server/errors.ts";
import { hooksOf, routeMayWrite } from "../server/route-hooks.ts";
import { isSecureRequest } from "../server/security-headers.ts";
import { staticRoutes } from "../server/static.ts";
import { csrfValid, needsCsrfCheck } from "./csrf.ts";
import { isLang, LANG_COOKIE, t } from "./i18n.ts";

/**
 * What every page request shares: `?lang=` stored in a cookie (then a redirect to the clean URL),
 * the CSRF check of form posts (web/csrf.ts) and the static assets (DKFDS and our CSS).
 */
export const webPlugin = fp(async (app: FastifyInstance) => {
  // A callback hook: it runs on every request (the API's too) and nearly always has nothing to do.
  app.addHook("onRequest", (req, reply, done) => {
    if (req.method !== "GET" || req.url.startsWith("/api/") || !req.url.includes("lang=")) {
      done();
      return;
    }
    // A hook that answers does not call done (Fastify: "Respond to a request from a hook").
    rememberLang(req, reply).then((answered) => {
      if (!answered) {
        done();
      }
    }, done);
  });

  // The CSRF check: only routes that take writes carry it (a read never needs it).
  const checkCsrf = (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    if (needsCsrfCheck(req) && !csrfValid(req)) {
      const lang = isLang(req.cookies?.[LANG_COOKIE]) ? req.cookies[LANG_COOKIE] : "da";
      done(new AppError("forbidden", t(lang === "en" ? "en" : "da", "error.csrf")));
      return;
    }
    done();
  };
  app.addHook("onRoute", (route) => {
    if (routeMayWrite(route.method)) {
      route.preValidation = [checkCsrf, ...hooksOf(route.preValidation)] as never;
    }
  });

  /** `?lang=` on a page: kept in a cookie (and for a logged-in user, on the user), then the clean URL. */
  async function rememberLang(req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const url = new URL(req.url, "http://x");
    const lang = url.searchParams.get("lang");
    if (lang === null) {
      return false;
    }
    url.searchParams.delete("lang");
    if (isLang(lang)) {
      // A logged-in user's choice follows the user to every browser; the cookie serves the rest.
      if (req.actor.userId !== null && req.actor.locale !== lang) {
        await setUserLocale(app.database.db, req.actor.userId, lang);
      }
      reply.setCookie(LANG_COOKIE, lang, {
        path: "/",
        sameSite: "lax",
        httpOnly: true,
        secure: isSecureRequest(req),
        maxAge: 365 * 24 * 3600,
      });
    }
    reply.redirect(`${url.pathname}${url.search}`, 303);
    return true;
  }

  await app.register(staticRoutes);
});
