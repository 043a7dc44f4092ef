/**
 * The long format of indicator files (CSV or XLSX), one value per row:
 *   indicator, area_kind (optional), area_code, period, value, numerator, denominator
 * Column names are matched without case, and eSundhed's/Danmarks Statistik's Danish headings are
 * accepted as aliases (docs/indicators.md). Definitions come in their own file:
 *   code, name, definition, unit, direction, source, source_url, rhythm, aggregation, internal
 */
import { AppError } from "../../server/errors.ts";
import { CsvError, parseCsv } from "../reference/index.ts";
import { readXlsxRows, XlsxReadError } from "./xlsx-read.ts";

export interface Sheet {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

const ALIASES: Record<string, string> = {
  indikator: "indicator",
  indicator_code: "indicator",
  område: "area_code",
  omraade: "area_code",
  omraadekode: "area_code",
  områdekode: "area_code",
  kommunekode: "area_code",
  area: "area_code",
  områdetype: "area_kind",
  periode: "period",
  tid: "period",
  år: "period",
  aar: "period",
  værdi: "value",
  vaerdi: "value",
  indhold: "value",
  tæller: "numerator",
  taeller: "numerator",
  nævner: "denominator",
  naevner: "denominator",
};

export const normaliseHeader = (h: string) => {
  const k = h.trim().toLowerCase().replace(/\s+/g, "_");
  return ALIASES[k] ?? k;
};

/** Reads a CSV or XLSX file (by its name, then its first bytes); a broken file is a Danish 400. */
export function readSheet(fileName: string, bytes: Uint8Array): Sheet {
  try {
    return readSheetUnchecked(fileName, bytes);
  } catch (err) {
    if (err instanceof CsvError || err instanceof XlsxReadError) {
      throw new AppError("validation_failed", err.message);
    }
    throw err;
  }
}

function readSheetUnchecked(fileName: string, bytes: Uint8Array): Sheet {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    if (!isZip) {
      throw new XlsxReadError("Filen hedder .xlsx, men er ikke en XLSX-fil.");
    }
    const [head, ...rows] = readXlsxRows(bytes);
    return {
      header: (head?.cells ?? []).map(normaliseHeader),
      rows: rows.filter((r) => r.cells.some((c) => c.trim() !== "")),
    };
  }
  const table = parseCsv(new TextDecoder("utf-8").decode(bytes));
  return { header: table.header.map(normaliseHeader), rows: table.rows };
}

export const VALUE_COLUMNS = ["indicator", "area_code", "period", "value"] as const;
export const DEFINITION_COLUMNS = [
  "code",
  "name",
  "definition",
  "unit",
  "direction",
  "source",
  "rhythm",
] as const;

/** Is this a definitions file (rather than values)? */
export const isDefinitions = (s: Sheet) => s.header.includes("definition") && s.header.includes("code");
