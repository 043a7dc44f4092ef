import { describe, expect, it } from "vitest";
import { findDueDate } from "./due-dates.ts";

/** Reference day: Wednesday 22 March 2023 (the meeting the decision was made at). */
const REF = "2023-03-22";
const due = (text: string, ref = REF) => findDueDate(text, ref)?.date ?? null;

describe("findDueDate: Danish dates in every written form", () => {
  it.each([
    ["dagsordenssættes på mødet den 25. januar 2024", "2024-01-25"],
    ["senest d. 25 jan. 2024", "2024-01-25"],
    ["deadline 13. december 2023", "2023-12-13"],
    ["frist 2023-06-01", "2023-06-01"],
    ["udsendes 19.04.2018", "2018-04-19"],
    ["udsendes d. 19.04.18", "2018-04-19"],
    ["senest 25/1 2024", "2024-01-25"],
    ["senest 25-01-2024", "2024-01-25"],
    ["deadline 25.11.2026.", "2026-11-25"],
    ["fredag den 9. oktober 2026", "2026-10-09"],
  ])("with a year: %s", (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it.each([
    ["deadline 13. december", "2023-12-13"],
    ["udsendes d. 16. oktober", "2023-10-16"],
    // a day already past this year: next year
    ["senest den 1. marts", "2024-03-01"],
    ["senest den 13/12", "2023-12-13"],
    ["senest d. 22. marts", "2023-03-22"],
  ])("without a year, the next such day: %s", (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it.each([
    ["primo januar", "2024-01-10"],
    ["medio april", "2023-04-15"],
    ["ultimo oktober 2017", "2017-10-31"],
    ["ultimo februar 2024", "2024-02-29"],
    ["ultimo 2024", "2024-12-31"],
    ["primo 2024", "2024-01-31"],
    ["medio 2027", "2027-06-30"],
  ])("primo, medio and ultimo: %s", (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it.each([
    ["senest fredag", "2023-03-24"],
    ["på mandag", "2023-03-27"],
    // the same weekday as the reference: a week later
    ["inden onsdag", "2023-03-29"],
    ["i uge 12 2024", "2024-03-22"],
    ["i uge 40", "2023-10-06"],
    ["i uge 2", "2024-01-12"],
  ])("weekday names and weeks: %s", (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it.each([
    ["i 1. kvartal 2024", "2024-03-31"],
    ["i første kvartal", "2023-03-31"],
    ["i fjerde kvartal", "2023-12-31"],
    ["i efteråret 2023", "2023-11-30"],
    ["i foråret", "2023-05-31"],
    ["i juni 2023", "2023-06-30"],
    ["i løbet af juni måned", "2023-06-30"],
    ["om 14 dage", "2023-04-05"],
    ["inden for to uger", "2023-04-05"],
    ["om 1 måneder", "2023-04-22"],
  ])("periods: %s", (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it("takes the first date in the text and reports the words", () => {
    const found = findDueDate("Sendes ud 1. april, og svar senest 15. april 2023.", REF);
    expect(found).toMatchObject({ date: "2023-04-01", phrase: "1. april" });
  });

  it.each([
    "Sagen afgøres af Sundhedskoordinationsudvalget.",
    "Journalnummer 14-001379 og EMN-2021-03543",
    "sag 2024-0052292",
    "den 30. februar 2024",
    "pejlemærkerne nr. 2, 6 og 9",
  ])("no date where there is none (or an impossible one): %s", (text) => {
    expect(due(text)).toBeNull();
  });
});
