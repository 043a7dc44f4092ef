import { describe, expect, it } from "vitest";
import { isCompoundOf, partsToCheck } from "./compound.ts";
import { parseQuery, QuerySyntaxError } from "./query.ts";

describe("parseQuery", () => {
  it("reads words, phrases, exclusions and prefixes", () => {
    expect(parseQuery('Demens "tidlig opsporing" -børn behandl* -"akut team"')).toEqual({
      words: [
        { text: "demens", prefix: false },
        { text: "behandl", prefix: true },
      ],
      phrases: ["tidlig opsporing"],
      excludedWords: [{ text: "børn", prefix: false }],
      excludedPhrases: ["akut team"],
    });
  });

  it("keeps case numbers and hyphenated words whole; strips punctuation", () => {
    const q = parseQuery("EMN-2021-03543 covid-19, (KOL)");
    expect(q.phrases).toEqual(["emn-2021-03543", "covid-19"]);
    expect(q.words).toEqual([{ text: "kol", prefix: false }]);
  });

  it("an empty query is allowed (filters only)", () => {
    expect(parseQuery("  ").words).toEqual([]);
  });

  it.each([
    ['"uafsluttet citat', /anførselstegn/],
    ["be*handl", /sidst i et ord/],
    ["a*", /mindst 2 bogstaver/],
    ["-kun -udelukkede", /ikke kun ord med minus/],
    ["x".repeat(201), /for lang/],
    [Array.from({ length: 13 }, (_, i) => `ord${i}`).join(" "), /for mange/],
  ])("refuses %s with a Danish message", (input, message) => {
    expect(() => parseQuery(input)).toThrow(QuerySyntaxError);
    expect(() => parseQuery(input)).toThrow(message);
  });
});

describe("isCompoundOf", () => {
  const vocabulary = new Set(["samarbejd", "aftal", "sundhed", "overvægt", "udvalg", "pleje", "hjem"]);
  const known = (w: string) => vocabulary.has(w);

  it.each([
    ["samarbejdsaftal", ["aftale", "aftal"]],
    ["sundhedsaftal", ["aftal"]],
    ["overvægtsaftal", ["overvægt", "overvæg"]],
    ["sundhedssamarbejdsudvalg", ["samarbejd"]],
    ["plejehjem", ["hjem"]],
    ["overvægtig", ["overvægt"]],
  ])("%s contains %s", (candidate, needles) => {
    expect(isCompoundOf(candidate, needles, known)).toBe(true);
  });

  it.each([
    ["forældr", ["ældr"]],
    ["aftal", ["aftal"]],
    ["kontaktperson", ["aktp"]],
    ["xyzaftal", ["aftal"]],
  ])("%s does not contain %s as a part", (candidate, needles) => {
    expect(isCompoundOf(candidate, needles, known)).toBe(false);
  });

  it("lists the pieces whose membership decides", () => {
    expect(partsToCheck("samarbejdsaftal", ["aftal"])).toEqual(
      expect.arrayContaining(["samarbejds", "samarbejd"]),
    );
  });
});
