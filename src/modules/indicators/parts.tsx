import type { Html } from "#jsx/jsx-runtime";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { BarChart, LineChart } from "./charts.tsx";
import type { LineData } from "./dashboard.ts";
import { displayNumber } from "./decimal.ts";
import type { TIndicator, TIndicatorValue } from "./indicators.schemas.ts";
import { periodLabel } from "./periods.ts";

export const fmt = (ctx: PageCtx) => (v: number) => displayNumber(v, ctx.lang);

/** A label saying the figures are fictional demo data (never left out where they are shown). */
export function FictionalNote({ ctx, indicator }: { ctx: PageCtx; indicator: TIndicator }): Html | null {
  return indicator.fictional ? (
    <p class="tv-fictional">
      <strong>{ctx.t("ind.fictional")}</strong>
    </p>
  ) : null;
}

/** The table of values beside a chart: the chart is never the only way to read a figure. */
export function ValueTable({
  ctx,
  caption,
  rows,
  indicator,
}: {
  ctx: PageCtx;
  caption: string;
  rows: TIndicatorValue[];
  indicator: TIndicator;
}): Html {
  const { t } = ctx;
  return (
    <table class="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("ind.area")}</th>
          <th scope="col">{t("ind.period")}</th>
          <th scope="col" class="text-align-right">
            {t("ind.value")} ({indicator.unit})
          </th>
          <th scope="col" class="text-align-right">
            {t("ind.numerator")}
          </th>
          <th scope="col" class="text-align-right">
            {t("ind.denominator")}
          </th>
          <th scope="col">{t("ind.loaded")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">
              {r.areaName}
              {r.aggregated ? ` ${t("ind.aggregatedMark")}` : ""}
            </th>
            <td>{periodLabel(r.period, ctx.lang)}</td>
            <td class="text-align-right">{displayNumber(r.value, ctx.lang, 6)}</td>
            <td class="text-align-right">
              {r.numerator === null ? "–" : displayNumber(r.numerator, ctx.lang, 6)}
            </td>
            <td class="text-align-right">
              {r.denominator === null ? "–" : displayNumber(r.denominator, ctx.lang, 6)}
            </td>
            <td>{r.loadedAt.slice(0, 10)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A line chart over time with its table beside it. */
export function LineSection({
  ctx,
  id,
  indicator,
  line,
}: {
  ctx: PageCtx;
  id: string;
  indicator: TIndicator;
  line: LineData;
}): Html {
  const { t } = ctx;
  if (line.series.length === 0) {
    return <p>{t("ind.noValues")}</p>;
  }
  const names = line.series.map((s) => s.name).join(", ");
  return (
    <div class="tv-dk-wrap">
      <figure class="tv-dk-figure">
        <LineChart
          id={id}
          title={t("ind.lineTitle", { name: indicator.name, areas: names })}
          desc={t("ind.lineDesc", {
            unit: indicator.unit,
            from: periodLabel(line.labels[0] ?? "", ctx.lang),
            to: periodLabel(line.labels.at(-1) ?? "", ctx.lang),
            direction: t(`ind.direction.${indicator.direction}` as MessageKey),
          })}
          labels={line.labels.map((l) => periodLabel(l, ctx.lang))}
          series={line.series}
          format={fmt(ctx)}
        />
      </figure>
      <div class="tv-dk-table">
        <ValueTable
          ctx={ctx}
          caption={t("ind.lineTable", { areas: names })}
          rows={line.rows}
          indicator={indicator}
        />
      </div>
    </div>
  );
}

/** Ranked bars for one period, with the table beside them. */
export function BarSection({
  ctx,
  id,
  indicator,
  rows,
  period,
  highlight,
}: {
  ctx: PageCtx;
  id: string;
  indicator: TIndicator;
  rows: TIndicatorValue[];
  period: string;
  highlight?: string;
}): Html {
  const { t } = ctx;
  const ranked = [...rows].sort((a, b) => Number(b.value) - Number(a.value));
  return (
    <div class="tv-dk-wrap">
      <figure class="tv-dk-figure">
        <BarChart
          id={id}
          title={t("ind.barTitle", { name: indicator.name, period: periodLabel(period, ctx.lang) })}
          desc={t("ind.barDesc", {
            n: rows.length,
            unit: indicator.unit,
            direction: t(`ind.direction.${indicator.direction}` as MessageKey),
          })}
          items={rows.map((r) => ({
            label: r.areaName,
            value: Number(r.value),
            highlight: r.areaCode === highlight,
          }))}
          format={fmt(ctx)}
        />
      </figure>
      <div class="tv-dk-table">
        <ValueTable
          ctx={ctx}
          caption={t("ind.barTable", { period: periodLabel(period, ctx.lang) })}
          rows={ranked}
          indicator={indicator}
        />
      </div>
    </div>
  );
}
