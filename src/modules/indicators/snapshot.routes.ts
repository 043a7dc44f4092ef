import type { FastifyInstance } from "fastify";
import { AppError } from "../../server/errors.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { authorize } from "../auth/index.ts";
import { getReferenceData } from "../reference/index.ts";
import { canLoadIndicators } from "./indicators.access.ts";
import { listIndicators } from "./indicators.service.ts";
import { NewSnapshotPage, SnapshotPage } from "./snapshot.page.tsx";
import { addSnapshot, getSnapshot } from "./snapshots.ts";

const hidden = { schema: { hide: true } };

/** The snapshot pages: read one (frozen or newest), and put one on an item. */
export async function snapshotPageRoutes(app: FastifyInstance) {
  const itemOf = (q: unknown) => {
    const v = (q as Record<string, unknown>)?.punkt;
    return typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : 0;
  };

  async function renderNew(
    req: Parameters<typeof pageContext>[0],
    reply: Parameters<typeof pageContext>[1],
    error: string | null,
    code = 200,
  ) {
    const ctx = pageContext(req, reply);
    const data = await getReferenceData(ctx.svc);
    const areas = data.areas.map((a) => ({ value: `${a.kind}:${a.code}`, label: a.name }));
    return sendPage(
      reply,
      ctx,
      NewSnapshotPage({ ctx, itemId: itemOf(req.query), all: await listIndicators(ctx.svc), areas, error }),
      code,
    );
  }

  app.get("/indikatorer/billede/ny", hidden, async (req, reply) => {
    // The secretariats' form: nobody else is shown it (adding checks the item's own secretariat).
    authorize(
      req.actor,
      canLoadIndicators(req.actor),
      "Kun sekretariater kan sætte indikatorbilleder på punkter.",
    );
    return renderNew(req, reply, null);
  });

  app.post("/indikatorer/billede/ny", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const raw = body.indicators;
    const codes = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
    const [kind, code] = (typeof body.area === "string" ? body.area : "").split(":");
    try {
      const id = await app.database.db.transaction((tx) =>
        addSnapshot({ db: tx, actor: ctx.actor }, itemOf(req.query), {
          indicatorCodes: codes,
          areas: kind && code ? [{ kind, code }] : [],
          fromPeriod: typeof body.from === "string" ? body.from : "",
          toPeriod: typeof body.to === "string" ? body.to : "",
        }),
      );
      return reply.redirect(`/indikatorer/billede/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === "validation_failed") {
        return renderNew(req, reply, err.message, 400);
      }
      throw err;
    }
  });

  app.get<{ Params: { id: string } }>("/indikatorer/billede/:id", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const s = await getSnapshot(ctx.svc, idFromSlugOr404(req.params.id, "Indikatorbilledet"));
    return sendPage(reply, ctx, SnapshotPage({ ctx, s }));
  });
}
