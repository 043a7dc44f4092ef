/**
 * A snapshot as the agenda and minutes editions print it (documents module): the figures as a table,
 * the line chart as plain geometry (the PDF draws it as a tagged Figure with its alternative text; Word
 * gets the text and the table), and whether the figures are frozen. Only for items the reader may see:
 * the caller passes the ids of the items it prints (a redacted closed item is never passed).
 */
import { asc, inArray } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { LINE, linePoints } from "./charts.ts";
import { displayNumber } from "./decimal.ts";
import { canSeeInternal } from "./indicators.access.ts";
import { indicatorSnapshots } from "./indicators.tables.ts";
import { periodLabel } from "./periods.ts";
import { figuresOf } from "./snapshots.ts";

export interface PrintedSnapshot {
  name: string;
  unit: string;
  /** "Tallene er frosset ved referatets offentliggørelse 3.12.2026." or the note that they are the newest */
  note: string;
  /** what the chart shows, in words (the PDF Figure's Alt; Word prints it above the table) */
  alt: string;
  /** null when there is nothing to draw */
  chart: {
    width: number;
    height: number;
    yTicks: { y: number; label: string }[];
    xLabels: { x: number; label: string }[];
    lines: { name: string; points: { x: number; y: number }[] }[];
  } | null;
  /** area, period, value, load date */
  rows: [string, string, string, string][];
}

const day = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
};

/** The printed snapshots of the given (visible) items, per item id, oldest first. */
export async function printedSnapshotsOfItems(
  ctx: Ctx,
  itemIds: number[],
): Promise<Map<number, PrintedSnapshot[]>> {
  const out = new Map<number, PrintedSnapshot[]>();
  if (itemIds.length === 0) {
    return out;
  }
  const rows = await ctx.db
    .select()
    .from(indicatorSnapshots)
    .where(inArray(indicatorSnapshots.itemId, itemIds))
    .orderBy(asc(indicatorSnapshots.id));
  const internalToo = canSeeInternal(ctx.actor);
  for (const s of rows) {
    const figures = await figuresOf(ctx, s);
    const note = s.frozen
      ? `Tallene er frosset ved referatets offentliggørelse ${day(figures.frozenAt)}.`
      : "Nyeste indlæste tal; de fryses, når referatet offentliggøres.";
    const list = out.get(s.itemId) ?? [];
    for (const ind of figures.indicators) {
      if (ind.internal && !internalToo) {
        continue;
      }
      list.push(printed(ind, note));
    }
    out.set(s.itemId, list);
  }
  return out;
}

function printed(
  ind: Awaited<ReturnType<typeof figuresOf>>["indicators"][number],
  note: string,
): PrintedSnapshot {
  const periods = [...new Set(ind.values.map((v) => v.period))].sort();
  const areas = [...new Set(ind.values.map((v) => v.areaName))];
  const series = areas.map((a) => ({
    name: a,
    values: periods.map((p) => {
      const v = ind.values.find((x) => x.areaName === a && x.period === p);
      return v ? Number(v.value) : null;
    }),
  }));
  const labels = periods.map((p) => periodLabel(p, "da"));
  const first = labels[0] ?? "";
  const last = labels.at(-1) ?? "";
  const alt =
    periods.length === 0
      ? `${ind.name}: ingen tal i perioden.`
      : `Kurve over ${ind.name} (${ind.unit}) for ${areas.join(", ")}, ${first}–${last}. ` +
        series
          .map(
            (s) =>
              `${s.name}: ${s.values.map((v, i) => `${labels[i]} ${v === null ? "intet tal" : displayNumber(v, "da", 6)}`).join(", ")}.`,
          )
          .join(" ") +
        " Tallene står i tabellen under kurven.";
  let chart: PrintedSnapshot["chart"] = null;
  if (periods.length > 0) {
    const geo = linePoints(labels, series);
    chart = {
      width: LINE.width,
      height: LINE.height,
      yTicks: geo.ticks.map((v) => ({ y: Math.round(geo.y(v) * 10) / 10, label: displayNumber(v, "da", 6) })),
      xLabels: labels.map((label, i) => ({ x: Math.round(geo.x(i) * 10) / 10, label })),
      lines: series.map((s, i) => ({
        name: s.name,
        points: (geo.points[i] ?? []).map(({ x, y }) => ({ x, y })),
      })),
    };
  }
  return {
    name: ind.name,
    unit: ind.unit,
    note,
    alt,
    chart,
    rows: ind.values.map((v) => [
      v.areaName,
      periodLabel(v.period, "da"),
      displayNumber(v.value, "da", 6),
      day(v.loadedAt),
    ]),
  };
}
