/**
 * Exact money: amounts are integer øre held in bigint, never floating point. Pure functions,
 * unit-tested without a database (money.test.ts).
 */

/** "1.874.400,00", "1874400", "1 874 400,5 kr." or "-12,30" → øre; null when it is not an amount. */
export function parseKroner(text: string): bigint | null {
  const cleaned = text
    .trim()
    .replace(/\s*(kr\.?|dkk)\s*$/i, "")
    .replace(/^(kr\.?|dkk)\s*/i, "")
    .replace(/[\s\u00a0]/g, "");
  const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(cleaned);
  if (!m) {
    return null;
  }
  const whole = BigInt((m[2] as string).replaceAll(".", ""));
  const ore = BigInt((m[3] ?? "0").padEnd(2, "0"));
  const value = whole * 100n + ore;
  return m[1] === "-" ? -value : value;
}

/** øre → "6.547.550,00" (Danish digits, no unit); exact for any size. */
export function formatOreNumber(ore: bigint, lang: "da" | "en" = "da"): string {
  const negative = ore < 0n;
  const abs = negative ? -ore : ore;
  const kroner = (abs / 100n).toString();
  const rest = (abs % 100n).toString().padStart(2, "0");
  const group = lang === "da" ? "." : ",";
  const decimal = lang === "da" ? "," : ".";
  const grouped = kroner.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "-" : ""}${grouped}${decimal}${rest}`;
}

/** The sum of a list of øre amounts. */
export function sumOre(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) {
    total += v;
  }
  return total;
}

/**
 * Splits `total` øre in proportion to `weights` by the largest-remainder method (Hamilton): each part
 * gets the floor of its exact share, and the øre left over go one each to the parts with the largest
 * remainders (ties: the earlier part). The parts always add up to the total exactly.
 */
export function splitLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.some((w) => w < 0n)) {
    throw new Error("Nøglens vægte må ikke være negative.");
  }
  const sum = sumOre(weights);
  if (sum === 0n) {
    throw new Error("Nøglen har ingen vægt (alle andele er 0).");
  }
  const negative = total < 0n;
  const abs = negative ? -total : total;
  const parts = weights.map((w) => (abs * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % sum }));
  let left = abs - sumOre(parts);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) {
      break;
    }
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return negative ? parts.map((p) => -p) : parts;
}

/**
 * Splits by rounding each exact share half-up on its own — how spreadsheets produce published
 * tables. The parts need not add up to the total; used to explain (and detect) such tables.
 */
export function splitRoundHalfUp(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = sumOre(weights);
  if (sum === 0n) {
    throw new Error("Nøglen har ingen vægt (alle andele er 0).");
  }
  return weights.map((w) => (2n * total * w + sum) / (2n * sum));
}

/** A share as a Danish percentage with the given decimals, rounded half-up: 786328/1619368 → "48,6". */
export function sharePercent(weight: bigint, sum: bigint, decimals = 1, lang: "da" | "en" = "da"): string {
  if (sum === 0n) {
    return lang === "da" ? "0,0" : "0.0";
  }
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * weight * 100n * scale + sum) / (2n * sum);
  const whole = (scaled / scale).toString();
  const frac = decimals > 0 ? (scaled % scale).toString().padStart(decimals, "0") : "";
  return frac ? `${whole}${lang === "da" ? "," : "."}${frac}` : whole;
}

/** øre as a JSON-safe decimal string (bigint does not survive JSON). */
export const oreString = (ore: bigint): string => ore.toString();
