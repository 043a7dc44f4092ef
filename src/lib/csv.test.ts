import { describe, expect, it } from "vitest";
import { csvCell, csvFile } from "./csv.ts";

describe("csvCell: formulas neutralised, numbers kept (issue 18.7)", () => {
  it.each([
    ['=HYPERLINK("http://evil.example";"klik")', '"\'=HYPERLINK(""http://evil.example"";""klik"")"'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1", "'\t=1"],
    ["\r=1", '"\'\r=1"'],
    ["-1234,50", "-1234,50"],
    ["+45", "+45"],
    ["12,5%", "12,5%"],
    ["Tekst; med semikolon", '"Tekst; med semikolon"'],
    ['Et "citat"', '"Et ""citat"""'],
    ["linje 1\nlinje 2", '"linje 1\nlinje 2"'],
    ["Almindelig tekst", "Almindelig tekst"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("writes a file with a BOM, semicolons and CRLF; null is an empty cell", () => {
    expect(csvFile([["a", null, 3n], ["=x"]])).toBe("\uFEFFa;;3\r\n'=x\r\n");
  });
});
