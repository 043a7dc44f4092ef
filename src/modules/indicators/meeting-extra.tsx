import { asc, inArray } from "drizzle-orm";
import type { Html } from "#jsx/jsx-runtime";
import type { ItemExtra } from "../meetings/index.ts";
import { canSeeInternal } from "./indicators.access.ts";
import { indicatorSnapshots } from "./indicators.tables.ts";
import { SnapshotFigures } from "./snapshot.page.tsx";
import { figuresOf } from "./snapshots.ts";

/**
 * The public meeting page shows, under each item the reader may see, the indicator figures the body
 * saw: frozen with the minutes once they are published, the newest before. Internal indicators only
 * for those who may see them. Registered by the indicator pages (indicators.page-routes.ts).
 */
export const snapshotsUnderItems: ItemExtra = async (ctx, _meeting, items) => {
  const out = new Map<number, Html>();
  const rows = await ctx.svc.db
    .select()
    .from(indicatorSnapshots)
    .where(
      inArray(
        indicatorSnapshots.itemId,
        items.map((i) => i.id),
      ),
    )
    .orderBy(asc(indicatorSnapshots.id));
  const internal = canSeeInternal(ctx.svc.actor);
  for (const item of items) {
    const own = rows.filter((r) => r.itemId === item.id);
    const parts: Html[] = [];
    for (const s of own) {
      const figures = await figuresOf(ctx.svc, s);
      const shown = { ...figures, indicators: figures.indicators.filter((i) => internal || !i.internal) };
      if (shown.indicators.length === 0) {
        continue;
      }
      parts.push(
        <div class="tv-snapshot">
          <p class="tv-meta">
            {s.frozen
              ? ctx.t("ind.snapshotFrozen", { date: figures.frozenAt.slice(0, 10) })
              : ctx.t("ind.snapshotLive")}
          </p>
          <SnapshotFigures
            ctx={ctx}
            figures={shown}
            idPrefix={`punkt-${item.number}-snap-${s.id}`}
            heading="h4"
          />
        </div>,
      );
    }
    if (parts.length > 0) {
      out.set(
        item.id,
        <div class="tv-section">
          <h3>{ctx.t("ind.itemSnapshots")}</h3>
          {parts}
        </div>,
      );
    }
  }
  return out;
};
