/** Formatting for pages: Danish first (da-DK, Europe/Copenhagen), English as the second locale. */
import { TIME_ZONE } from "../lib/time.ts";
import type { Lang } from "./i18n.ts";

const LOCALES: Record<Lang, string> = { da: "da-DK", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

function dtf(lang: Lang, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${lang}:${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, ...options });
    cache.set(id, f);
  }
  return f;
}

function parts(lang: Lang, key: string, options: Intl.DateTimeFormatOptions, d: Date) {
  const out: Record<string, string> = {};
  for (const p of dtf(lang, key, options).formatToParts(d)) {
    out[p.type] = p.value;
  }
  return out;
}

const LONG: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

/** "22. april 2021" / "22 April 2021" */
export function formatDate(d: Date, lang: Lang = "da"): string {
  const p = parts(lang, "date", { day: "numeric", month: "long", year: "numeric" }, d);
  return lang === "da" ? `${p.day}. ${p.month} ${p.year}` : `${p.day} ${p.month} ${p.year}`;
}

/** "torsdag d. 22. april 2021" / "Thursday 22 April 2021" */
export function formatDayLong(d: Date, lang: Lang = "da"): string {
  const p = parts(lang, "long", LONG, d);
  return lang === "da"
    ? `${p.weekday} d. ${p.day}. ${p.month} ${p.year}`
    : `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "10:00" in Danish time */
export function formatTime(d: Date, lang: Lang = "da"): string {
  const p = parts(lang, "long", LONG, d);
  return `${p.hour}:${p.minute}`;
}

/** "torsdag d. 22. april 2021 kl. 10:00" / "Thursday 22 April 2021 at 10:00" */
export function formatDateTimeLong(d: Date, lang: Lang = "da"): string {
  return `${formatDayLong(d, lang)} ${lang === "da" ? "kl." : "at"} ${formatTime(d, lang)}`;
}

/** "22.04.2021" / "22/04/2021" — for tables */
export function formatDateShort(d: Date, lang: Lang = "da"): string {
  return dtf(lang, "short", { day: "2-digit", month: "2-digit", year: "numeric" }).format(d);
}

/** "april 2021" / "April 2021" */
export function formatMonth(year: number, month: number, lang: Lang = "da"): string {
  const d = new Date(Date.UTC(year, month - 1, 15, 12));
  return dtf(lang, "month", { month: "long", year: "numeric" }).format(d);
}

/** A YYYY-MM-DD day (a mandate period, a membership) as "22. april 2021". */
export function formatIsoDay(day: string, lang: Lang = "da"): string {
  return formatDate(new Date(`${day}T12:00:00Z`), lang);
}

const amountFormat: Record<Lang, Intl.NumberFormat> = {
  da: new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** An amount in kroner with øre: 6547550 → "6.547.550,00 kr." (en: "DKK 6,547,550.00"). */
export function formatAmount(kroner: number, lang: Lang = "da"): string {
  const n = amountFormat[lang].format(kroner);
  return lang === "da" ? `${n} kr.` : `DKK ${n}`;
}

const sizeFormat: Record<Lang, Intl.NumberFormat> = {
  da: new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }),
};

/** File sizes in decimal units as people read them: 1234567 → "1,2 MB", 900 → "900 B". */
export function formatFileSize(bytes: number, lang: Lang = "da"): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const shown = unit === 0 ? String(value) : sizeFormat[lang].format(value);
  return `${shown} ${units[unit]}`;
}

/** The YYYY-MM-DD of an instant in Danish time (for slugs and calendar grouping). */
export function isoDayInDenmark(d: Date): string {
  return d.toLocaleDateString("sv-SE", { timeZone: TIME_ZONE });
}
