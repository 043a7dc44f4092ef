import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * CSRF protection for HTML forms: a double-submit token. Every page that shows a form puts the
 * value of the `tvaers_csrf` cookie (HttpOnly, SameSite=Lax, set on first need) into a hidden
 * `_csrf` field; every form post (urlencoded or multipart, without a bearer token) must send it
 * back equal to the cookie. Another site can neither read the cookie nor set it, so it cannot
 * forge the field. On top of that the session cookie is SameSite=Lax and auth.plugin refuses
 * cookie-authenticated writes whose Origin/Referer is another site.
 *
 * The check runs by itself (web.plugin.ts, preValidation) for every urlencoded form post outside
 * /api/. A multipart page form (file upload) reads its fields itself and must call
 * csrfValid(req, fields._csrf) before acting. The JSON API is not form-encoded and keeps its
 * origin check.
 */
export const CSRF_COOKIE = "tvaers_csrf";
export const CSRF_FIELD = "_csrf";
const TOKEN_RE = /^[A-Za-z0-9_-]{32,64}$/;

/** The request's CSRF token, creating it (and its cookie) when the browser has none yet. */
export function csrfToken(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = req.cookies[CSRF_COOKIE];
  if (existing && TOKEN_RE.test(existing)) {
    return existing;
  }
  const token = randomBytes(24).toString("base64url");
  // Remember it on the request so a second call in the same request returns the same token.
  req.cookies[CSRF_COOKIE] = token;
  reply.setCookie(CSRF_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure });
  return token;
}

/** Is this an urlencoded form post to a page (checked automatically)? */
export function needsCsrfCheck(req: FastifyRequest): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") {
    return false;
  }
  if (req.headers.authorization || req.url.startsWith("/api/")) {
    return false;
  }
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  return type.startsWith("application/x-www-form-urlencoded");
}

/** Does the posted `_csrf` field (from the urlencoded body, or given) match the cookie? */
export function csrfValid(req: FastifyRequest, given?: unknown): boolean {
  const cookie = req.cookies[CSRF_COOKIE];
  const body = req.body as Record<string, unknown> | null | undefined;
  const sent = given ?? (body && typeof body === "object" ? body[CSRF_FIELD] : undefined);
  if (typeof cookie !== "string" || typeof sent !== "string" || !TOKEN_RE.test(cookie)) {
    return false;
  }
  const a = Buffer.from(cookie);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
