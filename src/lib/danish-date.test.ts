import { describe, expect, it } from "vitest";
import { formDate, normalizeDanishDate, parseDanishDate, parseDanishTime } from "./danish-date.ts";

describe("parseDanishDate", () => {
  const cases: Array<[string, string | null]> = [
    ["2027-01-21", "2027-01-21"],
    ["21-01-2027", "2027-01-21"],
    ["21.1.2027", "2027-01-21"],
    ["21/1 2027", "2027-01-21"],
    ["21/1-2027", "2027-01-21"],
    ["21. januar 2027", "2027-01-21"],
    ["21 januar 2027", "2027-01-21"],
    ["21. jan. 2027", "2027-01-21"],
    ["  3. Marts 2026 ", "2026-03-03"],
    ["1. maj 2026", "2026-05-01"],
    ["29-02-2028", "2028-02-29"],
    ["29-02-2027", null],
    ["31. april 2027", null],
    ["21. janvier 2027", null],
    ["21/1", null],
    ["i morgen", null],
    ["2027-13-01", null],
    ["", null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => {
      expect(parseDanishDate(text)).toBe(expected);
    });
  }
});

describe("parseDanishTime", () => {
  const cases: Array<[string, string | null]> = [
    ["9", "09:00"],
    ["9.30", "09:30"],
    ["09:30", "09:30"],
    ["kl. 14.15", "14:15"],
    ["24:00", null],
    ["9.75", null],
    ["ni", null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => {
      expect(parseDanishTime(text)).toBe(expected);
    });
  }
});

it("normalizeDanishDate keeps what is not a date, so the form's schema names the error", () => {
  expect(normalizeDanishDate("21.1.2027")).toBe("2027-01-21");
  expect(normalizeDanishDate("snart")).toBe("snart");
  expect(normalizeDanishDate(undefined)).toBeUndefined();
});

it("formDate shows a stored ISO date as a Danish form field does, and leaves typed text alone", () => {
  expect(formDate("2027-01-21")).toBe("21-01-2027");
  expect(formDate("21.1.2027")).toBe("21.1.2027");
  expect(formDate(null)).toBe("");
  expect(parseDanishDate(formDate("2027-01-21"))).toBe("2027-01-21");
});
