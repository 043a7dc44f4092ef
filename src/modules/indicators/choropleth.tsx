import type { Html } from "#jsx/jsx-runtime";
import type { PageCtx } from "../../web/page.ts";
import { type DenmarkCellView, DenmarkMapSvg, layoutDenmark, shippedPositions } from "../reference/index.ts";
import { displayNumber } from "./decimal.ts";
import type { TIndicator, TIndicatorValue } from "./indicators.schemas.ts";
import { periodLabel } from "./periods.ts";

/** Four light-to-middle blues: black text stays readable on each (contrast above 7:1). */
export const CLASSES = ["#eff5fb", "#cfe1f2", "#a5c8e4", "#7fb0d8"] as const;

/** Class limits by quartiles of the values: class i holds values ≤ limits[i]. Pure. */
export function quartileLimits(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) {
    return [];
  }
  return [0.25, 0.5, 0.75, 1].map((q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number);
}

export function classOf(v: number, limits: number[]): number {
  const i = limits.findIndex((l) => v <= l);
  return i < 0 ? limits.length - 1 : i;
}

let layout: ReturnType<typeof layoutDenmark> | undefined;

/** The indicator on the map of Denmark for one period; the table of the same values is beside it. */
export function Choropleth({
  ctx,
  indicator,
  rows,
  period,
}: {
  ctx: PageCtx;
  indicator: TIndicator;
  rows: TIndicatorValue[];
  period: string;
}): Html {
  const { t } = ctx;
  layout ??= layoutDenmark(shippedPositions());
  const limits = quartileLimits(rows.map((r) => Number(r.value)));
  const views = new Map<string, DenmarkCellView>();
  for (const r of rows) {
    const v = Number(r.value);
    views.set(r.areaCode, {
      fill: CLASSES[classOf(v, limits)] as string,
      label: `${r.areaName}: ${displayNumber(v, ctx.lang)} ${indicator.unit}`,
    });
  }
  for (const c of layout.cells) {
    if (!views.has(c.code)) {
      views.set(c.code, { fill: "#ffffff", label: t("ind.mapNoValue", { code: c.code }), faint: true });
    }
  }
  return (
    <figure class="tv-map tv-dk-figure">
      <DenmarkMapSvg
        id="ind-map"
        title={t("ind.mapTitle", { name: indicator.name, period: periodLabel(period, ctx.lang) })}
        desc={t("ind.mapDesc", { n: rows.length })}
        layout={layout}
        views={views}
        insetLabel={t("dkmap.inset")}
      />
      <figcaption>
        <span class="tv-legend">
          {limits.map((l, i) => (
            <span class="tv-legend-item">
              <svg width="16" height="16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" fill={CLASSES[i]} stroke="#4d4d4d" />
              </svg>
              {i === 0 ? "≤ " : `${displayNumber(limits[i - 1] as number, ctx.lang)} – `}
              {displayNumber(l, ctx.lang)}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
