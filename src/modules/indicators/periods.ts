/**
 * Periods of indicator values: a year (2025), a quarter (2025-Q1; also 2025K1 and 2025Q1 as in
 * Danmarks Statistik's and eSundhed's tables) or a month (2025-03; also 2025M03). Pure.
 */
export type Rhythm = "year" | "quarter" | "month";

export interface Period {
  /** the normal form: 2025, 2025-Q1, 2025-03 */
  period: string;
  /** the first day, for ordering and charts */
  start: string;
  rhythm: Rhythm;
}

export function parsePeriod(input: string): Period | null {
  const s = input.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) {
    return { period: m[1] as string, start: `${m[1]}-01-01`, rhythm: "year" };
  }
  m = /^(\d{4})-?[QK]([1-4])$/.exec(s);
  if (m) {
    const month = String((Number(m[2]) - 1) * 3 + 1).padStart(2, "0");
    return { period: `${m[1]}-Q${m[2]}`, start: `${m[1]}-${month}-01`, rhythm: "quarter" };
  }
  m = /^(\d{4})(?:-|M)(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return { period: `${m[1]}-${m[2]}`, start: `${m[1]}-${m[2]}-01`, rhythm: "month" };
  }
  return null;
}

const MONTHS = {
  da: ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
} as const;

/** The period as people read it: "2025", "1. kvt. 2025", "marts 2025". */
export function periodLabel(period: string, lang: "da" | "en" = "da"): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    return lang === "da" ? `${q[2]}. kvt. ${q[1]}` : `Q${q[2]} ${q[1]}`;
  }
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    return `${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
  }
  return period;
}
