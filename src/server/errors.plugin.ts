import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { pgErrorCode } from "../db/crud.ts";
import { sendErrorPage } from "../web/error-page.tsx";
import { wantsHtml } from "../web/page.ts";
import { AppError, type ErrorCode, type FieldError } from "./errors.ts";

function fieldPath(instancePath: string, params: unknown): string {
  const base = instancePath.replace(/^\//, "").replaceAll("/", ".");
  // An unrecognized-keys issue names the offending field in params.keys rather than in the path.
  const key = (params as { keys?: string[] } | undefined)?.keys?.[0];
  return key ? (base ? `${base}.${key}` : key) : base;
}

/** Maps any thrown error to the one error shape; messages of 5xx errors never reach the client. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) {
    return err;
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldError[] = err.validation.map((v) => ({
      path: [err.validationContext, fieldPath(v.instancePath, v.params)].filter(Boolean).join("."),
      message: v.message ?? "Ugyldig værdi.",
    }));
    return new AppError(
      "validation_failed",
      "Oplysningerne er ikke gyldige. Ret felterne og prøv igen.",
      fields,
    );
  }
  const code = pgErrorCode(err);
  if (code === "23503" || code === "23001") {
    return new AppError(
      "has_dependents",
      "Kan ikke gennemføres: andre data henviser til dette, eller det henviste findes ikke.",
    );
  }
  if (code === "23505") {
    return new AppError("conflict", "Findes allerede (navnet eller nøglen er optaget).");
  }
  if (code === "22001" || code === "22003" || code === "22007" || code === "22008") {
    return new AppError("validation_failed", "En værdi er uden for det tilladte.");
  }
  const fe = err as Partial<FastifyError>;
  const byFastify: Record<string, [ErrorCode, string]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ["payload_too_large", "Forespørgslen er for stor."],
    FST_REQ_FILE_TOO_LARGE: ["payload_too_large", "Filen er for stor."],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ["unsupported_media_type", "Indholdstypen understøttes ikke."],
    FST_ERR_CTP_EMPTY_JSON_BODY: ["bad_request", "Forespørgslen mangler indhold."],
    FST_ERR_CTP_INVALID_JSON_BODY: ["bad_request", "Indholdet er ikke gyldig JSON."],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["bad_request", "Forkert indholdslængde."],
  };
  const mapped = fe.code ? byFastify[fe.code] : undefined;
  if (mapped) {
    return new AppError(mapped[0], mapped[1]);
  }
  if (fe.statusCode === 413) {
    return new AppError("payload_too_large", "Forespørgslen er for stor.");
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError("bad_request", "Forespørgslen kunne ikke forstås.");
  }
  return new AppError("internal", "Der opstod en uventet fejl. Prøv igen, eller kontakt support.");
}

/** The path of the first string holding a NUL character (PostgreSQL text cannot store one), if any. */
function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === "string") {
    return value.includes("\u0000") ? path : undefined;
  }
  if (value === null || typeof value !== "object" || depth >= 20 || Buffer.isBuffer(value)) {
    return undefined;
  }
  // Runs on every request: no entry arrays, and a field's path is only spelled out where it may be needed.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) {
      continue;
    }
    const inner = (value as Record<string, unknown>)[key];
    if (typeof inner === "string" ? inner.includes("\u0000") : inner !== null && typeof inner === "object") {
      const found = nulPath(inner, `${path}.${key}`, depth + 1);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  // A NUL character in any field would reach the database and fail there as a 500: refuse it here.
  app.addHook("preValidation", (req, _reply, done) => {
    const path = nulPath(req.params, "params") ?? nulPath(req.query, "query") ?? nulPath(req.body, "body");
    if (!path) {
      done();
      return;
    }
    done(
      new AppError("validation_failed", "Oplysningerne er ikke gyldige. Ret felterne og prøv igen.", [
        { path, message: "Teksten indeholder et ugyldigt tegn (NUL)." },
      ]),
    );
  });
  app.setErrorHandler((err, req, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) {
      req.log.error({ err }, "request failed");
    }
    if (wantsHtml(req)) {
      return sendErrorPage(req, reply, appError);
    }
    const body: { code: string; message: string; fields?: FieldError[] } = {
      code: appError.code,
      message: appError.message,
    };
    if (appError.fields) {
      body.fields = appError.fields;
    }
    return reply.code(appError.status).send({ error: body });
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?")[0]?.slice(0, 200) ?? "";
    if (wantsHtml(req)) {
      return sendErrorPage(req, reply, new AppError("not_found", ""), path);
    }
    return reply.code(404).send({ error: { code: "not_found", message: `Adressen ${path} findes ikke.` } });
  });
});
