/**
 * The geometry of the indicator charts, pure and testable: a line chart's points and axis ticks, a
 * ranked bar chart's bars. The SVG markup is in charts.tsx.
 */
export interface Series {
  name: string;
  /** one value per period label, in order; null where the series has no value */
  values: (number | null)[];
}

export const LINE = { width: 640, height: 300, left: 64, right: 16, top: 16, bottom: 48 } as const;

/** Rounded bounds and 4–6 tick values covering [min, max] (zero included when all values are ≥ 0). */
export function niceTicks(min: number, max: number): number[] {
  const lo = Math.min(0, min);
  const hi = max === lo ? lo + 1 : max;
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => (hi - lo) / s <= 6) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Number(v.toFixed(10)));
  }
  if ((ticks.at(-1) ?? 0) < hi) {
    ticks.push(Number(((ticks.at(-1) ?? 0) + step).toFixed(10)));
  }
  return ticks;
}

/** Where each value of each series is drawn, in SVG units. */
export function linePoints(
  labels: string[],
  series: Series[],
): {
  ticks: number[];
  x: (i: number) => number;
  y: (v: number) => number;
  points: { x: number; y: number; value: number }[][];
} {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(Math.min(...all, 0), Math.max(...all, 0));
  const lo = ticks[0] ?? 0;
  const hi = ticks.at(-1) ?? 1;
  const plotW = LINE.width - LINE.left - LINE.right;
  const plotH = LINE.height - LINE.top - LINE.bottom;
  const x = (i: number) => LINE.left + (labels.length <= 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v: number) => LINE.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const round = (n: number) => Math.round(n * 10) / 10;
  const points = series.map((s) =>
    s.values.flatMap((v, i) => (v === null ? [] : [{ x: round(x(i)), y: round(y(v)), value: v }])),
  );
  return { ticks, x, y, points };
}

export const BAR = { width: 640, row: 22, left: 200, right: 72, top: 8 } as const;

/** Bars sorted from the highest value, with their length in SVG units. */
export function rankedBars(items: { label: string; value: number }[]): {
  height: number;
  bars: { label: string; value: number; y: number; length: number; x0: number }[];
} {
  const sorted = [...items].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, "da"));
  const max = Math.max(0, ...sorted.map((b) => b.value));
  const min = Math.min(0, ...sorted.map((b) => b.value));
  const span = max - min || 1;
  const plotW = BAR.width - BAR.left - BAR.right;
  const zero = BAR.left + ((0 - min) / span) * plotW;
  const bars = sorted.map((b, i) => {
    const end = BAR.left + ((b.value - min) / span) * plotW;
    return {
      ...b,
      y: BAR.top + i * BAR.row,
      x0: Math.round(Math.min(zero, end) * 10) / 10,
      length: Math.round(Math.abs(end - zero) * 10) / 10,
    };
  });
  return { height: BAR.top * 2 + sorted.length * BAR.row, bars };
}
