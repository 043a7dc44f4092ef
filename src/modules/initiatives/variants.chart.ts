/**
 * A party's figures as the indicator line chart takes them: one point per period day (oldest first) and
 * one series per measured label, null where a label has no figure that day. Pure.
 */
import type { TPartyFigure } from "./variants.schemas.ts";

export interface FigureSeries {
  days: string[];
  /** a period's own name ("1. halvår 2025") by its day, when the figures gave one */
  periodName: Map<string, string>;
  series: { name: string; values: (number | null)[] }[];
}

export function figureSeries(figures: readonly TPartyFigure[]): FigureSeries {
  const days = [...new Set(figures.map((f) => f.measuredOn))].sort();
  const labels = [...new Set(figures.map((f) => f.label))];
  const periodName = new Map<string, string>();
  for (const f of figures) {
    if (f.period && !periodName.has(f.measuredOn)) {
      periodName.set(f.measuredOn, f.period);
    }
  }
  const series = labels.map((name) => ({
    name,
    values: days.map((d) => {
      // The latest figure of the label for the day counts, as a correction comes after what it corrects.
      const last = figures.filter((f) => f.label === name && f.measuredOn === d).at(-1);
      return last ? last.value : null;
    }),
  }));
  return { days, periodName, series };
}
