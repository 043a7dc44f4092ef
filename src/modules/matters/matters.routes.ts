import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { sendDownload } from "../../server/download.ts";
import { acceptRawBodies } from "../../server/raw-upload.ts";
import { ZId, ZIdParams } from "../../server/schemas.ts";
import { assertUploadFits } from "../files/index.ts";
import { siteUrl } from "../notifications/index.ts";
import { attachToMatter, readMatterAttachment } from "./matters.attachments.ts";
import { getChairRule, setChairRule } from "./matters.body-rules.ts";
import {
  ZAnswerMatter,
  ZChairRule,
  ZChairRuleOut,
  ZCreateMatter,
  ZDecideMatter,
  ZMatter,
  ZMatterAttachment,
  ZMatterList,
} from "./matters.schemas.ts";
import { answerMatter, createMatter, decideMatter, getMatter, listBodyMatters } from "./matters.service.ts";

const ZAttachmentParams = z.strictObject({ id: ZId, attachmentId: ZId });

/** /api/v1: matters decided between meetings — chair decisions and written procedures (issue 21). */
export async function matterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Beslutninger mellem møder"];

  r.post("/matters", {
    schema: {
      tags,
      summary: "Forelæg en sag for formandskabet eller send den til skriftlig behandling (sekretariatet)",
      body: ZCreateMatter,
      response: { 201: ZMatter, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await createMatter({ db: db(), actor: req.actor }, req.body, { baseUrl: siteUrl(app, req) })),
  });

  r.get("/matters/:id", {
    schema: {
      tags,
      summary: "En sag med afgørelsen og medlemmernes svar (kun forummets medlemmer)",
      params: ZIdParams,
      response: { 200: ZMatter, ...ERROR_RESPONSES },
    },
    handler: async (req) => getMatter({ db: db(), actor: req.actor }, req.params.id),
  });

  r.get("/bodies/:id/matters", {
    schema: {
      tags,
      summary: "Forummets sager mellem møder, nyeste først (kun forummets medlemmer)",
      params: ZIdParams,
      response: { 200: ZMatterList, ...ERROR_RESPONSES },
    },
    handler: async (req) => ({ items: await listBodyMatters({ db: db(), actor: req.actor }, req.params.id) }),
  });

  r.post("/matters/:id/decision", {
    schema: {
      tags,
      summary: "Formandsbeslutning: godkend, godkend med bemærkning eller afvis (formand og næstformand)",
      params: ZIdParams,
      body: ZDecideMatter,
      response: { 200: ZMatter, ...ERROR_RESPONSES },
    },
    handler: async (req) => decideMatter({ db: db(), actor: req.actor }, req.params.id, req.body),
  });

  r.post("/matters/:id/answers", {
    schema: {
      tags,
      summary: "Svar i en skriftlig behandling: godkend, afvis eller bemærkning (forummets medlemmer)",
      params: ZIdParams,
      body: ZAnswerMatter,
      response: { 200: ZMatter, ...ERROR_RESPONSES },
    },
    handler: async (req) => answerMatter({ db: db(), actor: req.actor }, req.params.id, req.body),
  });

  r.get("/bodies/:id/chair-rule", {
    schema: {
      tags,
      summary: "Forummets regel for formandsbeslutninger (kun forummets medlemmer)",
      params: ZIdParams,
      response: { 200: ZChairRuleOut, ...ERROR_RESPONSES },
    },
    handler: async (req) => getChairRule({ db: db(), actor: req.actor }, req.params.id),
  });

  r.put("/bodies/:id/chair-rule", {
    schema: {
      tags,
      summary: "Sæt reglen: formanden alene, formand eller næstformand, eller hvert medlem af formandskabet",
      params: ZIdParams,
      body: ZChairRule,
      response: { 200: ZChairRuleOut, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => setChairRule({ db: tx, actor: req.actor }, req.params.id, req.body.chairRule)),
  });

  r.get("/matters/:id/attachments/:attachmentId/content", {
    schema: {
      tags,
      summary: "Hent et bilag til sagen (kun forummets medlemmer)",
      params: ZAttachmentParams,
      response: { 200: z.any().describe("filens bytes"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      sendDownload(
        reply,
        await readMatterAttachment({ db: db(), actor: req.actor }, req.params.id, req.params.attachmentId),
      ),
  });

  await app.register(async (files) => {
    // The file itself travels as the raw request body; the allow-list decides by content.
    acceptRawBodies(files, app.config.maxUploadBytes);
    files.withTypeProvider<ZodTypeProvider>().post("/matters/:id/attachments", {
      bodyLimit: app.config.maxUploadBytes,
      schema: {
        tags,
        summary: "Vedhæft et bilag til en åben sag (rå bytes; sekretariatet)",
        params: ZIdParams,
        querystring: z.strictObject({
          fileName: z.string().min(1).max(255).describe("filens navn med endelse"),
          title: z.string().max(300).optional(),
        }),
        response: { 201: ZMatterAttachment, ...ERROR_RESPONSES },
      },
      handler: async (req, reply) => {
        const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
        if (bytes.byteLength > 0) {
          // A declared type that is not the content's type is refused, as for every API upload.
          assertUploadFits(bytes, req.headers["content-type"] ?? "", req.query.fileName);
        }
        const saved = await db().transaction((tx) =>
          attachToMatter({ db: tx, actor: req.actor }, req.params.id, {
            bytes,
            fileName: req.query.fileName,
            ...(req.query.title ? { title: req.query.title } : {}),
            maxBytes: app.config.maxUploadBytes,
          }),
        );
        return reply.code(201).send(saved);
      },
    });
  });
}
