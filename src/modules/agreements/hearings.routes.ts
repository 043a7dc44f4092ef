import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { translator } from "../../web/i18n.ts";
import { slugify } from "../../web/slug.ts";
import { loadMatrix, readResponseContent } from "./agreements.read.ts";
import { registerUpload, sendStored } from "./agreements.routes.ts";
import {
  ZAgreement,
  ZCloseHearing,
  ZRemarkInput,
  ZRemarkUpdate,
  ZResponseInput,
  ZStartHearing,
} from "./agreements.schemas.ts";
import {
  addRemark,
  addResponse,
  closeHearing,
  startHearing,
  updateRemark,
  uploadResponseContent,
} from "./hearings.service.ts";
import { matrixCsv, matrixDocx, matrixRows } from "./matrix.ts";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function hearingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Høringer"];
  const ok = { 200: ZAgreement, ...ERROR_RESPONSES };
  const created = { 201: ZAgreement, ...ERROR_RESPONSES };

  r.post("/agreements/:id/hearings", {
    schema: {
      tags,
      summary: "Send en version i høring (offentliggør høringsudkastet)",
      params: ZIdParams,
      body: ZStartHearing,
      response: created,
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) => startHearing({ db: tx, actor: req.actor }, req.params.id, req.body)),
        ),
  });

  r.post("/hearings/:id/responses", {
    schema: {
      tags,
      summary: "Registrér et høringssvar (og dets bemærkninger)",
      params: ZIdParams,
      body: ZResponseInput,
      response: created,
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) => addResponse({ db: tx, actor: req.actor }, req.params.id, req.body)),
        ),
  });

  r.post("/hearings/:id/close", {
    schema: {
      tags,
      summary: "Afslut høringen (evt. offentliggør svar og svarmatrix)",
      params: ZIdParams,
      body: ZCloseHearing,
      response: ok,
    },
    handler: async (req) =>
      db().transaction((tx) => closeHearing({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  await registerUpload(
    app,
    "/hearing-responses/:id/content",
    "Høringer",
    "Upload høringssvarets dokument (rå bytes)",
    uploadResponseContent,
  );

  r.get("/hearing-responses/:id/content", {
    schema: {
      tags,
      summary: "Hent høringssvarets dokument",
      params: ZIdParams,
      response: { 200: z.any().describe("filens bytes"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      sendStored(reply, await readResponseContent({ db: db(), actor: req.actor }, req.params.id)),
  });

  r.post("/hearing-responses/:id/remarks", {
    schema: {
      tags,
      summary: "Tilføj en bemærkning til svarmatrixen",
      params: ZIdParams,
      body: ZRemarkInput,
      response: created,
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) => addRemark({ db: tx, actor: req.actor }, req.params.id, req.body)),
        ),
  });

  r.patch("/hearing-remarks/:id", {
    schema: {
      tags,
      summary: "Hvordan bemærkningen er håndteret (ikke ændret / drøftet og justeret / ændret)",
      params: ZIdParams,
      body: ZRemarkUpdate,
      response: ok,
    },
    handler: async (req) =>
      db().transaction((tx) => updateRemark({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  for (const format of ["csv", "docx"] as const) {
    r.get(`/hearings/:id/matrix.${format}`, {
      schema: {
        tags,
        summary: `Svarmatrixen som ${format.toUpperCase()} (til det godkendende forum)`,
        params: ZIdParams,
        querystring: z.strictObject({ lang: z.enum(["da", "en"]).optional() }),
        response: { 200: z.any().describe("filen"), ...ERROR_RESPONSES },
      },
      handler: async (req, reply) => {
        const lang = req.query.lang ?? "da";
        const t = translator(lang);
        const { agreement, hearing } = await loadMatrix({ db: db(), actor: req.actor }, req.params.id);
        const fileName = `${slugify(`svarmatrix ${agreement.title}`) || "svarmatrix"}.${format}`;
        const bytes =
          format === "csv"
            ? new TextEncoder().encode(matrixCsv(matrixRows(hearing, t, lang), t))
            : await matrixDocx(agreement, hearing, t, lang);
        return sendStored(reply, {
          bytes,
          fileName,
          mimeType: format === "csv" ? "text/csv; charset=utf-8" : DOCX_MIME,
        });
      },
    });
  }
}
