import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { type AreaKind, getReferenceData, inPeriod, type ReferenceData } from "../reference/index.ts";
import { aggregate } from "./aggregate.ts";
import { formatDecimal, parseDecimal } from "./decimal.ts";
import { canSeeInternal } from "./indicators.access.ts";
import type { TIndicator, TIndicatorValue } from "./indicators.schemas.ts";
import { indicatorLoads, indicators, indicatorValues } from "./indicators.tables.ts";

type IndicatorRow = typeof indicators.$inferSelect;

/** The database's "99.000000" as "99": stored and computed values read alike. */
const tidy = (v: string | null) => (v === null ? null : formatDecimal(parseDecimal(v) ?? 0n));

/** The whole country: computed from every municipality, never stored. */
export const NATIONAL = { kind: "national", code: "DK" } as const;
export type AreaRef = { kind: AreaKind | "national"; code: string };

export function presentIndicator(r: IndicatorRow): TIndicator {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    definition: r.definition,
    unit: r.unit,
    direction: r.direction,
    source: r.source,
    sourceUrl: r.sourceUrl,
    rhythm: r.rhythm,
    aggregation: r.aggregation,
    internal: r.internal,
    fictional: r.fictional,
  };
}

/** The indicators the reader may see (internal ones only for signed-in users). */
export async function listIndicators(ctx: Ctx): Promise<TIndicator[]> {
  const rows = await ctx.db
    .select()
    .from(indicators)
    .where(canSeeInternal(ctx.actor) ? undefined : eq(indicators.internal, false))
    .orderBy(asc(indicators.name));
  return rows.map(presentIndicator);
}

/** One indicator by code; 404 when it does not exist or is internal and the reader is not signed in. */
export async function getIndicator(ctx: Ctx, code: string): Promise<TIndicator> {
  const [row] = await ctx.db.select().from(indicators).where(eq(indicators.code, code));
  if (!row || (row.internal && !canSeeInternal(ctx.actor))) {
    throw new AppError("not_found", "Indikatoren findes ikke.");
  }
  return presentIndicator(row);
}

/** Members of a larger area on the day a period starts (clamped into the area's own lifetime). */
export function membersOn(data: ReferenceData, parent: AreaRef, periodStart: string): string[] {
  if (parent.kind === "national") {
    return data.areas.filter((a) => a.kind === "municipality" && a.source !== "demo").map((a) => a.code);
  }
  const area = data.areas.find((a) => a.kind === parent.kind && a.code === parent.code);
  let day = periodStart;
  if (area?.validFrom && day < area.validFrom) {
    day = area.validFrom;
  }
  if (area?.validTo && day > area.validTo) {
    day = area.validTo;
  }
  return data.memberships
    .filter(
      (m) =>
        m.kind === "municipality" &&
        m.parentKind === parent.kind &&
        m.parentCode === parent.code &&
        inPeriod(day, m.validFrom, m.validTo),
    )
    .map((m) => m.code);
}

export function areaName(data: ReferenceData, a: AreaRef): string {
  if (a.kind === "national") {
    return "Hele landet";
  }
  return data.areas.find((x) => x.kind === a.kind && x.code === a.code)?.name ?? a.code;
}

/**
 * The current values of an indicator for the given areas: stored values first; for a larger area
 * without a stored value in a period, the value aggregated from its municipalities (exactly; a
 * successor region counts its members as of its start, so its series runs back before the reform).
 */
