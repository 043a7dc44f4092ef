import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { XLSX_MIME } from "../../lib/xlsx.ts";
import { ERROR_RESPONSES, registerCrud } from "../../server/crud-routes.ts";
import { ZDeleteQuery, ZId, ZIdParams } from "../../server/schemas.ts";
import { translator } from "../../web/i18n.ts";
import { slugify } from "../../web/slug.ts";
import { ZAttachmentMeta } from "../meetings/index.ts";
import { attachStatusToItem } from "./attach.service.ts";
import { statusCsv, statusXlsx } from "./funds.export.ts";
import {
  ZAttachStatus,
  ZCarryOver,
  ZCarryOverInput,
  ZFund,
  ZFundFields,
  ZFundFilter,
  ZFundUpdateFields,
  ZGrant,
  ZGrantInput,
  ZGrantPreview,
  ZGrantUpdate,
  ZHistoryEntry,
  ZSetIncome,
  ZSetParties,
  ZStatusTable,
} from "./funds.schemas.ts";
import { fundService, listFundHistory, setFundParties, setIncome } from "./funds.service.ts";
import {
  createGrant,
  deleteGrant,
  getGrant,
  listGrants,
  previewGrant,
  updateGrant,
} from "./grants.service.ts";
import { carryOver, getFundStatusJson, loadFundStatus } from "./status.service.ts";

/** Sends a generated file for download. */
export function sendFile(
  reply: FastifyReply,
  bytes: Uint8Array | string,
  mimeType: string,
  fileName: string,
) {
  return reply
    .header("content-type", mimeType)
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-cache")
    .serializer((p: unknown) => p as string)
    .send(typeof bytes === "string" ? bytes : Buffer.from(bytes));
}

