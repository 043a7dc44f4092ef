import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import { csvFile } from "../../lib/csv.ts";
import { writeXlsx, XLSX_MIME } from "../../lib/xlsx.ts";
import { AppError } from "../../server/errors.ts";
import { readMultipartForm } from "../../web/multipart.ts";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { authorize } from "../auth/index.ts";
import { registerItemExtra } from "../meetings/index.ts";
import { getReferenceData } from "../reference/index.ts";
import { bodyDashboardRoutes } from "./body-dashboard.routes.tsx";
import { indicatorDashboard, lineFor } from "./dashboard.ts";
import { canLoadIndicators } from "./indicators.access.ts";
import { isDefinitions, readSheet } from "./indicators.file.ts";
import { defineIndicators, loadIndicatorValues } from "./indicators.load.ts";
import { DashboardPage, IndicatorPage, IndicatorsPage } from "./indicators.pages.tsx";
import { areaName, getIndicator, listIndicators, valuesFor } from "./indicators.service.ts";
import { snapshotsUnderItems } from "./meeting-extra.tsx";
import { snapshotPageRoutes } from "./snapshot.routes.ts";
import { UploadPage } from "./upload.page.tsx";

const hidden = { schema: { hide: true } };
type CodeParam = { Params: { code: string } };

/** The indicator pages: list, one indicator, one area, downloads, the upload page. */
export async function indicatorPageRoutes(app: FastifyInstance) {
  await bodyDashboardRoutes(app);
  await snapshotPageRoutes(app);
  // the figures the body saw, under their items on the public meeting page
  registerItemExtra(snapshotsUnderItems);

  app.get("/indikatorer", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const list = await listIndicators(ctx.svc);
    return sendPage(reply, ctx, IndicatorsPage({ ctx, list, canLoad: canLoadIndicators(ctx.actor) }));
  });

  app.get("/indikatorer/indlaes", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    requireLoader(ctx);
    return sendPage(reply, ctx, UploadPage({ ctx, result: null, problems: [], message: null }));
  });

  app.get<{ Params: { kind: string; code: string } }>(
    "/indikatorer/omraade/:kind/:code",
    hidden,
    async (req, reply) => {
      const ctx = pageContext(req, reply);
      const data = await getReferenceData(ctx.svc);
      const area = data.areas.find((a) => a.kind === req.params.kind && a.code === req.params.code);
      if (!area) {
        throw new AppError("not_found", "Området findes ikke.");
      }
      const items = [];
      for (const indicator of await listIndicators(ctx.svc)) {
        const line = await lineFor(ctx.svc, indicator, { kind: area.kind, code: area.code }, data);
        if (line.series.length > 0) {
          items.push({ indicator, line });
        }
      }
      const title = ctx.t("ind.areaTitle", { name: area.name });
      return sendPage(reply, ctx, DashboardPage({ ctx, title, lead: ctx.t("ind.areaLead"), items }));
    },
  );

  app.get<CodeParam>("/indikatorer/:code", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const d = await indicatorDashboard(
      ctx.svc,
      req.params.code,
      (req.query ?? {}) as Record<string, unknown>,
    );
    return sendPage(reply, ctx, IndicatorPage({ ctx, d }));
  });

  async function grid(ctx: PageCtx, code: string) {
    const indicator = await getIndicator(ctx.svc, code);
    const data = await getReferenceData(ctx.svc);
    const { areasWithValues } = await import("./indicators.service.ts");
    const areas = await areasWithValues(ctx.svc, indicator.id);
    const rows = await valuesFor(ctx.svc, indicator, areas, data);
    const header = [
      "indicator",
      "area_kind",
      "area_code",
      "area_name",
      "period",
      "value",
      "numerator",
      "denominator",
      "loaded_at",
    ];
    return {
      indicator,
      rows: [
        header,
        ...rows.map((r) => [
          indicator.code,
          r.areaKind,
          r.areaCode,
          areaName(data, { kind: r.areaKind as never, code: r.areaCode }),
          r.period,
          r.value,
          r.numerator,
          r.denominator,
          r.loadedAt,
        ]),
      ],
    };
  }

  app.get<CodeParam>("/indikatorer/:code/vaerdier.csv", hidden, async (req, reply) => {
    const g = await grid(pageContext(req, reply), req.params.code);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${g.indicator.code}.csv"`)
      .send(csvFile(g.rows));
  });

  app.get<CodeParam>("/indikatorer/:code/vaerdier.xlsx", hidden, async (req, reply) => {
    const g = await grid(pageContext(req, reply), req.params.code);
    const sheet = writeXlsx([
      {
        name: g.indicator.code.slice(0, 31),
        rows: g.rows.map((r, i) =>
          r.map((c, j) =>
            i > 0 && j >= 5 && j <= 7 && c !== null ? { number: String(c) } : c === null ? null : String(c),
          ),
        ),
      },
    ]);
    return reply
      .type(XLSX_MIME)
      .header("content-disposition", `attachment; filename="${g.indicator.code}.xlsx"`)
      .send(Buffer.from(sheet));
  });

  function requireLoader(ctx: PageCtx) {
    // 401 for someone not logged in (sent to the log-in page), 403 for a logged-in reader without the right
    authorize(ctx.actor, canLoadIndicators(ctx.actor), ctx.t("ind.forbidden"));
  }

  await app.register(async (files) => {
    await files.register(fastifyMultipart, { limits: { fileSize: 30 * 1024 * 1024, files: 1, fields: 5 } });
    files.post("/indikatorer/indlaes", hidden, async (req, reply: FastifyReply) => {
      const ctx = pageContext(req, reply);
      requireLoader(ctx);
      const form = await readMultipartForm(req, ctx.t, ctx.t("ref.notMultipart"));
      const file = form.files.find((f) => f.name !== "");
      const fail = (message: string, problems: { path: string; message: string }[], code: number) =>
        sendPage(reply, ctx, UploadPage({ ctx, result: null, problems, message }), code);
      if (!file) {
        return fail(ctx.t("ind.noFile"), [], 400);
      }
      if (file.truncated) {
        return fail(ctx.t("ind.tooLarge"), [], 413);
      }
      try {
        const sheet = readSheet(file.name, file.bytes);
        const svc = { db: app.database.db, actor: ctx.actor };
        if (isDefinitions(sheet)) {
          const r = await app.database.db.transaction((tx) =>
            defineIndicators({ db: tx, actor: ctx.actor }, sheet),
          );
          return sendPage(
            reply,
            ctx,
            UploadPage({ ctx, result: ctx.t("ind.loadedDefs", r), problems: [], message: null }),
          );
        }
        const r = await loadIndicatorValues(svc, {
          fileName: file.name,
          format: /\.xlsx$/i.test(file.name) ? "xlsx" : "csv",
          sheet,
        });
        const text = ctx.t("ind.loadedValues", { rows: r.rows, load: r.loadId, superseded: r.superseded });
        return sendPage(reply, ctx, UploadPage({ ctx, result: text, problems: [], message: null }));
      } catch (err) {
        if (err instanceof AppError && err.status < 500 && err.status !== 403) {
          return fail(err.message, err.fields ?? [], 400);
        }
        if (err instanceof Error && /XLSX|CSV|Linje|rækker/.test(err.message) && !(err instanceof AppError)) {
          return fail(err.message, [], 400);
        }
        throw err;
      }
    });
  });
}
