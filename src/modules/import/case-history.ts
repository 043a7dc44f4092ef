/**
 * A case's earlier handling as the document shows it: FirstAgenda's "Sagsforløb" (triples
 * "Udvalg: … / Dato: dd-mm-yyyy / Punktnummer: N" followed by that meeting's decision) and the
 * stacked decisions of Acadre and eDoc items ("Beslutning i <udvalg> den dd-mm-yyyy"). Never this
 * meeting's decision or absence.
 */
import { z } from "zod";

export const ZCaseHistoryEntry = z.object({
  body: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  itemNumber: z.number().int().nullable(),
  decision: z.string(),
});
export type CaseHistoryEntry = z.infer<typeof ZCaseHistoryEntry>;

const LABEL = /^(udvalg|dato|punktnummer|punkt nr\.?|pkt\.?)\s*:\s*(.*)$/i;

/** "02-09-2025", "2.9.2025", "02.09.2025" → "2025-09-02"; null when it is no date. */
export function isoOfNumericDate(text: string): string | null {
  const m = /(\d{1,2})[-./](\d{1,2})[-./](\d{4})/.exec(text);
  if (!m) {
    return null;
  }
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return null;
  }
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Reads FirstAgenda "Sagsforløb" lines (labels one per line or several on one line) into entries. */
export function parseSagsforloeb(lines: string[]): CaseHistoryEntry[] {
  const split = lines.flatMap((line) =>
    line
      .replace(/\s+(?=(?:Udvalg|Dato|Punktnummer)\s*:)/g, "\n")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== ""),
  );
  const entries: CaseHistoryEntry[] = [];
  let current: { body: string; date: string | null; itemNumber: number | null; text: string[] } | null = null;
  const flush = () => {
    if (current?.date) {
      entries.push({
        body: current.body,
        date: current.date,
        itemNumber: current.itemNumber,
        decision: current.text.join(" ").replace(/\s+/g, " ").trim(),
      });
    }
  };
  for (const line of split) {
    const label = LABEL.exec(line);
    const key = label?.[1]?.toLowerCase() ?? "";
    const value = label?.[2]?.trim() ?? "";
    if (key === "udvalg") {
      flush();
      current = { body: value, date: null, itemNumber: null, text: [] };
    } else if (key === "dato") {
      // a "Dato:" whose "Udvalg:" line was lost (page break) still opens an entry
      if (!current || current.date) {
        flush();
        current = {
          body: current && !current.date ? current.body : "",
          date: null,
          itemNumber: null,
          text: [],
        };
      }
      current.date = isoOfNumericDate(value);
    } else if (current && label && key !== "dato") {
      const n = /\d+/.exec(value);
      current.itemNumber = n ? Number(n[0]) : null;
    } else if (current) {
      current.text.push(line);
    }
  }
  flush();
  return entries;
}
