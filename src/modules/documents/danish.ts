/** Danish words and date formats of the documents (da-DK, Europe/Copenhagen). Pure. */
import {
  formatDate,
  formatDateTimeLong,
  formatDayLong,
  formatTime,
  isoDayInDenmark,
} from "../../web/format.ts";
import { t } from "../../web/i18n.ts";

// The pages' Danish formats (src/web/format.ts), so a document says a date exactly as its page does.
/** "22. april 2021" */
export const danishDate = (d: Date): string => formatDate(d, "da");
/** "torsdag d. 22. april 2021" */
export const danishDay = (d: Date): string => formatDayLong(d, "da");
/** "10:00" */
export const danishTime = (d: Date): string => formatTime(d, "da");
/** "torsdag d. 22. april 2021 kl. 10:00" */
export const danishDateTime = (d: Date): string => formatDateTimeLong(d, "da");

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

/** The outcome's label as the pages show it (the catalogue's "outcome.*"): "Godkendt med bemærkninger". */
export function outcomeLabel(outcome: keyof typeof OUTCOME_DA): string {
  return t("da", `outcome.${outcome}`);
}

/** The language the documents are written in (PDF /Lang, Word w:lang). */
export const DOCUMENT_LANG = "da-DK";

export const KIND_DA = { agenda: "Dagsorden", minutes: "Referat" } as const;
export const EDITION_DA = { full: "fuld udgave", public: "offentlig udgave" } as const;

/** "10 minutter" / "1 minut" */
export function minutesDa(n: number): string {
  return n === 1 ? "1 minut" : `${n} minutter`;
}

/** The YYYY-MM-DD of an instant in Danish time. */
export const isoDay = isoDayInDenmark;

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
