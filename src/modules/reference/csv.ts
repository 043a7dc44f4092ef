/**
 * A small CSV reader for the reference and indicator files (RFC 4180: comma or semicolon, quotes,
 * doubled quotes, CRLF). Danish spreadsheets save with semicolons, so the separator is taken from the
 * header line. Limits keep a hostile file from holding the server.
 */
export interface CsvTable {
  header: string[];
  /** each row with its line number in the file (the header is line 1) */
  rows: { line: number; cells: string[] }[];
}

export const CSV_MAX_ROWS = 200_000;
export const CSV_MAX_CELL = 2_000;

export class CsvError extends Error {}

/** Parses CSV text; throws CsvError (with a Danish message) on a broken quote or a file over the limits. */
export function parseCsv(input: string, maxRows = CSV_MAX_ROWS): CsvTable {
  const text = input.replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    if (cell.length > CSV_MAX_CELL) {
      throw new CsvError(`Linje ${recordLine}: et felt er længere end ${CSV_MAX_CELL} tegn.`);
    }
    cells.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) {
      records.push({ line: recordLine, cells });
      if (records.length > maxRows + 1) {
        throw new CsvError(`Filen har flere end ${maxRows} rækker.`);
      }
    }
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") {
          line++;
        }
        cell += ch;
      }
    } else if (ch === '"' && cell === "") {
      quoted = true;
    } else if (ch === sep) {
      endCell();
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") {
        i++;
      }
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) {
    throw new CsvError(`Linje ${recordLine}: et felt i anførselstegn slutter aldrig.`);
  }
  if (cell !== "" || cells.length > 0) {
    endRecord();
  }
  const [head, ...rows] = records;
  return { header: (head?.cells ?? []).map((h) => h.trim().toLowerCase()), rows };
}

/** The cells of a row by the header's names (missing cells are ""). */
export function rowObject(header: string[], cells: string[]): Record<string, string> {
  return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? "").trim()]));
}
