import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Ctx } from "../../server/context.ts";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { type StoredFile, sendDownload } from "../../server/download.ts";
import { acceptRawBodies } from "../../server/raw-upload.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { assertUploadFits } from "../files/index.ts";
import { getAgreement, getToolbox, listAgreements, readVersionContent } from "./agreements.read.ts";
import {
  type TAgreement,
  ZAgreement,
  ZAgreementSummary,
  ZApprove,
  ZCreateAgreement,
  ZListQuery,
  ZMoveStatus,
  ZToolbox,
  ZToolboxQuery,
  ZUpdateAgreement,
  ZVersionInput,
} from "./agreements.schemas.ts";
import {
  addVersion,
  approveAgreement,
  createAgreement,
  moveAgreement,
  publishVersion,
  updateAgreement,
  uploadVersionContent,
} from "./agreements.service.ts";

/** Sends stored bytes as a download (the one sender of src/server/download.ts, never cached). */
export const sendStored = (reply: FastifyReply, file: StoredFile) => sendDownload(reply, file);

/** Raw-bytes upload routes (a document for a version or a response) in their own content-type scope. */
export function registerUpload(
  app: FastifyInstance,
  path: string,
  tag: string,
  summary: string,
  upload: (
    ctx: Ctx,
    id: number,
    input: { bytes: Uint8Array; mimeType: string; fileName?: string | undefined },
  ) => Promise<TAgreement>,
) {
  return app.register(async (files) => {
    acceptRawBodies(files, app.config.maxUploadBytes);
    files.withTypeProvider<ZodTypeProvider>().put(path, {
      bodyLimit: app.config.maxUploadBytes,
      schema: {
        tags: [tag],
        summary,
        params: ZIdParams,
        querystring: z.strictObject({ fileName: z.string().max(255).optional() }),
        response: { 200: ZAgreement, ...ERROR_RESPONSES },
      },
      handler: async (req) => {
        const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
        const mimeType =
          (req.headers["content-type"] ?? "application/octet-stream").split(";")[0]?.trim() ?? "";
        // The allow-list decides by content; the type stored is the content's, the name cleaned (issue 18.8).
        const fits = bytes.byteLength > 0 ? assertUploadFits(bytes, mimeType, req.query.fileName) : null;
        return app.database.db.transaction((tx) =>
          upload({ db: tx, actor: req.actor }, req.params.id, {
            bytes,
            mimeType: (fits?.mimeType ?? mimeType).slice(0, 200),
            fileName: fits ? fits.fileName : req.query.fileName,
          }),
        );
      },
    });
  });
}

export async function agreementRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Aftaler"];
  const ok = { 200: ZAgreement, ...ERROR_RESPONSES };

  r.get("/agreements", {
    schema: {
      tags,
      summary: "Aftaler, som læseren må se",
      querystring: ZListQuery,
      response: { 200: z.array(ZAgreementSummary), ...ERROR_RESPONSES },
    },
    handler: async (req) => listAgreements({ db: db(), actor: req.actor }, req.query),
  });

  r.post("/agreements", {
    schema: {
      tags,
      summary: "Opret et udkast til en aftale med første version",
      body: ZCreateAgreement,
      response: { 201: ZAgreement, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await db().transaction((tx) => createAgreement({ db: tx, actor: req.actor }, req.body))),
  });

  r.get("/agreements/:id", {
    schema: {
      tags,
      summary: "Aftalen med versioner, beslutninger og høringer",
      params: ZIdParams,
      response: ok,
    },
    handler: async (req) => getAgreement({ db: db(), actor: req.actor }, req.params.id),
  });

  r.patch("/agreements/:id", {
    schema: {
      tags,
      summary: "Ret aftalens titel, tema, resumé og kontakt",
      params: ZIdParams,
      body: ZUpdateAgreement,
      response: ok,
    },
    handler: async (req) =>
      db().transaction((tx) => updateAgreement({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.post("/agreements/:id/versions", {
    schema: {
      tags,
      summary: "Ny version (en gældende aftale kommer under revision)",
      params: ZIdParams,
      body: ZVersionInput,
      response: { 201: ZAgreement, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) => addVersion({ db: tx, actor: req.actor }, req.params.id, req.body)),
        ),
  });

  r.post("/agreement-versions/:id/publish", {
    schema: { tags, summary: "Offentliggør et udkast", params: ZIdParams, response: ok },
    handler: async (req) =>
      db().transaction((tx) => publishVersion({ db: tx, actor: req.actor }, req.params.id)),
  });

  await registerUpload(
    app,
    "/agreement-versions/:id/content",
    "Aftaler",
    "Upload versionens dokument (rå bytes)",
    uploadVersionContent,
  );

  r.get("/agreement-versions/:id/content", {
    schema: {
      tags,
      summary: "Hent versionens dokument",
      params: ZIdParams,
      response: { 200: z.any().describe("filens bytes"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      sendStored(reply, await readVersionContent({ db: db(), actor: req.actor }, req.params.id)),
  });

  r.post("/agreements/:id/approve", {
    schema: {
      tags,
      summary: "Godkend en version (større revision efter høring; mindre rettelser af et formandskab)",
      params: ZIdParams,
      body: ZApprove,
      response: ok,
    },
    handler: async (req) =>
      db().transaction((tx) => approveAgreement({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.post("/agreements/:id/status", {
    schema: {
      tags,
      summary: "Under implementering, under revision, erstattet eller tilbage til udkast",
      params: ZIdParams,
      body: ZMoveStatus,
      response: ok,
    },
    handler: async (req) =>
      db().transaction((tx) => moveAgreement({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.get("/toolbox", {
    schema: {
      tags,
      summary: "Værktøjskassen: gældende aftaler efter tema (søgbar)",
      querystring: ZToolboxQuery,
      response: { 200: ZToolbox, ...ERROR_RESPONSES },
    },
    handler: async (req) => getToolbox({ db: db(), actor: req.actor }, req.query),
  });
}
