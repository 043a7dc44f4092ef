/**
 * Aggregation of municipal values into larger areas (a region, a cluster, a sundhedsråd, or a
 * successor region after a reorganisation), exactly: sums in micros; a ratio is the ratio of the
 * summed numerators and denominators, scaled like the municipal values (value = k · num/den). Pure.
 */
import { divide, SCALE } from "./decimal.ts";

export interface MunicipalValue {
  code: string;
  value: bigint;
  numerator: bigint | null;
  denominator: bigint | null;
}

export interface Aggregated {
  code: string;
  value: bigint;
  numerator: bigint | null;
  denominator: bigint | null;
  /** how many member municipalities had a value, and how many members there are */
  counted: number;
  members: number;
}

/**
 * The one rule for a larger area's value from the sums of its municipalities: the sum itself, or for
 * a ratio k · Σnumerator / Σdenominator (k a whole number such as 100; null without a denominator).
 */
export function combine(
  how: "sum" | "ratio",
  sums: { value: bigint; numerator: bigint | null; denominator: bigint | null },
  k: bigint,
): bigint | null {
  if (how === "sum") {
    return sums.value;
  }
  if (sums.numerator === null || sums.denominator === null || sums.denominator === 0n) {
    return null;
  }
  return divide(sums.numerator * k, sums.denominator);
}

/**
 * `members`: parent code → its municipality codes (on the chosen day). A parent with a member
 * missing a value is still aggregated; `counted < members` tells the reader.
 */
export function aggregate(
  values: MunicipalValue[],
  members: Map<string, string[]>,
  how: "sum" | "ratio" | "none",
): Aggregated[] {
  if (how === "none") {
    return [];
  }
  const byCode = new Map(values.map((v) => [v.code, v]));
  const out: Aggregated[] = [];
  for (const [parent, codes] of members) {
    const present = codes.map((c) => byCode.get(c)).filter((v): v is MunicipalValue => v !== undefined);
    if (present.length === 0) {
      continue;
    }
    if (how === "sum") {
      out.push({
        code: parent,
        value: combine(
          "sum",
          { value: present.reduce((s, v) => s + v.value, 0n), numerator: null, denominator: null },
          1n,
        ) as bigint,
        numerator: null,
        denominator: null,
        counted: present.length,
        members: codes.length,
      });
      continue;
    }
    const usable = present.filter(
      (v) => v.numerator !== null && v.denominator !== null && v.denominator !== 0n,
    );
    if (usable.length === 0) {
      continue;
    }
    const num = usable.reduce((s, v) => s + (v.numerator as bigint), 0n);
    const den = usable.reduce((s, v) => s + (v.denominator as bigint), 0n);
    // k from a municipal row: value = k · num/den (k = 100 for a percentage); 1 when it cannot be read.
    const sample = usable.find((v) => (v.numerator as bigint) !== 0n);
    const k = sample
      ? divide(sample.value * (sample.denominator as bigint), (sample.numerator as bigint) * SCALE)
      : SCALE;
    const kRounded = ((k + SCALE / 2n) / SCALE) * SCALE || SCALE;
    out.push({
      code: parent,
      value: combine("ratio", { value: 0n, numerator: num, denominator: den }, kRounded / SCALE) as bigint,
      numerator: num,
      denominator: den,
      counted: usable.length,
      members: codes.length,
    });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}
