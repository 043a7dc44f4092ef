import type { FastifyReply, FastifyRequest } from "fastify";
import { isSecureRequest } from "../../server/security-headers.ts";
import { SESSION_COOKIE } from "./auth.plugin.ts";
import { logout } from "./auth.service.ts";

/**
 * Gives the browser its new session cookie, however the person logged in (password, password + code,
 * or a provider). A login always gets a new session id; the one the browser had (if any) ends here.
 */
export async function startBrowserSession(
  req: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
): Promise<void> {
  const previous = req.cookies[SESSION_COOKIE];
  if (previous) {
    await logout(req.server.database.db, previous);
  }
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureRequest(req),
    expires: session.expiresAt,
  });
}
