import type { FastifyInstance } from "fastify";
import { AppError } from "../../server/errors.ts";
import { formString } from "../../web/form-fields.tsx";
import { formatDateTimeLong } from "../../web/format.ts";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { isAnySecretary } from "../auth/index.ts";
import { getBody } from "../bodies/index.ts";
import { getMeetingRow, meetingPath } from "../meetings/index.ts";
import { listParties } from "../parties/index.ts";
import { codedMunicipalityIds, loadDenmarkMap } from "./denmark.service.ts";
import { documentPageRoutes } from "./documents.page-routes.ts";
import { filterFromQuery } from "./filters.tsx";
import { loadGeography } from "./geography.service.ts";
import { renderInitiative } from "./initiative.render.ts";
import { initiativeEditPageRoutes } from "./initiative-edit.page-routes.ts";
import { InitiativesPage } from "./initiatives.pages.tsx";
import { initiativeFacets, listAllInitiatives } from "./initiatives.service.ts";
import { initiativePath } from "./initiatives.urls.ts";
import { countPerMunicipality, involvedMunicipalities } from "./involvement.ts";
import { MapPage } from "./map.pages.tsx";
import { layoutMap } from "./map.ts";
import { countInitiatives } from "./overview.ts";
import { changeStatus, meetingStatusReport } from "./status.service.ts";
import { StatusReportPage } from "./status-report.page.tsx";
import { variantPageRoutes } from "./variants.page-routes.ts";

const hidden = { schema: { hide: true } };
type Param = { Params: { param: string } };

/** The filtered initiatives; the municipality filter uses the same involvement rule as the map. */
async function filtered(ctx: PageCtx, query: unknown) {
  const facets = await initiativeFacets(ctx.svc);
  const filter = filterFromQuery((query ?? {}) as Record<string, unknown>, facets);
  const { partyId, ...sqlFilter } = filter;
  const [all, geography] = await Promise.all([
    listAllInitiatives(ctx.svc, sqlFilter),
    loadGeography(ctx.svc),
  ]);
  const list = partyId ? all.filter((i) => involvedMunicipalities(i, geography).has(partyId)) : all;
  return { facets, filter, list, all, geography };
}

export async function initiativePageRoutes(app: FastifyInstance) {
  await initiativeEditPageRoutes(app);
  await documentPageRoutes(app);
  await variantPageRoutes(app);

  app.get("/indsatser", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const { facets, filter, list } = await filtered(ctx, req.query);
    return sendPage(
      reply,
      ctx,
      InitiativesPage({
        ctx,
        data: { list, counts: countInitiatives(list), facets, filter, canCreate: isAnySecretary(ctx.actor) },
      }),
    );
  });

  app.get("/indsatser/kort", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const { facets, filter, list, all, geography } = await filtered(ctx, req.query);
    const counts = countPerMunicipality(all, geography);
    // Municipalities of the reference data are drawn on the map of Denmark; the rest (the fictional
    // demo region) keep their own schematic map.
    const coded = await codedMunicipalityIds(ctx.svc);
    const own = geography
      .map((r) => ({
        ...r,
        clusters: r.clusters
          .map((c) => ({ ...c, municipalities: c.municipalities.filter((m) => !coded.has(m.partyId)) }))
          .filter((c) => c.municipalities.length > 0),
      }))
      .filter((r) => r.clusters.length > 0);
    const layout = layoutMap(own, counts);
    const denmark = await loadDenmarkMap(ctx.svc, (req.query ?? {}) as Record<string, unknown>, counts);
    const partyName = new Map(
      geography.flatMap((r) =>
        r.clusters.flatMap((c) => c.municipalities.map((m) => [m.partyId, m.name] as const)),
      ),
    );
    for (const p of (await listParties(ctx.svc, { limit: 200 })).items) {
      partyName.set(p.id, p.name);
    }
    return sendPage(reply, ctx, MapPage({ ctx, data: { list, layout, facets, filter, partyName, denmark } }));
  });

  app.get<{ Params: { id: string } }>("/indsatser/status/:id", hidden, async (req, reply) => {
    const id = idFromSlugOr404(req.params.id, "Mødet");
    const ctx = pageContext(req, reply);
    const report = await meetingStatusReport(ctx.svc, id);
    const meeting = await getMeetingRow(ctx.svc.db, id);
    const body = await getBody(ctx.svc, meeting.bodyId);
    return sendPage(
      reply,
      ctx,
      StatusReportPage({
        ctx,
        data: {
          report,
          bodyName: body.name,
          meetingHref: meetingPath(meeting, body),
          meetingLabel: formatDateTimeLong(meeting.start, ctx.lang),
        },
      }),
    );
  });

  app.get<Param>("/indsatser/:param", hidden, async (req, reply) => renderInitiative(req, reply));

  app.post<Param>("/indsatser/:param/status", hidden, async (req, reply) => {
    const id = idFromSlugOr404(req.params.param, "Indsatsen");
    const ctx = pageContext(req, reply);
    const values: Record<string, string> = {};
    for (const k of ["phase", "rag", "reason", "meetingId", "version"]) {
      values[k] = formString(req.body, k);
    }
    const phases = ["idea", "described", "approved", "running", "evaluated", "anchored", "stopped"] as const;
    const rags = ["green", "yellow", "red"] as const;
    const phase = phases.find((p) => p === values.phase);
    const rag = rags.find((r) => r === values.rag);
    const fail = (fields: Record<string, string>, message: string) =>
      renderInitiative(req, reply, { status: { values, failed: { message, fields } } }, 400);
    if (!phase || !rag) {
      return fail({ "status-phase": ctx.t("initiatives.badStatus") }, ctx.t("initiatives.badStatus"));
    }
    try {
      const initiative = await app.database.db.transaction((tx) =>
        changeStatus({ db: tx, actor: ctx.actor }, id, {
          version: Number(values.version) || 0,
          phase,
          rag,
          reason: values.reason || null,
          meetingId: values.meetingId ? Number(values.meetingId) : null,
        }),
      );
      return reply.redirect(`${initiativePath(initiative)}?gemt=1`, 303);
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 401 && err.status !== 403) {
        const field = err.fields?.[0]?.path === "meetingId" ? "status-meeting" : "status-reason";
        return fail({ [field]: err.message }, err.message);
      }
      throw err;
    }
  });
}
