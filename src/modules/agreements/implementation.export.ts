/**
 * The implementation matrix as CSV (src/lib/csv.ts) and XLSX (src/lib/xlsx.ts). One grid feeds both, and
 * its cell texts are the page's (implementation.rules.ts: cellText), so the files say what the page says.
 */
import { csvFile } from "../../lib/csv.ts";
import { writeXlsx, type XlsxCell } from "../../lib/xlsx.ts";
import { formatIsoDay } from "../../web/format.ts";
import type { Lang, Translate } from "../../web/i18n.ts";
import { cellText, stateKey } from "./implementation.rules.ts";
import type { TMatrix, TMatrixCell } from "./implementation.schemas.ts";

/** What a cell of a party outside the agreement shows. */
export const NOT_PARTY = "–";

/** The cells by "agreementId:partyId". */
export function cellIndex(m: TMatrix): Map<string, TMatrixCell> {
  return new Map(m.cells.map((c) => [`${c.agreementId}:${c.partyId}`, c]));
}

/** Header row, one row per party, then the counts per state. */
export function matrixGrid(m: TMatrix, t: Translate, lang: Lang, day: string): string[][] {
  const cells = cellIndex(m);
  const header = [t("impl.party"), t("impl.region"), ...m.agreements.map((a) => a.title)];
  const rows = m.parties.map((p) => [
    p.name,
    p.region ?? "",
    ...m.agreements.map((a) => {
      const c = cells.get(`${a.id}:${p.id}`);
      return c ? cellText(c, t, lang) : NOT_PARTY;
    }),
  ]);
  const counts = Object.entries(m.counts).map(([state, n]) => [
    t(stateKey(state as TMatrixCell["state"])),
    String(n),
  ]);
  return [[t("impl.sheetTitle", { date: formatIsoDay(day, lang) })], header, ...rows, [], ...counts];
}

export function matrixCsv(m: TMatrix, t: Translate, lang: Lang, day: string): string {
  return csvFile(matrixGrid(m, t, lang, day));
}

export function matrixXlsx(m: TMatrix, t: Translate, lang: Lang, day: string): Uint8Array {
  const grid = matrixGrid(m, t, lang, day);
  const countsFrom = grid.length - Object.keys(m.counts).length;
  const rows: XlsxCell[][] = grid.map((row, r) =>
    row.map((text, c): XlsxCell => {
      if (r === 0 || r === 1) {
        return { text, bold: true };
      }
      if (r >= countsFrom && c === 1) {
        return { number: text, format: "integer" };
      }
      return text;
    }),
  );
  return writeXlsx([
    {
      name: t("impl.sheetName"),
      rows,
      widths: [30, 16, ...m.agreements.map(() => 34)],
    },
  ]);
}
