import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { runAs } from "../../db/actor-context.ts";
import { AppError } from "../../server/errors.ts";
import { type Actor, PUBLIC_ACTOR } from "./actor.ts";
import { actorFromSession, actorFromToken } from "./auth.service.ts";

export const SESSION_COOKIE = "tvaers_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A cookie-authenticated write must come from our own origin (defence against cross-site requests). */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin ?? req.headers.referer;
  if (!origin) {
    return true;
  }
  try {
    const from = new URL(origin);
    // Parse our own host the same way, so "localhost:80" and "http://localhost" compare equal.
    return from.host === new URL(`${from.protocol}//${req.headers.host}`).host;
  } catch {
    return false;
  }
}

/** The audit log's name for an actor. */
export function actorLabel(actor: Actor): string {
  if (actor.system) {
    return "system";
  }
  return actor.userId === null ? "public" : `user:${actor.userId} ${actor.name ?? ""}`.trim();
}

/** Resolves who is asking on every request: bearer token, session cookie, or the public. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest("actor", null as unknown as typeof PUBLIC_ACTOR);
  app.decorateRequest("authVia", null);
  // One callback hook: a reader without a token or a session (the public) costs no promise. The rest of
  // the request runs with the actor's label (runAs), so every transaction it opens is audited under
  // that name; the context covers everything Fastify does after this hook.
  app.addHook("onRequest", (req, reply, done) => {
    req.actor = PUBLIC_ACTOR;
    if (!req.headers.authorization && !req.cookies[SESSION_COOKIE]) {
      runAs(actorLabel(PUBLIC_ACTOR), done);
      return;
    }
    identify(req, reply).then(() => runAs(actorLabel(req.actor), done), done);
  });

  /** Sets req.actor from the bearer token or the session cookie; refuses a bad token or a cross-site write. */
  async function identify(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const db = app.database.db;
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? await actorFromToken(db, match[1]) : null;
      if (!actor) {
        throw new AppError("unauthenticated", "API-nøglen er ugyldig eller udløbet.");
      }
      req.actor = actor;
      req.authVia = "token";
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      const actor = await actorFromSession(db, cookie);
      if (!actor) {
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return;
      }
      if (!SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
        throw new AppError("forbidden", "Forespørgslen kom fra et andet websted og blev afvist.");
      }
      req.actor = actor;
      req.authVia = "cookie";
    }
  }
});
