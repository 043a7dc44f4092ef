/**
 * Exact decimals for indicator values: six decimals as a scaled bigint ("micros"), so that sums over
 * municipalities are exact; floating point only for drawing. Pure.
 */
export const SCALE = 1_000_000n;

/** "1.234,5", "1234.5", "-3", "12,000001" → micros; null when not a number or more than 6 decimals. */
export function parseDecimal(input: string): bigint | null {
  let s = input.trim().replace(/\s/g, "");
  if (s === "") {
    return null;
  }
  // Danish "1.234,5": dots group thousands when a comma is the decimal mark.
  if (s.includes(",")) {
    s = s.replace(/\./g, "").replace(",", ".");
  }
  const m = /^(-?)(\d{1,18})(?:\.(\d{1,6}))?$/.exec(s);
  if (!m) {
    return null;
  }
  const micros = BigInt(m[2] as string) * SCALE + BigInt((m[3] ?? "").padEnd(6, "0"));
  return m[1] ? -micros : micros;
}

/** micros → "1234.5" (no trailing zeros), as PostgreSQL's numeric accepts it. */
export function formatDecimal(micros: bigint): string {
  const neg = micros < 0n;
  const a = neg ? -micros : micros;
  const whole = a / SCALE;
  const frac = (a % SCALE).toString().padStart(6, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/** a / b in micros, rounded half away from zero. */
export function divide(a: bigint, b: bigint): bigint {
  const q = (a * SCALE * 2n) / b;
  return q >= 0n ? (q + 1n) / 2n : (q - 1n) / 2n;
}

const FORMATS = new Map<string, Intl.NumberFormat>();

/** "1234.5" → "1.234,5" (Danish) with at most `decimals` decimals (formatters made once: tables are long). */
export function displayNumber(value: string | number, lang: "da" | "en", decimals = 2): string {
  const key = `${lang}${decimals}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: decimals });
    FORMATS.set(key, f);
  }
  return f.format(Number(value));
}
