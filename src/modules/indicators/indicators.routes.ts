import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { acceptRawBodies } from "../../server/raw-upload.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { authorize } from "../auth/index.ts";
import { AREA_KINDS } from "../reference/index.ts";
import { canLoadIndicators } from "./indicators.access.ts";
import { isDefinitions, readSheet } from "./indicators.file.ts";
import { defineIndicators, loadIndicatorValues, saveDefinitions } from "./indicators.load.ts";
import {
  ZIndicator,
  ZIndicatorDefinition,
  ZIndicatorValue,
  ZLoadResult,
  ZSnapshotInput,
} from "./indicators.schemas.ts";
import { areasWithValues, getIndicator, listIndicators, valuesFor } from "./indicators.service.ts";
import { addSnapshot, getSnapshot } from "./snapshots.ts";

const ZCode = z.strictObject({ code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/) });
const ZAreaQuery = z.strictObject({
  areaKind: z.enum([...AREA_KINDS, "national"]).optional(),
  areaCode: z.string().max(40).optional(),
});

/** /api/v1/indicators: definitions, values per area (stored or aggregated), loading files, snapshots. */
export async function indicatorRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Indikatorer"];

  r.get("/indicators", {
    schema: {
      tags,
      summary: "Indikatorerne (interne kun for loggede ind)",
      response: { 200: z.array(ZIndicator), ...ERROR_RESPONSES },
    },
    handler: async (req) => listIndicators({ db: db(), actor: req.actor }),
  });

  r.post("/indicators", {
    schema: {
      tags,
      summary: "Opret eller ret en indikators definition (efter kode); sekretariater og administratorer",
      body: ZIndicatorDefinition,
      response: { 200: ZIndicator, ...ERROR_RESPONSES },
    },
    handler: async (req) => {
      const ctx = { db: db(), actor: req.actor };
      authorize(
        req.actor,
        canLoadIndicators(req.actor),
        "Kun sekretariater og administratorer kan definere indikatorer.",
      );
      await db().transaction((tx) => saveDefinitions({ db: tx, actor: req.actor }, [req.body]));
      return getIndicator(ctx, req.body.code);
    },
  });

  r.get("/indicators/:code/values", {
    schema: {
      tags,
      summary:
        "Indikatorens nyeste værdier; med areaKind/areaCode for ét område (større områder beregnes af kommunernes værdier, når de ikke er indlæst)",
      params: ZCode,
      querystring: ZAreaQuery,
      response: { 200: z.array(ZIndicatorValue), ...ERROR_RESPONSES },
    },
    handler: async (req) => {
      const ctx = { db: db(), actor: req.actor };
      const indicator = await getIndicator(ctx, req.params.code);
      const areas =
        req.query.areaKind && req.query.areaCode
          ? [{ kind: req.query.areaKind, code: req.query.areaCode }]
          : await areasWithValues(ctx, indicator.id);
      return valuesFor(ctx, indicator, areas);
    },
  });

  r.get("/indicator-snapshots/:id", {
    schema: {
      tags,
      summary: "Et indikatorbillede på et dagsordenspunkt (frosset, når referatet er offentliggjort)",
      params: ZIdParams,
      response: { 200: z.any(), ...ERROR_RESPONSES },
    },
    handler: async (req) => getSnapshot({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/items/:id/indicator-snapshots", {
    schema: {
      tags,
      summary: "Sæt et indikatorbillede på et dagsordenspunkt (forummets sekretariat)",
      params: ZIdParams,
      body: ZSnapshotInput,
      response: { 201: z.object({ id: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const id = await db().transaction((tx) =>
        addSnapshot({ db: tx, actor: req.actor }, req.params.id, req.body),
      );
      return reply.code(201).send({ id });
    },
  });

  await app.register(async (files) => {
    acceptRawBodies(files, 30 * 1024 * 1024);
    files.withTypeProvider<ZodTypeProvider>().post("/indicators/load", {
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Indlæs en CSV- eller XLSX-fil (rå bytes) i langt format, alt eller intet; en fil med definitioner opretter indikatorer",
        querystring: z.strictObject({ fileName: z.string().min(1).max(300) }),
        response: { 200: ZLoadResult, ...ERROR_RESPONSES },
      },
      handler: async (req) => {
        const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
        const sheet = readSheet(req.query.fileName, bytes);
        const ctx = { db: db(), actor: req.actor };
        if (isDefinitions(sheet)) {
          const r = await db().transaction((tx) => defineIndicators({ db: tx, actor: req.actor }, sheet));
          return { loadId: 0, rows: r.created + r.updated, superseded: 0 };
        }
        const format = /\.xlsx$/i.test(req.query.fileName) ? "xlsx" : "csv";
        return loadIndicatorValues(ctx, { fileName: req.query.fileName, format, sheet });
      },
    });
  });
}
