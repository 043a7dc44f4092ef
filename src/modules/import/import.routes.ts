import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { AppError } from "../../server/errors.ts";
import { ZId } from "../../server/schemas.ts";
import { authorize, isAnySecretary } from "../auth/index.ts";
import { ZImportResult } from "./import.schemas.ts";
import { configureParseLimits } from "./limits.ts";
import {
  confirmPendingImport,
  createPendingImport,
  deletePendingImport,
  getPendingImport,
} from "./review.service.ts";

const TAG = "Import";
const ZReviewParams = z.strictObject({ id: z.string().min(10).max(64).describe("importens id fra upload") });
const ZItemConfidence = z.object({
  number: z.number(),
  title: z.number(),
  access: z.number(),
  sections: z.number(),
  decision: z.number(),
  absent: z.number(),
});
const ZPendingImport = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  result: ZImportResult,
  confidence: z
    .object({
      document: z
        .number()
        .optional()
        .describe("hvor sikker importen er på, at det er en dagsorden eller et referat"),
      body: z.number(),
      start: z.number(),
      location: z.number(),
      items: z.array(ZItemConfidence),
    })
    .describe("hvor sikker importen er på hvert felt (0–1)"),
  warnings: z.array(z.string()),
  body: z.object({ id: z.number().int(), name: z.string() }).nullable().describe("forummet, hvis det findes"),
  meetingId: z
    .number()
    .int()
    .nullable()
    .describe("mødet, der vil blive opdateret; null: et nyt møde oprettes"),
  duplicateOf: z.object({ importId: z.number().int(), meetingId: z.number().int() }).nullable(),
});
const ZOutcome = z.object({
  status: z.enum(["imported", "updated", "duplicate"]),
  importId: z.number().int(),
  meetingId: z.number().int(),
  bodyId: z.number().int(),
  bodyCreated: z.boolean(),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    removed: z.number().int(),
    unchanged: z.number().int(),
    attachments: z.number().int(),
    files: z.number().int(),
    absences: z.number().int(),
  }),
  persons: z.object({ matched: z.number().int(), created: z.number().int() }),
  kept: z.array(z.string()).describe("brugeres ændringer, som den rettede udgave har ladt stå"),
});

/** Upload, review, confirm or discard an import. Multipart is registered here only. */
export async function importRoutes(app: FastifyInstance) {
  // Every parse in this process (imports and attachment text) runs under the configured page limit.
  configureParseLimits({ maxPdfPages: app.config.importMaxPdfPages });
  await app.register(fastifyMultipart, {
    limits: { fileSize: app.config.maxUploadBytes, files: 1, fields: 5 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.post("/imports", {
    schema: {
      tags: [TAG],
      summary:
        "Upload et dokument (multipart, feltet file) og få det læst til gennemsyn – intet skrives endnu",
      consumes: ["multipart/form-data"],
      querystring: z.strictObject({ bodyId: ZId.optional().describe("forummet, dokumentet hører til") }),
      body: z
        .object({
          file: z
            .string()
            .meta({ format: "binary" })
            .describe("dagsordenen eller referatet (PDF, DOCX, HTML, Markdown, tekst)"),
        })
        // The multipart parser leaves the body empty; the handler reads the file from the stream.
        .nullish(),
      response: { 201: ZPendingImport, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      // Refuse before reading a possibly large upload; the service checks again.
      authorize(
        req.actor,
        isAnySecretary(req.actor),
        "Kun sekretariater og administratorer kan importere dokumenter.",
      );
      if (!req.isMultipart()) {
        throw new AppError(
          "unsupported_media_type",
          "Send dokumentet som multipart/form-data i feltet file.",
        );
      }
      let file: Awaited<ReturnType<typeof req.file>>;
      let bytes: Uint8Array;
      try {
        file = await req.file();
        if (!file) {
          throw new AppError("validation_failed", "Vedhæft dokumentet i feltet file.", [
            { path: "file", message: "Skal udfyldes." },
          ]);
        }
        bytes = new Uint8Array(await file.toBuffer());
      } catch (err) {
        // A malformed multipart body (no boundary, cut off, JSON under a multipart header) is the
        // client's fault: 400, not 500. Limits (413) and our own errors keep their status.
        if (err instanceof AppError || (err as { statusCode?: number }).statusCode) {
          throw err;
        }
        throw new AppError("bad_request", "Forsendelsen kan ikke læses som multipart/form-data.");
      }
      // No transaction around the parse: a slow or hostile file must not hold a connection.
      const pending = await createPendingImport(
        { db: db(), actor: req.actor },
        {
          bytes,
          fileName: file.filename || "dokument",
          bodyId: req.query.bodyId,
          maxBytes: app.config.maxUploadBytes,
        },
      );
      return reply.code(201).send(pending);
    },
  });

  r.get("/imports/:id", {
    schema: {
      tags: [TAG],
      summary: "Hent en import til gennemsyn",
      params: ZReviewParams,
      response: { 200: ZPendingImport, ...ERROR_RESPONSES },
    },
    handler: async (req) => getPendingImport({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/imports/:id/confirm", {
    schema: {
      tags: [TAG],
      summary: "Godkend importen (evt. rettet) og skriv den i databasen i én transaktion",
      params: ZReviewParams,
      body: z.strictObject({
        result: ZImportResult.describe("resultatet fra upload, evt. rettet"),
        bodyId: ZId.optional().describe(
          "forummet; ellers det valgte ved upload eller det, dokumentet nævner",
        ),
      }),
      response: { 200: ZOutcome, ...ERROR_RESPONSES },
    },
    handler: async (req) => confirmPendingImport(db(), req.actor, req.params.id, req.body),
  });

  r.delete("/imports/:id", {
    schema: {
      tags: [TAG],
      summary: "Kassér en import",
      params: ZReviewParams,
      response: { 204: z.null().describe("Kasseret"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      await deletePendingImport({ db: db(), actor: req.actor }, req.params.id);
      return reply.code(204).send(null);
    },
  });
}
