import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { isWrite } from "../server/route-hooks.ts";

/**
 * CSRF protection for HTML forms. The `tvaers_csrf` cookie (HttpOnly, SameSite=Lax, set on first
 * need) is a random per-browser secret. Every page that shows a form puts a token into a hidden `_csrf`
 * field; every form post (urlencoded or multipart, without a bearer token) must send it back:
 * - logged in (a session cookie): the token is an HMAC of the CSRF cookie keyed with the session
 *   cookie, so it is bound to the session — a pair injected from elsewhere (a cookie the attacker
 *   planted, with a field they chose or got in their own browser) does not match the victim's session
 *   (issue 18.9);
 * - without a session (the log-in form): the token is the cookie itself (double submit).
 * On top of that the session cookie is SameSite=Lax and auth.plugin refuses cookie-authenticated
 * writes whose Origin/Referer is another site.
 *
 * The check runs by itself (web.plugin.ts, preValidation) for every urlencoded form post outside
 * /api/. A multipart page form (file upload) reads its fields itself and must call
 * csrfValid(req, fields._csrf) before acting. The JSON API is not form-encoded and keeps its
 * origin check.
 */
export const CSRF_COOKIE = "tvaers_csrf";
export const CSRF_FIELD = "_csrf";
const TOKEN_RE = /^[A-Za-z0-9_-]{32,64}$/;
/** auth.plugin's SESSION_COOKIE (web/ imports no module; a test checks they agree) */
export const CSRF_SESSION_COOKIE = "tvaers_session";

/** The form token for a CSRF cookie in a session (or without one). Pure. */
export function csrfFieldFor(cookieToken: string, session: string | undefined): string {
  if (!session) {
    return cookieToken;
  }
  return createHmac("sha256", session).update(`tvaers-csrf|${cookieToken}`).digest("base64url");
}

/** The form token this request's cookies call for, or null when it has no CSRF cookie (yet). */
export function csrfFieldOf(req: FastifyRequest): string | null {
  const cookie = req.cookies[CSRF_COOKIE];
  return cookie && TOKEN_RE.test(cookie) ? csrfFieldFor(cookie, req.cookies[CSRF_SESSION_COOKIE]) : null;
}

/** The request's CSRF token, creating it (and its cookie) when the browser has none yet. */
export function csrfToken(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = csrfFieldOf(req);
  if (existing) {
    return existing;
  }
  const token = randomBytes(24).toString("base64url");
  // Remember it on the request so a second call in the same request returns the same token.
  req.cookies[CSRF_COOKIE] = token;
  reply.setCookie(CSRF_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure });
  return csrfFieldFor(token, req.cookies[CSRF_SESSION_COOKIE]);
}

/** Is this an urlencoded form post to a page (checked automatically)? */
export function needsCsrfCheck(req: FastifyRequest): boolean {
  if (!isWrite(req.method)) {
    return false;
  }
  if (req.headers.authorization || req.url.startsWith("/api/")) {
    return false;
  }
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  return type.startsWith("application/x-www-form-urlencoded");
}

/** Does the posted `_csrf` field (from the urlencoded body, or given) match the cookie and the session? */
export function csrfValid(req: FastifyRequest, given?: unknown): boolean {
  const expected = csrfFieldOf(req);
  const body = req.body as Record<string, unknown> | null | undefined;
  const sent = given ?? (body && typeof body === "object" ? body[CSRF_FIELD] : undefined);
  if (expected === null || typeof sent !== "string") {
    return false;
  }
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
