import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES, registerCrud } from "../../server/crud-routes.ts";
import { contentDisposition } from "../../server/download.ts";
import { acceptRawBodies } from "../../server/raw-upload.ts";
import { ZIdParams, ZVersion } from "../../server/schemas.ts";
import { assertUploadFits } from "../files/index.ts";
import {
  absenceService,
  attachmentService,
  readAttachmentContent,
  uploadAttachmentContent,
} from "./item-children.service.ts";
import {
  ZAbsence,
  ZAbsenceFields,
  ZAttachmentFields,
  ZAttachmentMeta,
  ZCorrection,
  ZCorrectionRow,
  ZItem,
  ZItemFields,
  ZItemFilter,
  ZItemUpdateFields,
} from "./items.schemas.ts";
import { correctMinutes, itemService, listCorrections } from "./items.service.ts";

export async function itemRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  registerCrud(app, {
    path: "/items",
    tag: "Dagsordenspunkter",
    noun: "dagsordenspunkt",
    row: ZItem,
    create: ZItemFields,
    update: ZItemUpdateFields,
    filter: ZItemFilter,
    parent: { path: "/meetings", key: "meetingId" },
    listAtRoot: true,
    service: itemService,
  });

  r.post("/items/:id/corrections", {
    schema: {
      tags: ["Dagsordenspunkter"],
      summary: "Ret et godkendt referat (kræver begrundelse; før og efter gemmes)",
      params: ZIdParams,
      body: ZCorrection,
      response: { 200: ZItem, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) =>
        correctMinutes({ db: tx, actor: req.actor }, req.params.id, req.body as never),
      ),
  });

  r.get("/items/:id/corrections", {
    schema: {
      tags: ["Dagsordenspunkter"],
      summary: "Rettelser af et godkendt referat",
      params: ZIdParams,
      response: { 200: z.array(ZCorrectionRow), ...ERROR_RESPONSES },
    },
    handler: async (req) => listCorrections({ db: db(), actor: req.actor }, req.params.id),
  });

  registerCrud(app, {
    path: "/absences",
    tag: "Dagsordenspunkter",
    noun: "fravær på et punkt",
    row: ZAbsence,
    create: ZAbsenceFields,
    update: { personId: ZAbsenceFields.personId, note: ZAbsenceFields.note },
    filter: { itemId: ZAbsenceFields.itemId },
    parent: { path: "/items", key: "itemId" },
    service: absenceService,
  });

  registerCrud(app, {
    path: "/attachments",
    tag: "Bilag",
    noun: "bilag",
    row: ZAttachmentMeta,
    create: ZAttachmentFields,
    update: {
      title: ZAttachmentFields.title,
      fileName: ZAttachmentFields.fileName,
      access: ZAttachmentFields.access,
      position: ZAttachmentFields.position,
    },
    filter: { itemId: ZAttachmentFields.itemId },
    parent: { path: "/items", key: "itemId" },
    service: attachmentService,
  });

  await app.register(async (files) => {
    // The file itself travels as the raw request body, whatever its type.
    acceptRawBodies(files, app.config.maxUploadBytes);
    files.withTypeProvider<ZodTypeProvider>().put("/attachments/:id/content", {
      bodyLimit: app.config.maxUploadBytes,
      schema: {
        tags: ["Bilag"],
        summary: "Upload bilagets fil (rå bytes; Content-Type er filens type)",
        params: ZIdParams,
        querystring: z.strictObject({
          version: z.coerce.number().pipe(ZVersion),
          fileName: z.string().max(255).optional(),
        }),
        response: { 200: ZAttachmentMeta, ...ERROR_RESPONSES },
      },
      handler: async (req) => {
        const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
        const mimeType =
          (req.headers["content-type"] ?? "application/octet-stream").split(";")[0]?.trim() ?? "";
        // The allow-list decides by content; the type stored is the content's, the name cleaned (issue 18.8).
        const fits = bytes.byteLength > 0 ? assertUploadFits(bytes, mimeType, req.query.fileName) : null;
        return db().transaction((tx) =>
          uploadAttachmentContent({ db: tx, actor: req.actor }, req.params.id, {
            bytes,
            mimeType: (fits?.mimeType ?? mimeType).slice(0, 200),
            fileName: fits ? fits.fileName : req.query.fileName,
            version: req.query.version,
          }),
        );
      },
    });
  });

  r.get("/attachments/:id/content", {
    schema: {
      tags: ["Bilag"],
      summary: "Hent bilagets fil",
      params: ZIdParams,
      response: { 200: z.any().describe("filens bytes"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const file = await readAttachmentContent({ db: db(), actor: req.actor }, req.params.id);
      return reply
        .header("content-type", file.mimeType)
        .header("content-disposition", contentDisposition("attachment", file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .serializer((p: unknown) => p as string)
        .send(Buffer.from(file.bytes));
    },
  });
}