export async function fundRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Puljer"];

  registerCrud(app, {
    path: "/funds",
    tag: "Puljer",
    noun: "pulje",
    row: ZFund,
    create: ZFundFields,
    update: ZFundUpdateFields,
    filter: ZFundFilter,
    service: fundService,
  });

  r.put("/funds/:id/parties", {
    schema: {
      tags,
      summary: "Sæt puljens parter, deres rækkefølge og fordelingsnøglen",
      params: ZIdParams,
      body: ZSetParties,
      response: { 200: ZFund, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => setFundParties({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.put("/funds/:id/income/:year", {
    schema: {
      tags,
      summary: "Registrér et års indtægt pr. part (øre)",
      params: z.strictObject({ id: ZId, year: z.coerce.number().int().min(1900).max(2200) }),
      body: ZSetIncome,
      response: {
        200: z.array(z.object({ partyId: z.number().int(), year: z.number().int(), amountOre: z.string() })),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (req) => {
      const rows = await db().transaction((tx) =>
        setIncome({ db: tx, actor: req.actor }, req.params.id, req.params.year, req.body.amounts),
      );
      return rows.map((i) => ({ partyId: i.partyId, year: i.year, amountOre: i.amountOre.toString() }));
    },
  });

  r.get("/funds/:id/grants", {
    schema: {
      tags,
      summary: "Puljens bevillinger (som læseren må se dem)",
      params: ZIdParams,
      response: { 200: z.array(ZGrant), ...ERROR_RESPONSES },
    },
    handler: async (req) => listGrants({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/funds/:id/grants/preview", {
    schema: {
      tags,
      summary: "Forhåndsvis fordelingen af en bevilling (gemmer intet)",
      params: ZIdParams,
      body: ZGrantInput,
      response: { 200: ZGrantPreview, ...ERROR_RESPONSES },
    },
    handler: async (req) => previewGrant({ db: db(), actor: req.actor }, req.params.id, req.body),
  });

  r.post("/funds/:id/grants", {
    schema: {
      tags,
      summary: "Opret en bevilling (eksplicitte beløb og/eller et beløb efter nøglen)",
      params: ZIdParams,
      body: ZGrantInput,
      response: { 201: ZGrant, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const grant = await db().transaction((tx) =>
        createGrant({ db: tx, actor: req.actor }, req.params.id, req.body),
      );
      return reply.code(201).send(grant);
    },
  });

  r.get("/grants/:id", {
    schema: {
      tags,
      summary: "Hent bevilling",
      params: ZIdParams,
      response: { 200: ZGrant, ...ERROR_RESPONSES },
    },
    handler: async (req) => getGrant({ db: db(), actor: req.actor }, req.params.id),
  });

  r.patch("/grants/:id", {
    schema: {
      tags,
      summary: "Ret bevilling (status, godkendelse, punkt)",
      params: ZIdParams,
      body: ZGrantUpdate,
      response: { 200: ZGrant, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      db().transaction((tx) => updateGrant({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.delete("/grants/:id", {
    schema: {
      tags,
      summary: "Slet bevilling",
      params: ZIdParams,
      querystring: ZDeleteQuery,
      response: { 204: z.null().describe("Slettet"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      await db().transaction((tx) =>
        deleteGrant({ db: tx, actor: req.actor }, req.params.id, req.query.version),
      );
      return reply.code(204).send(null);
    },
  });

  r.post("/funds/:id/carry-overs", {
    schema: {
      tags,
      summary: "Besluttet overførsel af uforbrugte midler til næste år",
      params: ZIdParams,
      body: ZCarryOverInput,
      response: { 201: ZCarryOver, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const row = await db().transaction((tx) =>
        carryOver({ db: tx, actor: req.actor }, req.params.id, req.body),
      );
      return reply.code(201).send(row);
    },
  });

  r.get("/funds/:id/status", {
    schema: {
      tags,
      summary: "Puljens statustabel (alle beløb i øre)",
      params: ZIdParams,
      response: { 200: ZStatusTable, ...ERROR_RESPONSES },
    },
    handler: async (req) => getFundStatusJson({ db: db(), actor: req.actor }, req.params.id),
  });

  for (const format of ["csv", "xlsx"] as const) {
    r.get(`/funds/:id/status.${format}`, {
      schema: {
        tags,
        summary: `Puljens statustabel som ${format.toUpperCase()}`,
        params: ZIdParams,
        querystring: z.strictObject({ lang: z.enum(["da", "en"]).optional() }),
        response: { 200: z.any().describe("filen"), ...ERROR_RESPONSES },
      },
      handler: async (req, reply) => {
        const lang = req.query.lang ?? "da";
        const status = await loadFundStatus({ db: db(), actor: req.actor }, req.params.id);
        const name = `${slugify(`status ${status.fund.name}`) || "status"}.${format}`;
        return format === "csv"
          ? sendFile(reply, statusCsv(status, translator(lang), lang), "text/csv; charset=utf-8", name)
          : sendFile(reply, statusXlsx(status, translator(lang), lang), XLSX_MIME, name);
      },
    });
  }

  r.post("/funds/:id/status.xlsx/attach", {
    schema: {
      tags,
      summary: "Læg statustabellen (XLSX) som bilag på et dagsordenspunkt",
      params: ZIdParams,
      body: ZAttachStatus.extend({
        edition: z.enum(["public", "full"]).optional().describe("full lægges som lukket bilag"),
      }),
      response: { 201: ZAttachmentMeta, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const att = await db().transaction((tx) =>
        attachStatusToItem({ db: tx, actor: req.actor }, req.params.id, req.body),
      );
      return reply.code(201).send(att);
    },
  });

  r.get("/funds/:id/history", {
    schema: {
      tags,
      summary: "Puljens historik: hvem ændrede hvad hvornår",
      params: ZIdParams,
      response: { 200: z.array(ZHistoryEntry), ...ERROR_RESPONSES },
    },
    handler: async (req) => listFundHistory({ db: db(), actor: req.actor }, req.params.id),
  });
}
