import type { FastifyInstance } from "fastify";
import { toAppError } from "../../server/errors.plugin.ts";
import { AppError } from "../../server/errors.ts";
import { OPARL_TYPE } from "./oparl.urls.ts";

/**
 * What every OParl answer shares: CORS for browser clients on other sites (spec 2-06), answers to
 * preflight requests, and errors as OParl `Error` objects (spec 3-13) that keep our own `error` shape
 * beside them. Registered inside the OParl plugin, so it touches no other route.
 */
export function oparlHttp(app: FastifyInstance, prefix: string) {
  app.addHook("onRequest", async (_req, reply) => {
    reply.header("access-control-allow-origin", "*");
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("access-control-allow-origin", "*");
    reply.header("access-control-expose-headers", "ETag, Last-Modified, Content-Disposition");
    return payload;
  });

  const preflight = {
    schema: { hide: true },
    handler: async (_req: unknown, reply: import("fastify").FastifyReply) =>
      reply
        .code(204)
        .header("access-control-allow-methods", "GET, HEAD, OPTIONS")
        .header("access-control-allow-headers", "Accept, Accept-Language, If-None-Match, If-Modified-Since")
        .header("access-control-max-age", "86400")
        .send(),
  };
  app.options(prefix, preflight);
  app.options(`${prefix}/*`, preflight);
  app.get(`${prefix}/*`, { schema: { hide: true } }, async () => {
    throw new AppError("not_found", "Adressen findes ikke i OParl-grænsefladen.");
  });

  app.setErrorHandler((err, req, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) {
      req.log.error({ err }, "request failed");
    }
    const error: { code: string; message: string; fields?: unknown } = {
      code: appError.code,
      message: appError.message,
    };
    if (appError.fields) {
      error.fields = appError.fields;
    }
    return reply
      .code(appError.status)
      .type("application/json; charset=utf-8")
      .send({ type: OPARL_TYPE("Error"), message: appError.message, debug: appError.code, error });
  });
}
