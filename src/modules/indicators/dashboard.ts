import type { Ctx } from "../../server/context.ts";
import { type AreaKind, getReferenceData, type ReferenceData, shippedPositions } from "../reference/index.ts";
import type { Series } from "./charts.ts";
import type { TIndicator, TIndicatorValue } from "./indicators.schemas.ts";
import {
  type AreaRef,
  areaName,
  areasWithValues,
  getIndicator,
  membersOn,
  NATIONAL,
  valuesFor,
} from "./indicators.service.ts";
import { parsePeriod } from "./periods.ts";

function regionOf(data: ReferenceData, code: string): AreaRef | null {
  const m = data.memberships.find(
    (x) => x.kind === "municipality" && x.code === code && x.parentKind === "region" && x.validTo === null,
  );
  return m ? { kind: "region", code: m.parentCode } : null;
}

export interface LineData {
  labels: string[];
  periods: string[];
  series: Series[];
  /** the rows of the table beside the chart */
  rows: TIndicatorValue[];
}

/** One area's series with its references (its region, the whole country), ready for the line chart. */
export async function lineFor(
  ctx: Ctx,
  indicator: TIndicator,
  area: AreaRef,
  data: ReferenceData,
): Promise<LineData> {
  const refs: AreaRef[] = [area];
  const region = area.kind === "municipality" ? regionOf(data, area.code) : null;
  if (region) {
    refs.push(region);
  }
  const real = data.areas.some((a) => a.kind === area.kind && a.code === area.code && a.source !== "demo");
  if (area.kind !== "national" && real) {
    refs.push(NATIONAL);
  }
  const rows = await valuesFor(ctx, indicator, refs, data);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const series = refs
    .map((r) => ({
      name: areaName(data, r),
      values: periods.map((p) => {
        const v = rows.find((x) => x.areaKind === r.kind && x.areaCode === r.code && x.period === p);
        return v ? Number(v.value) : null;
      }),
    }))
    .filter((s) => s.values.some((v) => v !== null));
  return { labels: periods, periods, series, rows };
}

export interface IndicatorDashboard {
  indicator: TIndicator;
  area: AreaRef;
  areaOptions: { value: string; label: string }[];
  line: LineData;
  period: string | null;
  periodOptions: string[];
  /** values of the compared areas in the chosen period (bars, choropleth and their table) */
  compared: TIndicatorValue[];
  comparedKind: AreaKind | null;
  /** municipality codes that the map of Denmark can draw */
  mappable: Set<string>;
  data: ReferenceData;
}

const parseArea = (s: unknown): AreaRef | null => {
  const m =
    typeof s === "string"
      ? /^(region|municipality|cluster|health_council|hospital|national):([0-9A-Za-z-]{1,40})$/.exec(s)
      : null;
  return m ? ({ kind: m[1], code: m[2] } as AreaRef) : null;
};

/** Everything the page of one indicator shows. */
export async function indicatorDashboard(
  ctx: Ctx,
  code: string,
  query: Record<string, unknown>,
): Promise<IndicatorDashboard> {
  const indicator = await getIndicator(ctx, code);
  const data = await getReferenceData(ctx);
  const stored = await areasWithValues(ctx, indicator.id);
  const hasReal = stored.some(
    (s) =>
      s.kind === "municipality" &&
      data.areas.some((a) => a.kind === "municipality" && a.code === s.code && a.source !== "demo"),
  );
  // Areas to choose: every stored area, the larger areas their municipalities aggregate into, the country.
  const larger = new Set<string>();
  for (const m of data.memberships) {
    if (m.kind === "municipality" && stored.some((s) => s.kind === "municipality" && s.code === m.code)) {
      larger.add(`${m.parentKind}:${m.parentCode}`);
    }
  }
  const keys = new Set([
    ...stored.map((s) => `${s.kind}:${s.code}`),
    ...(indicator.aggregation === "none" ? [] : larger),
  ]);
  const areaOptions = [...keys]
    .map((k) => {
      const a = parseArea(k) as AreaRef;
      return { value: k, label: areaName(data, a), kind: a.kind };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label, "da"))
    .map(({ value, label }) => ({ value, label }));
  if (hasReal && indicator.aggregation !== "none") {
    areaOptions.unshift({ value: "national:DK", label: "Hele landet" });
  }
  const asked = parseArea(query.omraade);
  const fallback = parseArea(
    areaOptions.find((o) => !o.value.startsWith("municipality"))?.value ?? areaOptions[0]?.value,
  );
  const area =
    asked && areaOptions.some((o) => o.value === `${asked.kind}:${asked.code}`)
      ? asked
      : (fallback ?? NATIONAL);
  const line = await lineFor(ctx, indicator, area, data);
  const periodOptions = [...line.periods].reverse();
  const period =
    typeof query.periode === "string" && periodOptions.includes(query.periode)
      ? query.periode
      : (periodOptions[0] ?? null);
  // Compare the municipalities of the chosen area (of its region for a municipality; all for the country).
  const start = period ? (parsePeriod(period)?.start ?? "") : "";
  const parent: AreaRef | null = area.kind === "municipality" ? regionOf(data, area.code) : area;
  const members = parent && start ? membersOn(data, parent, start) : [];
  const municipalities = (
    members.length ? members : stored.filter((s) => s.kind === "municipality").map((s) => s.code)
  ).map((c) => ({ kind: "municipality" as const, code: c }));
  const compared = period
    ? (await valuesFor(ctx, indicator, municipalities, data)).filter((v) => v.period === period)
    : [];
  const positions = new Set(shippedPositions().map((p) => p.code));
  return {
    indicator,
    area,
    areaOptions,
    line,
    period,
    periodOptions,
    compared,
    comparedKind: compared.length ? "municipality" : null,
    mappable: new Set(compared.filter((c) => positions.has(c.areaCode)).map((c) => c.areaCode)),
    data,
  };
}
