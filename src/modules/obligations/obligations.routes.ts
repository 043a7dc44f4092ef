import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { sendDownload } from "../../server/download.ts";
import { AppError } from "../../server/errors.ts";
import { acceptRawBodies } from "../../server/raw-upload.ts";
import { ZId, ZIdParams } from "../../server/schemas.ts";
import { assertUploadFits } from "../files/index.ts";
import {
  answerObligation,
  answerObligationWithFile,
  readAnswerFile,
  readObligationReport,
} from "./answers.service.ts";
import { ZAnswer, ZAnswerFileQuery, ZFanOut, ZObligation } from "./obligations.schemas.ts";
import {
  attachObligationReport,
  type CheckedFile,
  fanOutObligation,
  fanOutObligationFromMatter,
  getObligation,
  listBodyObligations,
  listItemObligations,
  listMatterObligations,
} from "./obligations.service.ts";
import { addObligationStatusItem } from "./status-item.service.ts";

/** The raw bytes of an API upload, checked by the one allow-list (type from the content, name cleaned). */
function checkedUpload(req: FastifyRequest, fileName: string | undefined): CheckedFile {
  const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
  if (bytes.byteLength === 0) {
    throw new AppError("validation_failed", "Filen er tom.", [{ path: "body", message: "Filen er tom." }]);
  }
  const declared = (req.headers["content-type"] ?? "application/octet-stream").split(";")[0]?.trim() ?? "";
  const fits = assertUploadFits(bytes, declared, fileName ?? "fil");
  return { bytes, mimeType: fits.mimeType.slice(0, 200), fileName: fits.fileName ?? "fil" };
}

/** PUT uploads (raw bytes, any content type) in their own parser scope, limited to the upload size. */
async function obligationUploadRoutes(app: FastifyInstance) {
  acceptRawBodies(app, app.config.maxUploadBytes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Forpligtelser"];

  r.put("/obligations/:id/answers/file", {
    bodyLimit: app.config.maxUploadBytes,
    schema: {
      tags,
      summary: "Et modtagende forums eller en parts svar med en fil (udført); filens bytes i kroppen",
      params: ZIdParams,
      querystring: ZAnswerFileQuery,
      response: { 200: ZObligation, ...ERROR_RESPONSES },
    },
    handler: async (req) => {
      const file = checkedUpload(req, req.query.fileName);
      return db().transaction((tx) =>
        answerObligationWithFile({ db: tx, actor: req.actor }, req.params.id, req.query, file),
      );
    },
  });

  r.put("/obligations/:id/report", {
    bodyLimit: app.config.maxUploadBytes,
    schema: {
      tags,
      summary: "Vedhæft rapporten, der sendes med (fx til en anmodning om tilbagemelding); bytes i kroppen",
      params: ZIdParams,
      querystring: z.strictObject({ fileName: z.string().max(255).optional() }),
      response: { 200: ZObligation, ...ERROR_RESPONSES },
    },
    handler: async (req) => {
      const file = checkedUpload(req, req.query.fileName);
      return db().transaction((tx) =>
        attachObligationReport({ db: tx, actor: req.actor }, req.params.id, file),
      );
    },
  });
}

/** /api/v1: obligations fanned out from a decision, their answers and the status item. */
export async function obligationRoutes(app: FastifyInstance) {
  await app.register(obligationUploadRoutes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Forpligtelser"];

  r.post("/items/:id/obligations", {
    schema: {
      tags,
      summary: "Send en forpligtelse ud fra punktets beslutning til flere fora (én pr. forum)",
      params: ZIdParams,
      body: ZFanOut,
      response: { 201: ZObligation, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            fanOutObligation({ db: tx, actor: req.actor }, req.params.id, req.body),
          ),
        ),
  });

  r.get("/items/:id/obligations", {
    schema: {
      tags,
      summary: "Forpligtelser sendt ud fra punktet (kun det besluttende forums og modtagernes medlemmer)",
      params: ZIdParams,
      response: { 200: z.array(ZObligation), ...ERROR_RESPONSES },
    },
    handler: async (req) => listItemObligations({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/matters/:id/obligations", {
    schema: {
      tags,
      summary:
        "Send en forpligtelse ud fra en godkendt formandsbeslutning eller skriftlig behandling (én pr. forum eller part)",
      params: ZIdParams,
      body: ZFanOut,
      response: { 201: ZObligation, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            fanOutObligationFromMatter({ db: tx, actor: req.actor }, req.params.id, req.body),
          ),
        ),
  });

  r.get("/matters/:id/obligations", {
    schema: {
      tags,
      summary: "Forpligtelser sendt ud fra sagen (kun det besluttende forums og modtagernes medlemmer)",
      params: ZIdParams,
      response: { 200: z.array(ZObligation), ...ERROR_RESPONSES },
    },
    handler: async (req) => listMatterObligations({ db: db(), actor: req.actor }, req.params.id),
  });

  r.get("/obligations/:id", {
    schema: {
      tags,
      summary: "En forpligtelse med modtagernes svar og opgørelsen (hvem har svaret, hvem er for sent)",
      params: ZIdParams,
      response: { 200: ZObligation, ...ERROR_RESPONSES },
    },
    handler: async (req) => getObligation({ db: db(), actor: req.actor }, req.params.id),
  });

  r.get("/bodies/:id/obligations", {
    schema: {
      tags,
      summary: "Forummets forpligtelser: modtaget (skal besvares) og sendt ud (følges)",
      params: ZIdParams,
      response: {
        200: z.object({
          bodyId: z.number().int(),
          received: z.array(ZObligation),
          sent: z.array(ZObligation),
        }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (req) => listBodyObligations({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/obligations/:id/answers", {
    schema: {
      tags,
      summary: "Et modtagende forums svar: udført, ikke relevant (med begrundelse) eller mere tid (ny dato)",
      params: ZIdParams,
      body: ZAnswer,
      response: { 200: ZObligation, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => answerObligation({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.get("/obligations/:id/addressees/:addresseeId/file", {
    schema: {
      tags,
      summary: "Filen i et modtagers svar (for dem, der må se svaret)",
      params: z.strictObject({ id: ZId, addresseeId: ZId }),
      response: ERROR_RESPONSES,
    },
    handler: async (req, reply) =>
      sendDownload(
        reply,
        await readAnswerFile({ db: db(), actor: req.actor }, req.params.id, req.params.addresseeId),
      ),
  });

  r.get("/obligations/:id/report", {
    schema: {
      tags,
      summary: "Rapporten, der blev sendt med forpligtelsen eller anmodningen om tilbagemelding",
      params: ZIdParams,
      response: ERROR_RESPONSES,
    },
    handler: async (req, reply) =>
      sendDownload(reply, await readObligationReport({ db: db(), actor: req.actor }, req.params.id)),
  });

  r.post("/obligations/:id/status-item", {
    schema: {
      tags,
      summary: "Sæt 'Status for opfølgning hos …' på det besluttende forums næste planlagte dagsorden",
      params: ZIdParams,
      response: {
        201: z.object({ itemId: z.number().int(), meetingId: z.number().int() }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            addObligationStatusItem({ db: tx, actor: req.actor }, req.params.id),
          ),
        ),
  });
}
