import { describe, expect, it } from "vitest";
import { writeXlsx } from "../../lib/xlsx.ts";
import { aggregate } from "./aggregate.ts";
import { linePoints, niceTicks, rankedBars } from "./charts.ts";
import { classOf, quartileLimits } from "./choropleth.tsx";
import { divide, formatDecimal, parseDecimal, SCALE } from "./decimal.ts";
import { readSheet } from "./indicators.file.ts";
import { parsePeriod } from "./periods.ts";

const d = (s: string) => parseDecimal(s) as bigint;

describe("periods", () => {
  it.each([
    ["2025", "2025", "2025-01-01", "year"],
    ["2025-Q3", "2025-Q3", "2025-07-01", "quarter"],
    ["2025K1", "2025-Q1", "2025-01-01", "quarter"],
    ["2025M03", "2025-03", "2025-03-01", "month"],
    ["2025-12", "2025-12", "2025-12-01", "month"],
  ])("%s → %s", (input, period, start, rhythm) => {
    expect(parsePeriod(input)).toEqual({ period, start, rhythm });
  });
  it.each(["2025-13", "25", "2025-Q5", "marts", ""])("refuses %s", (input) => {
    expect(parsePeriod(input)).toBeNull();
  });
});

describe("exact decimals", () => {
  it("reads Danish and English notation and writes it back", () => {
    expect(formatDecimal(d("1.234,5"))).toBe("1234.5");
    expect(formatDecimal(d("1234.5"))).toBe("1234.5");
    expect(formatDecimal(d("-0,000001"))).toBe("-0.000001");
    expect(parseDecimal("1,2345678")).toBeNull();
    expect(parseDecimal("12 kr")).toBeNull();
    expect(divide(2n * SCALE, 3n * SCALE)).toBe(666_667n);
  });
});

describe("aggregation into larger areas", () => {
  const values = [
    { code: "101", value: d("10"), numerator: d("3"), denominator: d("30") },
    { code: "147", value: d("20"), numerator: d("2"), denominator: d("10") },
    { code: "259", value: d("5"), numerator: d("1"), denominator: d("20") },
  ];
  it("sums exactly, and a successor region is the sum of its predecessors' members", () => {
    const [hov] = aggregate(values, new Map([["1084", ["101", "147"]]]), "sum");
    const [sj] = aggregate(values, new Map([["1085", ["259"]]]), "sum");
    const [ost] = aggregate(values, new Map([["ostdanmark", ["101", "147", "259"]]]), "sum");
    expect(hov?.value).toBe(d("30"));
    expect(ost?.value).toBe((hov?.value ?? 0n) + (sj?.value ?? 0n));
  });
  it("weights a ratio by its numerators and denominators, keeping the municipal scale", () => {
    // percentages: 3/30 = 10 %, 2/10 = 20 %; together 5/40 = 12.5 % (not the mean 15 %)
    const [r] = aggregate(values.slice(0, 2), new Map([["1084", ["101", "147"]]]), "ratio");
    expect(formatDecimal(r?.value ?? 0n)).toBe("12.5");
    expect(r?.numerator).toBe(d("5"));
    expect(r?.denominator).toBe(d("40"));
    expect(r).toMatchObject({ counted: 2, members: 2 });
  });
  it("says when a member has no value", () => {
    const [r] = aggregate(values, new Map([["x", ["101", "999"]]]), "sum");
    expect(r).toMatchObject({ counted: 1, members: 2 });
  });
});

describe("charts", () => {
  it("draws a known series at the expected points", () => {
    const { ticks, points } = linePoints(["2022", "2023", "2024"], [{ name: "A", values: [0, 50, 100] }]);
    expect(ticks).toEqual([0, 20, 40, 60, 80, 100]);
    // plot: x 64…624, y 16…252
    expect(points[0]).toEqual([
      { x: 64, y: 252, value: 0 },
      { x: 344, y: 134, value: 50 },
      { x: 624, y: 16, value: 100 },
    ]);
  });
  it("leaves gaps where a series has no value", () => {
    const { points } = linePoints(["a", "b", "c"], [{ name: "A", values: [1, null, 3] }]);
    expect(points[0]?.map((p) => p.value)).toEqual([1, 3]);
  });
  it("ranks bars from the highest, with lengths in proportion", () => {
    const { bars } = rankedBars([
      { label: "B", value: 5 },
      { label: "A", value: 10 },
    ]);
    expect(bars.map((b) => b.label)).toEqual(["A", "B"]);
    expect(bars[0]?.length).toBe(368);
    expect(bars[1]?.length).toBe(184);
    expect(niceTicks(0, 7)).toEqual([0, 2, 4, 6, 8]);
  });
  it("puts map values into four quartile classes", () => {
    const limits = quartileLimits([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(limits).toEqual([2, 4, 6, 8]);
    expect([1, 3, 6, 8].map((v) => classOf(v, limits))).toEqual([0, 1, 2, 3]);
  });
});

describe("reading files", () => {
  it("reads an XLSX written by src/lib/xlsx.ts with Danish headings", () => {
    const bytes = writeXlsx([
      {
        name: "Ark1",
        rows: [
          ["Indikator", "Kommunekode", "Periode", "Værdi"],
          ["x", "101", "2025", { number: "12.5" }],
        ],
      },
    ]);
    const sheet = readSheet("data.xlsx", bytes);
    expect(sheet.header).toEqual(["indicator", "area_code", "period", "value"]);
    expect(sheet.rows).toEqual([{ line: 2, cells: ["x", "101", "2025", "12.5"] }]);
  });
  it("refuses a file named .xlsx that is not one, and a broken CSV, in Danish", () => {
    expect(() => readSheet("data.xlsx", new TextEncoder().encode("a,b"))).toThrow(/ikke en XLSX-fil/);
    expect(() => readSheet("data.csv", new TextEncoder().encode('a,b\n"x,1\n'))).toThrow(/slutter aldrig/);
  });
});
