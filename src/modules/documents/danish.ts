/** Danish words and date formats of the documents (da-DK, Europe/Copenhagen). Pure. */
import { TIME_ZONE } from "../../lib/time.ts";

const long = new Intl.DateTimeFormat("da-DK", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of long.formatToParts(d)) {
    out[p.type] = p.value;
  }
  return out;
}

/** "22. april 2021" */
export function danishDate(d: Date): string {
  const p = parts(d);
  return `${p.day}. ${p.month} ${p.year}`;
}

/** "torsdag d. 22. april 2021" */
export function danishDay(d: Date): string {
  const p = parts(d);
  return `${p.weekday} d. ${p.day}. ${p.month} ${p.year}`;
}

/** "10:00" */
export function danishTime(d: Date): string {
  const p = parts(d);
  return `${p.hour}:${p.minute}`;
}

/** "torsdag d. 22. april 2021 kl. 10:00" */
export function danishDateTime(d: Date): string {
  return `${danishDay(d)} kl. ${danishTime(d)}`;
}

/** "kl. 10:00–12:00" (an en dash between times, as Danish typography has it) */
export function danishTimeSpan(start: Date, end: Date | null): string {
  return end ? `kl. ${danishTime(start)}–${danishTime(end)}` : `kl. ${danishTime(start)}`;
}

/** The sections of an item in the usual Danish order, with their headings. */
export const SECTION_ORDER = [
  ["summary", "Sagsresumé"],
  ["presentation", "Sagsfremstilling"],
  ["municipalRemarks", "Kommunale bemærkninger"],
  ["economy", "Økonomi"],
  ["process", "Proces"],
  ["coordination", "Koordinering med andre afdelinger"],
  ["approvedBy", "Godkendt af"],
] as const;

export const OUTCOME_DA = {
  approved: "Godkendt.",
  approved_with_remarks: "Godkendt med bemærkninger.",
  not_approved: "Ikke godkendt.",
  noted: "Taget til efterretning.",
  discussed: "Drøftet.",
  postponed: "Udsat.",
} as const;

export const KIND_DA = { agenda: "Dagsorden", minutes: "Referat" } as const;
export const EDITION_DA = { full: "fuld udgave", public: "offentlig udgave" } as const;

/** "10 minutter" / "1 minut" */
export function minutesDa(n: number): string {
  return n === 1 ? "1 minut" : `${n} minutter`;
}

/** The YYYY-MM-DD of an instant in Danish time. */
export function isoDay(d: Date): string {
  return d.toLocaleDateString("sv-SE", { timeZone: TIME_ZONE });
}

/** A file-name part: "Sundhedssamarbejdsudvalget (SSU)" → "sundhedssamarbejdsudvalget-ssu"; æøå spelt out. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/æ/g, "ae")
      .replace(/ø/g, "oe")
      .replace(/å/g, "aa")
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "dokument"
  );
}
