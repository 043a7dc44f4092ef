import { describe, expect, it } from "vitest";
import {
  formatOreNumber,
  parseKroner,
  sharePercent,
  splitLargestRemainder,
  splitRoundHalfUp,
  sumOre,
} from "./money.ts";

describe("money", () => {
  it("parses Danish amounts to øre exactly", () => {
    expect(parseKroner("1.874.400,00")).toBe(187_440_000n);
    expect(parseKroner("6.547.550,00 kr.")).toBe(654_755_000n);
    expect(parseKroner("1874400")).toBe(187_440_000n);
    expect(parseKroner("917 367,82")).toBe(91_736_782n);
    expect(parseKroner("0,5")).toBe(50n);
    expect(parseKroner("-12,30")).toBe(-1230n);
    expect(parseKroner("12.34")).toBeNull();
    expect(parseKroner("1,234")).toBeNull();
    expect(parseKroner("tusind")).toBeNull();
    expect(parseKroner("")).toBeNull();
  });

  it("formats øre the Danish way, exactly, also beyond the float range", () => {
    expect(formatOreNumber(654_755_000n)).toBe("6.547.550,00");
    expect(formatOreNumber(5n)).toBe("0,05");
    expect(formatOreNumber(-123_456n)).toBe("-1.234,56");
    expect(formatOreNumber(654_755_000n, "en")).toBe("6,547,550.00");
    expect(formatOreNumber(12_345_678_901_234_567_891n)).toBe("123.456.789.012.345.678,91");
  });

  it("splits by the largest-remainder method so the parts add up to the total", () => {
    expect(splitLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(splitLargestRemainder(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(splitLargestRemainder(10n, [0n, 1n])).toEqual([0n, 10n]);
    for (const total of [1n, 7n, 99_999n, 129_300_000n]) {
      const weights = [786_328n, 23_339n, 290_098n, 181_369n, 338_234n];
      expect(sumOre(splitLargestRemainder(total, weights))).toBe(total);
    }
    expect(() => splitLargestRemainder(10n, [0n, 0n])).toThrow(/ingen vægt/);
  });

  it("rounds half-up per part like a spreadsheet, which need not add up", () => {
    expect(splitRoundHalfUp(100n, [1n, 1n])).toEqual([50n, 50n]);
    expect(sumOre(splitRoundHalfUp(100n, [1n, 1n, 1n]))).toBe(99n);
  });

  it("gives Danish percentages with one decimal", () => {
    expect(sharePercent(786_328n, 1_619_368n)).toBe("48,6");
    expect(sharePercent(23_339n, 1_619_368n)).toBe("1,4");
    expect(sharePercent(1n, 3n, 1, "en")).toBe("33.3");
  });
});
