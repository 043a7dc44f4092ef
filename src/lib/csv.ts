/**
 * The one CSV writer of every export (fund status, hearing matrix …): semicolon-separated, CRLF, UTF-8
 * with a BOM — what Danish Excel opens without asking.
 *
 * A cell a spreadsheet would read as a formula is neutralised with a leading apostrophe: text starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP "CSV injection"). A plain number (`-1234,50`,
 * `12,5%`) is no formula and stays a number.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)?%?$/;
const NEEDS_QUOTES = /[";\n\r]/;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) {
    return "";
  }
  const text = String(value);
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole file: rows of cells, each through `csvCell`. */
export function csvFile(rows: readonly (readonly (string | number | bigint | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
