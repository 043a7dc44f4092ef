import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../modules/auth/index.ts";
import type { Ctx } from "../server/context.ts";
import { isSecureRequest, PAGE_CSP } from "../server/security-headers.ts";
import { csrfToken } from "./csrf.ts";
import { LANG_COOKIE, type Lang, resolveLang, type Translate, translator } from "./i18n.ts";
import type { Html } from "./jsx/jsx-runtime.ts";

/** Everything a page needs to know about the request, built once per request by pageContext(). */
export interface PageCtx {
  lang: Lang;
  t: Translate;
  actor: Actor;
  /** path and query of the request, without ?lang= (for the language switch and login's way back) */
  path: string;
  /** the value for hidden `_csrf` fields */
  csrf: string;
  /** a service context for reads on behalf of the reader */
  svc: Ctx;
}

/** Builds the page context of a request. */
export function pageContext(req: FastifyRequest, reply: FastifyReply): PageCtx {
  // The logged-in user's own choice first, then this browser's, then the browser's languages.
  const lang = resolveLang(
    undefined,
    req.actor.locale ?? req.cookies[LANG_COOKIE],
    req.headers["accept-language"],
  );
  return {
    lang,
    t: translator(lang),
    actor: req.actor,
    path: req.url,
    csrf: csrfToken(req, reply, isSecureRequest(req)),
    svc: { db: req.server.database.db, actor: req.actor },
  };
}

/** Headers of every HTML response: no inline script or style may run (CSP), pages vary per reader. */
export function setPageHeaders(reply: FastifyReply, lang: Lang): FastifyReply {
  return reply
    .type("text/html; charset=utf-8")
    .header("content-language", lang)
    .header("cache-control", "private, no-cache")
    .header("vary", "Cookie, Accept-Language")
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "same-origin")
    .header("content-security-policy", PAGE_CSP);
}

/** Sends a rendered page. */
export function sendPage(reply: FastifyReply, ctx: PageCtx, html: Html, status = 200) {
  return setPageHeaders(reply, ctx.lang).code(status).send(`<!doctype html>\n${html.value}`);
}

/** Machine interfaces: their errors stay JSON whatever the client accepts. */
const JSON_PREFIXES = ["/api/", "/api?", "/oparl", "/healthz"];

/** Does this request want an HTML page (rather than the API's JSON)? */
export function wantsHtml(req: FastifyRequest): boolean {
  if (req.url === "/api" || JSON_PREFIXES.some((p) => req.url.startsWith(p))) {
    return false;
  }
  const accept = req.headers.accept ?? "";
  return accept.includes("text/html") || !accept.includes("application/json");
}

/** A same-site path to go back to after logging in; anything else becomes "/". */
export function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s]*$/.test(value) && value.length < 500 ? value : "/";
}