export async function valuesFor(
  ctx: Ctx,
  indicator: TIndicator,
  areas: AreaRef[],
  data?: ReferenceData,
): Promise<TIndicatorValue[]> {
  const ref = data ?? (await getReferenceData(ctx));
  const stored = await ctx.db
    .select({
      areaKind: indicatorValues.areaKind,
      areaCode: indicatorValues.areaCode,
      period: indicatorValues.period,
      periodStart: indicatorValues.periodStart,
      value: indicatorValues.value,
      numerator: indicatorValues.numerator,
      denominator: indicatorValues.denominator,
      loadedAt: indicatorLoads.loadedAt,
    })
    .from(indicatorValues)
    .innerJoin(indicatorLoads, eq(indicatorLoads.id, indicatorValues.loadId))
    .where(and(eq(indicatorValues.indicatorId, indicator.id), isNull(indicatorValues.supersededBy)))
    .orderBy(asc(indicatorValues.periodStart));
  const out: TIndicatorValue[] = [];
  const periods = new Map<string, string>();
  for (const s of stored) {
    periods.set(s.period, s.periodStart);
  }
  const municipal = new Map<string, typeof stored>();
  for (const s of stored) {
    if (s.areaKind === "municipality") {
      municipal.set(s.period, [...(municipal.get(s.period) ?? []), s]);
    }
  }
  for (const area of areas) {
    const own = stored.filter((s) => s.areaKind === area.kind && s.areaCode === area.code);
    const havePeriods = new Set(own.map((s) => s.period));
    for (const s of own) {
      out.push({
        areaKind: s.areaKind,
        areaCode: s.areaCode,
        areaName: areaName(ref, area),
        period: s.period,
        value: tidy(s.value) as string,
        numerator: tidy(s.numerator),
        denominator: tidy(s.denominator),
        loadedAt: s.loadedAt.toISOString(),
        aggregated: false,
      });
    }
    if (area.kind === "municipality" || indicator.aggregation === "none") {
      continue;
    }
    for (const [period, start] of [...periods].sort((a, b) => a[1].localeCompare(b[1]))) {
      const rows = municipal.get(period);
      if (havePeriods.has(period) || !rows) {
        continue;
      }
      const members = membersOn(ref, area, start);
      const [agg] = aggregate(
        rows.map((r) => ({
          code: r.areaCode,
          value: parseDecimal(r.value) ?? 0n,
          numerator: r.numerator === null ? null : parseDecimal(r.numerator),
          denominator: r.denominator === null ? null : parseDecimal(r.denominator),
        })),
        new Map([[area.code, members]]),
        indicator.aggregation,
      );
      if (!agg) {
        continue;
      }
      const latest = rows
        .filter((r) => members.includes(r.areaCode))
        .reduce((m, r) => (r.loadedAt > m ? r.loadedAt : m), new Date(0));
      out.push({
        areaKind: area.kind,
        areaCode: area.code,
        areaName: areaName(ref, area),
        period,
        value: formatDecimal(agg.value),
        numerator: agg.numerator === null ? null : formatDecimal(agg.numerator),
        denominator: agg.denominator === null ? null : formatDecimal(agg.denominator),
        loadedAt: latest.toISOString(),
        aggregated: true,
      });
    }
  }
  return out.sort((a, b) => a.period.localeCompare(b.period) || a.areaName.localeCompare(b.areaName, "da"));
}

/** Every area that has stored values for the indicator, by kind (for pickers and bar charts). */
export async function areasWithValues(
  ctx: Ctx,
  indicatorId: number,
): Promise<{ kind: AreaKind; code: string }[]> {
  const rows = await ctx.db
    .selectDistinct({ kind: indicatorValues.areaKind, code: indicatorValues.areaCode })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, indicatorId), isNull(indicatorValues.supersededBy)));
  return rows;
}

/** Indicators by codes that the reader may see, in the given order. */
export async function indicatorsByCodes(ctx: Ctx, codes: string[]): Promise<TIndicator[]> {
  if (codes.length === 0) {
    return [];
  }
  const rows = await ctx.db.select().from(indicators).where(inArray(indicators.code, codes));
  const visible = rows.filter((r) => !r.internal || canSeeInternal(ctx.actor)).map(presentIndicator);
  return codes.map((c) => visible.find((v) => v.code === c)).filter((v): v is TIndicator => v !== undefined);
}
