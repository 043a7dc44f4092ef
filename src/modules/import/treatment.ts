/**
 * Decision headings that name the body, the date and often the item number, as the publishing
 * systems write them (each system its own way; the body is read from the heading):
 * - "Behandling i <udvalg> den 9. oktober 2017, pkt. 3"               (Word/region templates)
 * - "<Udvalg>s beslutning den 04.12.2012 Punkt 1"                      (eDoc)
 * - "Beslutning i <udvalg> den 10-04-2013"                             (Acadre; stacked per meeting)
 * - "<Udvalg>, 03-04-2019, pkt. 42"                                    (Acadre/Prisme web)
 */
import { plainText } from "./blocks.ts";
import { findDanishDate } from "./danish-dates.ts";

export interface Treatment {
  body: string;
  /** YYYY-MM-DD, when the heading has a date */
  date: string | null;
  itemNumber: number | null;
}

const DATE = String.raw`(?:d\.|den)?\s*(?:\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}\.\s*\p{L}+\s+\d{4})`;
const ITEM = String.raw`(?:,?\s*(?:pkt|punkt)\.?\s*(\d{1,3}))?`;
const FORMS: RegExp[] = [
  new RegExp(
    String.raw`^behandling i\s+(.{3,160}?)\s*(?:${DATE})?\s*,?\s*(?:pkt|punkt)\.?\s*(\d{1,3})\.?$`,
    "iu",
  ),
  new RegExp(String.raw`^(.{3,120}?s)\s+beslutning\s+(?:den\s+|d\.\s*)?(${DATE})${ITEM}\.?$`, "iu"),
  new RegExp(String.raw`^beslutning(?:\s+truffet)?\s+i\s+(.{3,160}?)\s+(${DATE})${ITEM}\.?$`, "iu"),
  /^(\p{Lu}.{2,120}?),\s*(\d{1,2}[-.]\d{1,2}[-.]\d{4}),\s*(?:pkt|punkt)\.?\s*(\d{1,3})\.?$/u,
];

function bodyName(raw: string, genitive: boolean): string {
  let name = raw.trim().replace(/[\s,]+$/, "");
  if (genitive) {
    name = name.replace(/(?<=\p{L}{3})s$/u, "");
  }
  return name;
}

/** The body, date and item number of a decision heading; null for any other line. */
export function treatmentOf(text: string): Treatment | null {
  const plain = plainText(text).replace(/\s+/g, " ").trim();
  if (plain.length > 300) {
    return null;
  }
  for (const [i, form] of FORMS.entries()) {
    const m = form.exec(plain);
    if (!m) {
      continue;
    }
    if (i === 0) {
      return {
        body: bodyName(m[1] ?? "", false).replace(/\s+(?:den|d\.)$/i, ""),
        date: findDanishDate(plain)?.date ?? null,
        itemNumber: Number(m[2]),
      };
    }
    const number = m[3] ? Number(m[3]) : null;
    return {
      body: bodyName(m[1] ?? "", i === 1),
      date: findDanishDate(m[2] ?? "")?.date ?? null,
      itemNumber: number,
    };
  }
  return null;
}
