import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { type AreaKind, getReferenceData, inPeriod, type ReferenceData } from "../reference/index.ts";
import { combine } from "./aggregate.ts";
import { divide, formatDecimal, parseDecimal, SCALE } from "./decimal.ts";
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
  if (areas.length === 0) {
    return [];
  }
  // Series are kept per data generation: the newest load and the reference data's last change, both
  // read from the database, so a new load or reference change is seen at once (also by other processes).
  const generation = await dataGeneration(ctx);
  const key = `${indicator.id}|${indicator.aggregation}|${areas.map((a) => `${a.kind}:${a.code}`).join(",")}`;
  const kept = SERIES.get(key);
  if (kept && kept.generation === generation) {
    return kept.rows;
  }
  const rows = await computeValues(ctx, indicator, areas, data);
  if (SERIES.size >= 500) {
    SERIES.delete(SERIES.keys().next().value as string);
  }
  SERIES.set(key, { generation, rows });
  return rows;
}

const SERIES = new Map<string, { generation: string; rows: TIndicatorValue[] }>();

async function dataGeneration(ctx: Ctx): Promise<string> {
  const rows = await ctx.db.execute(sql`
    select (select coalesce(max(id), 0) from indicator_loads)::text || ':' ||
      (select coalesce(max(updated_at)::text, '') || count(*)::text from reference_areas) || ':' ||
      (select coalesce(max(updated_at)::text, '') || count(*)::text from reference_memberships) as g`);
  const list = (rows as { rows?: { g: string }[] }).rows ?? (rows as unknown as { g: string }[]);
  return list[0]?.g ?? "";
}

async function computeValues(
  ctx: Ctx,
  indicator: TIndicator,
  areas: AreaRef[],
  data?: ReferenceData,
): Promise<TIndicatorValue[]> {
  const ref = data ?? (await getReferenceData(ctx));
  const current = and(eq(indicatorValues.indicatorId, indicator.id), isNull(indicatorValues.supersededBy));
  const stored = await ctx.db
    .select({
      areaKind: indicatorValues.areaKind,
      areaCode: indicatorValues.areaCode,
      period: indicatorValues.period,
      value: indicatorValues.value,
      numerator: indicatorValues.numerator,
      denominator: indicatorValues.denominator,
      loadedAt: indicatorLoads.loadedAt,
    })
    .from(indicatorValues)
    .innerJoin(indicatorLoads, eq(indicatorLoads.id, indicatorValues.loadId))
    .where(
      and(
        current,
        or(
          ...areas
            .filter((a) => a.kind !== "national")
            .map((a) =>
              and(eq(indicatorValues.areaKind, a.kind as AreaKind), eq(indicatorValues.areaCode, a.code)),
            ),
          sql`false`,
        ),
      ),
    );
  const out: TIndicatorValue[] = stored.map((s) => ({
    areaKind: s.areaKind,
    areaCode: s.areaCode,
    areaName: areaName(ref, { kind: s.areaKind, code: s.areaCode }),
    period: s.period,
    value: tidy(s.value) as string,
    numerator: tidy(s.numerator),
    denominator: tidy(s.denominator),
    loadedAt: s.loadedAt.toISOString(),
    aggregated: false,
  }));
  const larger = areas.filter((a) => a.kind !== "municipality");
  if (larger.length > 0 && indicator.aggregation !== "none") {
    // The periods with municipal values; each larger area is summed in the database per set of members.
    const periods = await ctx.db
      .selectDistinct({ period: indicatorValues.period, start: indicatorValues.periodStart })
      .from(indicatorValues)
      .where(and(current, eq(indicatorValues.areaKind, "municipality")));
    const k = indicator.aggregation === "ratio" ? await ratioScale(ctx, indicator.id) : 1n;
    for (const area of larger) {
      const have = new Set(
        out.filter((o) => o.areaKind === area.kind && o.areaCode === area.code).map((o) => o.period),
      );
      const bySet = new Map<string, { members: string[]; periods: string[] }>();
      for (const p of periods) {
        if (have.has(p.period)) {
          continue;
        }
        const members = membersOn(ref, area, p.start).sort();
        const key = members.join(",");
        const group = bySet.get(key) ?? { members, periods: [] };
        group.periods.push(p.period);
        bySet.set(key, group);
      }
      for (const { members, periods: ps } of bySet.values()) {
        if (members.length === 0) {
          continue;
        }
        const sums = await ctx.db
          .select({
            period: indicatorValues.period,
            value: sql<string>`sum(${indicatorValues.value})::text`,
            numerator: sql<string | null>`sum(${indicatorValues.numerator})::text`,
            denominator: sql<string | null>`sum(${indicatorValues.denominator})::text`,
            loadedAt: sql<string>`max(${indicatorLoads.loadedAt})::text`,
          })
          .from(indicatorValues)
          .innerJoin(indicatorLoads, eq(indicatorLoads.id, indicatorValues.loadId))
          .where(
            and(
              current,
              eq(indicatorValues.areaKind, "municipality"),
              inArray(indicatorValues.areaCode, members),
              inArray(indicatorValues.period, ps),
            ),
          )
          .groupBy(indicatorValues.period);
        for (const r of sums) {
          const num = r.numerator === null ? null : parseDecimal(r.numerator);
          const den = r.denominator === null ? null : parseDecimal(r.denominator);
          const value = combine(
            indicator.aggregation as "sum" | "ratio",
            { value: parseDecimal(r.value) ?? 0n, numerator: num, denominator: den },
            k,
          );
          if (value === null) {
            continue;
          }
          out.push({
            areaKind: area.kind,
            areaCode: area.code,
            areaName: areaName(ref, area),
            period: r.period,
            value: formatDecimal(value),
            numerator: num === null ? null : formatDecimal(num),
            denominator: den === null ? null : formatDecimal(den),
            loadedAt: new Date(r.loadedAt).toISOString(),
            aggregated: true,
          });
        }
      }
    }
  }
  return out.sort((a, b) => a.period.localeCompare(b.period) || a.areaName.localeCompare(b.areaName, "da"));
}

/** k in value = k · numerator/denominator, read from one municipal row (100 for a percentage). */
async function ratioScale(ctx: Ctx, indicatorId: number): Promise<bigint> {
  const [row] = await ctx.db
    .select({
      value: indicatorValues.value,
      numerator: indicatorValues.numerator,
      denominator: indicatorValues.denominator,
    })
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.indicatorId, indicatorId),
        isNull(indicatorValues.supersededBy),
        sql`${indicatorValues.numerator} <> 0`,
        sql`${indicatorValues.denominator} is not null`,
      ),
    )
    .limit(1);
  if (!row) {
    return 1n;
  }
  const v = parseDecimal(row.value) ?? 0n;
  const n = parseDecimal(row.numerator ?? "") ?? 1n;
  const d = parseDecimal(row.denominator ?? "") ?? 1n;
  const k = divide(v * d, n * SCALE);
  return (k + SCALE / 2n) / SCALE || 1n;
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
