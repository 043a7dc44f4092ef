import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { sendDownload } from "../../server/download.ts";
import { acceptRawBodies } from "../../server/raw-upload.ts";
import { ZDeleteQuery, ZIdParams } from "../../server/schemas.ts";
import {
  ZDocumentFileQuery,
  ZDocumentLinkInput,
  ZDocumentParams,
  ZInitiativeDocument,
} from "./documents.schemas.ts";
import {
  addFileDocument,
  addLinkDocument,
  listDocuments,
  readDocumentFile,
  removeDocument,
} from "./documents.service.ts";

/** /initiatives/:id/documents: list, add a link, upload a file (raw bytes), remove, download. */
export async function initiativeDocumentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Indsatser"];

  r.get("/initiatives/:id/documents", {
    schema: {
      tags,
      summary: "Indsatsens dokumenter (offentlige som indsatsen): links og filer",
      params: ZIdParams,
      response: { 200: z.array(ZInitiativeDocument), ...ERROR_RESPONSES },
    },
    handler: async (req) => listDocuments({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/initiatives/:id/documents", {
    schema: {
      tags,
      summary: "Tilføj et dokument som link (https:// eller http://, eller en side i Tværs)",
      params: ZIdParams,
      body: ZDocumentLinkInput,
      response: { 201: ZInitiativeDocument, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            addLinkDocument({ db: tx, actor: req.actor }, req.params.id, req.body),
          ),
        ),
  });

  await app.register(async (files) => {
    // The file travels as the raw request body, whatever its declared type: the name and the bytes decide.
    acceptRawBodies(files, app.config.maxUploadBytes);
    files.withTypeProvider<ZodTypeProvider>().post("/initiatives/:id/documents/file", {
      bodyLimit: app.config.maxUploadBytes,
      schema: {
        tags,
        summary:
          "Læg en fil op som dokument (rå bytes; typen afgøres af filnavnets endelse og bekræftes af indholdet)",
        params: ZIdParams,
        querystring: ZDocumentFileQuery,
        response: { 201: ZInitiativeDocument, ...ERROR_RESPONSES },
      },
      handler: async (req, reply) => {
        const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
        const created = await db().transaction((tx) =>
          addFileDocument({ db: tx, actor: req.actor }, req.params.id, {
            title: req.query.title,
            fileName: req.query.fileName,
            bytes,
            maxBytes: app.config.maxUploadBytes,
          }),
        );
        return reply.code(201).send(created);
      },
    });
  });

  r.delete("/initiatives/:id/documents/:documentId", {
    schema: {
      tags,
      summary: "Fjern et dokument fra indsatsen",
      params: ZDocumentParams,
      querystring: ZDeleteQuery,
      response: { 204: z.null().describe("fjernet"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      await db().transaction((tx) =>
        removeDocument({ db: tx, actor: req.actor }, req.params.id, req.params.documentId, req.query.version),
      );
      return reply.code(204).send(null);
    },
  });

  r.get("/initiatives/:id/documents/:documentId/content", {
    schema: {
      tags,
      summary: "Hent et dokuments fil (Content-Disposition: attachment)",
      params: ZDocumentParams,
      response: { 200: z.any().describe("filens bytes"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      sendDownload(
        reply,
        await readDocumentFile({ db: db(), actor: req.actor }, req.params.id, req.params.documentId),
        "no-cache",
      ),
  });
}
