/**
 * Due dates written the Danish way, relative to a reference day (the meeting's date). Pure: no clock,
 * no database. "25. januar 2024", "13. december", "13/12", "primo januar", "ultimo 2024",
 * "fredag den 9. oktober", "senest fredag", "uge 12", "1. kvartal 2024", "i efteråret", "om 14 dage".
 */
import { DANISH_MONTHS as MONTHS } from "../../lib/danish-date.ts";

export interface FoundDue {
  /** YYYY-MM-DD */
  date: string;
  /** the words that gave the date */
  phrase: string;
  index: number;
}

const WEEKDAYS: Record<string, number> = {
  mandag: 1,
  tirsdag: 2,
  onsdag: 3,
  torsdag: 4,
  fredag: 5,
  lørdag: 6,
  søndag: 7,
};
const MONTH =
  "(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\\.?";
const WEEKDAY = "(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)";
const YEAR = "(\\d{4})";
/** a letter boundary that knows æ, ø and å (\b does not) */
const B = "(?<![\\p{L}\\d])";
const E = "(?![\\p{L}\\d])";

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function valid(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && y >= 1900 && y <= 2200;
}

function parts(reference: string): [number, number, number] {
  const [y, m, d] = reference.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** A day and month without a year: the first such day on or after the reference day. */
function nextOccurrence(reference: string, m: number, d: number): string | null {
  const [ry] = parts(reference);
  for (const y of [ry, ry + 1]) {
    if (valid(y, m, d) && ymd(y, m, d) >= reference) {
      return ymd(y, m, d);
    }
  }
  return null;
}

/** The year of a month named without a year: this year, or next year once the month has passed. */
function yearOfMonth(reference: string, m: number): number {
  const [ry, rm] = parts(reference);
  return m >= rm ? ry : ry + 1;
}

/** The Friday of ISO week `w` of year `y`: the end of the work week. */
function fridayOfWeek(y: number, w: number): string | null {
  if (w < 1 || w > 53) {
    return null;
  }
  const jan4 = ymd(y, 1, 4);
  const monday1 = addDays(jan4, 1 - weekday(jan4));
  return addDays(monday1, (w - 1) * 7 + 4);
}

const PERIOD_DAY: Record<string, (y: number, m: number) => number> = {
  primo: () => 10,
  medio: () => 15,
  ultimo: (y, m) => daysInMonth(y, m),
};
const SEASON_END: Record<string, [number, number]> = {
  foråret: [5, 31],
  sommeren: [8, 31],
  efteråret: [11, 30],
  vinteren: [2, 28],
};

type Rule = { re: RegExp; date: (m: RegExpExecArray, reference: string) => string | null };

const month = (s: string | undefined) => MONTHS[(s ?? "").toLowerCase().replace(/\.$/, "")] ?? 0;

/** Rules in priority order: the most specific form wins where two overlap. */
const RULES: Rule[] = [
  {
    // 25. januar 2024, d. 25 jan. 2024, tirsdag den 25. januar 2024
    re: new RegExp(`${B}(\\d{1,2})\\.?\\s*${MONTH}\\s+${YEAR}${E}`, "iu"),
    date: (m) => {
      const [y, mo, d] = [Number(m[3]), month(m[2]), Number(m[1])];
      return valid(y, mo, d) ? ymd(y, mo, d) : null;
    },
  },
  {
    // 2024-01-25
    re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/u,
    date: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return valid(y, mo, d) ? ymd(y, mo, d) : null;
    },
  },
  {
    // 25.01.2024, 25-01-2024, 25/1 2024, 25/1-2024, 19.04.18
    re: /(?<![\d.])(\d{1,2})[./-](\d{1,2})(?:[./ -]|-)(\d{4}|\d{2})(?!\d)(?!\.\d)/u,
    date: (m) => {
      const raw = m[3] ?? "";
      const y = raw.length === 2 ? 2000 + Number(raw) : Number(raw);
      const [mo, d] = [Number(m[2]), Number(m[1])];
      return valid(y, mo, d) ? ymd(y, mo, d) : null;
    },
  },
  {
    // primo/medio/ultimo januar [2024]
    re: new RegExp(`${B}(primo|medio|ultimo)\\s+${MONTH}(?:\\s+${YEAR})?${E}`, "iu"),
    date: (m, reference) => {
      const mo = month(m[2]);
      const y = m[3] ? Number(m[3]) : yearOfMonth(reference, mo);
      const day = PERIOD_DAY[(m[1] ?? "").toLowerCase()]?.(y, mo) ?? 1;
      return valid(y, mo, day) ? ymd(y, mo, day) : null;
    },
  },
  {
    // primo/medio/ultimo 2024
    re: new RegExp(`${B}(primo|medio|ultimo)\\s+${YEAR}${E}`, "iu"),
    date: (m) => {
      const y = Number(m[2]);
      const kind = (m[1] ?? "").toLowerCase();
      return kind === "primo" ? ymd(y, 1, 31) : kind === "medio" ? ymd(y, 6, 30) : ymd(y, 12, 31);
    },
  },
  {
    // 1. kvartal 2024, første kvartal
    re: new RegExp(`${B}(1|2|3|4|første|andet|tredje|fjerde)\\.?\\s+kvartal(?:\\s+${YEAR})?${E}`, "iu"),
    date: (m, reference) => {
      const words: Record<string, number> = { første: 1, andet: 2, tredje: 3, fjerde: 4 };
      const q = words[(m[1] ?? "").toLowerCase()] ?? Number(m[1]);
      const endMonth = q * 3;
      const y = m[2] ? Number(m[2]) : yearOfMonth(reference, endMonth);
      return ymd(y, endMonth, daysInMonth(y, endMonth));
    },
  },
  {
    // uge 12 [2024], i uge 12
    re: new RegExp(`${B}uge\\s+(\\d{1,2})(?:\\s+${YEAR})?${E}`, "iu"),
    date: (m, reference) => {
      const w = Number(m[1]);
      const [ry] = parts(reference);
      if (m[2]) {
        return fridayOfWeek(Number(m[2]), w);
      }
      const thisYear = fridayOfWeek(ry, w);
      return thisYear && thisYear >= reference ? thisYear : fridayOfWeek(ry + 1, w);
    },
  },
  {
    // 13. december, den 13. dec. (no year): the next 13 December
    re: new RegExp(`${B}(\\d{1,2})\\.?\\s*${MONTH}${E}`, "iu"),
    date: (m, reference) => nextOccurrence(reference, month(m[2]), Number(m[1])),
  },
  {
    // den 13/12, d. 13.12 (no year)
    re: /(?<![\d./-])(?:den|d\.)\s+(\d{1,2})[./](\d{1,2})(?![\d./-])/iu,
    date: (m, reference) => nextOccurrence(reference, Number(m[2]), Number(m[1])),
  },
  {
    // i foråret / efteråret 2023
    re: new RegExp(`${B}(foråret|sommeren|efteråret|vinteren)(?:\\s+${YEAR})?${E}`, "iu"),
    date: (m, reference) => {
      const [mo, d] = SEASON_END[(m[1] ?? "").toLowerCase()] ?? [12, 31];
      const y = m[2] ? Number(m[2]) : yearOfMonth(reference, mo);
      return ymd(y, mo, mo === 2 ? daysInMonth(y, 2) : d);
    },
  },
  {
    // i juni 2023, inden udgangen af juni, i løbet af juni måned: the month's last day
    re: new RegExp(
      `${B}(?:i|inden|før|udgangen af|løbet af)\\s+${MONTH}(?:\\s+måned)?(?:\\s+${YEAR})?${E}`,
      "iu",
    ),
    date: (m, reference) => {
      const mo = month(m[1]);
      const y = m[2] ? Number(m[2]) : yearOfMonth(reference, mo);
      return ymd(y, mo, daysInMonth(y, mo));
    },
  },
  {
    // senest fredag, på tirsdag, inden mandag: the next such weekday after the reference day
    re: new RegExp(
      `${B}(?:senest|på|inden|til|før|næste)\\s+${WEEKDAY}${E}(?!\\s+(?:den\\s+|d\\.\\s*)?\\d)`,
      "iu",
    ),
    date: (m, reference) => {
      const target = WEEKDAYS[(m[1] ?? "").toLowerCase()] ?? 1;
      const ahead = (target - weekday(reference) + 7) % 7 || 7;
      return addDays(reference, ahead);
    },
  },
  {
    // om 14 dage, inden for 2 uger
    re: new RegExp(
      `${B}(?:om|inden for|indenfor)\\s+(\\d{1,3}|to|tre|fire)\\s+(dage|uger|måneder)${E}`,
      "iu",
    ),
    date: (m, reference) => {
      const words: Record<string, number> = { to: 2, tre: 3, fire: 4 };
      const n = words[(m[1] ?? "").toLowerCase()] ?? Number(m[1]);
      const unit = (m[2] ?? "").toLowerCase();
      if (unit === "måneder") {
        const [y, mo, d] = parts(reference);
        const total = mo - 1 + n;
        const ty = y + Math.floor(total / 12);
        const tm = (total % 12) + 1;
        return ymd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
      }
      return addDays(reference, unit === "uger" ? n * 7 : n);
    },
  },
];

/**
 * The first due date in the text, relative to the reference day (YYYY-MM-DD). Where several forms
 * match, the one starting first wins; at the same place the more specific rule wins.
 */
export function findDueDate(text: string, reference: string): FoundDue | null {
  let best: FoundDue | null = null;
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m) {
      continue;
    }
    const date = rule.date(m, reference);
    if (date && (best === null || m.index < best.index)) {
      best = { date, phrase: m[0].trim().replace(/\.$/u, ""), index: m.index };
    }
  }
  return best;
}
