import { describe, expect, it } from "vitest";
import { danishYear } from "./search.service.ts";

const inCopenhagen = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Copenhagen", year: "numeric" });

describe("danishYear", () => {
  it("turns at midnight Danish time on New Year's Eve", () => {
    expect(danishYear(Date.parse("2024-12-31T22:59:59Z") / 1000)).toBe(2024);
    expect(danishYear(Date.parse("2024-12-31T23:00:00Z") / 1000)).toBe(2025);
    expect(danishYear(Date.parse("2025-07-01T00:30:00Z") / 1000)).toBe(2025);
  });

  it("agrees with the time zone database on 20,000 moments from 1990 to 2040", () => {
    const from = Date.parse("1990-01-01T00:00:00Z");
    const span = Date.parse("2040-01-01T00:00:00Z") - from;
    for (let i = 0; i < 20_000; i++) {
      // spread evenly, plus the hours around each New Year
      const ms =
        i % 2 === 0 ? from + (span * i) / 20_000 : Date.UTC(1990 + (i % 50), 11, 31, 21 + (i % 5), i % 60);
      expect(danishYear(ms / 1000), new Date(ms).toISOString()).toBe(Number(inCopenhagen.format(ms)));
    }
  });
});
