/** API of the implementation matrix and the ratification tracker (issue 22.3/22.4): thin routes over the acts. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { XLSX_MIME } from "../../lib/xlsx.ts";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZId, ZIdParams } from "../../server/schemas.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { translator } from "../../web/i18n.ts";
import { ZAttachmentMeta } from "../meetings/index.ts";
import { registerUpload, sendStored } from "./agreements.routes.ts";
import { matrixCsv, matrixXlsx } from "./implementation.export.ts";
import { loadMatrix } from "./implementation.read.ts";
import {
  ZAddRatificationStep,
  ZAttachMatrix,
  ZCellHistory,
  ZMatrix,
  ZMatrixQuery,
  ZRatification,
  ZSetImplementation,
  ZUpdateRatificationStep,
} from "./implementation.schemas.ts";
import { attachMatrixToItem, getCellHistory, setImplementationState } from "./implementation.service.ts";
import {
  addRatificationStep,
  getRatification,
  readRatificationDocument,
  updateRatificationStep,
  uploadRatificationDocument,
} from "./ratification.service.ts";

const ZCellParams = z.strictObject({ id: ZId, partyId: ZId });

export async function implementationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Aftaler"];

  r.get("/implementation", {
    schema: {
      tags,
      summary: "Implementeringen af de gældende aftaler pr. part (filtrérbar)",
      querystring: ZMatrixQuery,
      response: { 200: ZMatrix, ...ERROR_RESPONSES },
    },
    handler: async (req) => loadMatrix({ db: db(), actor: req.actor }, req.query),
  });

  for (const format of ["csv", "xlsx"] as const) {
    r.get(`/implementation.${format}`, {
      schema: {
        tags,
        summary: `Implementeringsmatricen som ${format.toUpperCase()} (samme filtre som siden)`,
        querystring: ZMatrixQuery.extend({ lang: z.enum(["da", "en"]).optional() }),
        response: { 200: z.any().describe("filen"), ...ERROR_RESPONSES },
      },
      handler: async (req, reply) => {
        const { lang = "da", ...query } = req.query;
        const matrix = await loadMatrix({ db: db(), actor: req.actor }, query);
        const day = isoDayInDenmark(new Date());
        const name = `implementering-${day}.${format}`;
        return format === "csv"
          ? sendStored(reply, {
              bytes: new TextEncoder().encode(matrixCsv(matrix, translator(lang), lang, day)),
              mimeType: "text/csv; charset=utf-8",
              fileName: name,
            })
          : sendStored(reply, {
              bytes: matrixXlsx(matrix, translator(lang), lang, day),
              mimeType: XLSX_MIME,
              fileName: name,
            });
      },
    });
  }

  r.post("/implementation.xlsx/attach", {
    schema: {
      tags,
      summary: "Læg et øjebliksbillede af matricen (XLSX) som bilag på et dagsordenspunkt",
      body: ZAttachMatrix,
      response: { 201: ZAttachmentMeta, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await db().transaction((tx) => attachMatrixToItem({ db: tx, actor: req.actor }, req.body))),
  });

  r.get("/agreements/:id/implementation/:partyId", {
    schema: {
      tags,
      summary: "En parts implementering af aftalen med historik",
      params: ZCellParams,
      response: { 200: ZCellHistory, ...ERROR_RESPONSES },
    },
    handler: async (req) => getCellHistory({ db: db(), actor: req.actor }, req.params.id, req.params.partyId),
  });

  r.post("/agreements/:id/implementation/:partyId", {
    schema: {
      tags,
      summary: "Registrér partens tilstand (partens repræsentant eller aftalens sekretariat)",
      params: ZCellParams,
      body: ZSetImplementation,
      response: { 200: ZCellHistory, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) =>
        setImplementationState({ db: tx, actor: req.actor }, req.params.id, req.params.partyId, req.body),
      ),
  });

  r.get("/agreements/:id/ratification", {
    schema: {
      tags,
      summary: "Godkendelsesforløbet: kommunalbestyrelser, regionsråd, Sundhedsstyrelsen og fristerne",
      params: ZIdParams,
      response: { 200: ZRatification, ...ERROR_RESPONSES },
    },
    handler: async (req) => getRatification({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/agreements/:id/ratification", {
    schema: {
      tags,
      summary: "Tilføj en godkendelse med frist (sekretariatet)",
      params: ZIdParams,
      body: ZAddRatificationStep,
      response: { 201: ZRatification, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            addRatificationStep({ db: tx, actor: req.actor }, req.params.id, req.body),
          ),
        ),
  });

  r.patch("/ratification-steps/:id", {
    schema: {
      tags,
      summary: "Registrér godkendelsen (dato, link, note) eller ret fristen",
      params: ZIdParams,
      body: ZUpdateRatificationStep,
      response: { 200: ZRatification, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => updateRatificationStep({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  await registerUpload(
    app,
    "/ratification-steps/:id/content",
    "Aftaler",
    "Upload godkendelsens dokument (rå bytes)",
    uploadRatificationDocument,
  );

  r.get("/ratification-steps/:id/content", {
    schema: {
      tags,
      summary: "Hent godkendelsens dokument",
      params: ZIdParams,
      response: { 200: z.any().describe("filens bytes"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) =>
      sendStored(reply, await readRatificationDocument({ db: db(), actor: req.actor }, req.params.id)),
  });
}
