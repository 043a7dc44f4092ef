import { describe, expect, it } from "vitest";
import {
  bucketName,
  bucketQuery,
  bucketTsQuery,
  hasPhrase,
  monthOf,
  operandsOf,
  quoteOperand,
  stages,
} from "./buckets.ts";

describe("month buckets of the public search vector", () => {
  it("names months and buckets query operands, keeping prefix marks and escapes", () => {
    const m = monthOf(new Date("2026-11-23T08:00:00Z"));
    expect(bucketName(m)).toBe("202611");
    expect(bucketName(monthOf(new Date("2027-01-01T00:00:00Z")))).toBe("202701");
    expect(bucketQuery("'dem' | 'rehabil':* & !'voksn'", "202611|")).toBe(
      "'202611|dem' | '202611|rehabil':* & !'202611|voksn'",
    );
    expect(bucketQuery("'it''s'", "1|")).toBe("'1|it''s'");
    expect(quoteOperand("c:klynge nord's 2")).toBe("'c:klynge nord''s 2'");
    expect(operandsOf("( 'dem' | 'demensindsat' ) & 'rehabil':*")).toEqual([
      "dem",
      "demensindsat",
      "rehabil:*",
    ]);
  });

  it("knows phrase operators from lexemes that contain < or -", () => {
    expect(hasPhrase("'sårbar' <-> 'gravid'")).toBe(true);
    expect(hasPhrase("'samarbejdsaftal' <2> 'genoptræning'")).toBe(true);
    expect(hasPhrase("'emn-2021-03543' | '<->'")).toBe(false);
  });

  it("puts words, title tier and filters into one bucket", () => {
    expect(
      bucketTsQuery({ text: null, filters: { all: [["k:decision"], ["t:item", "t:attachment"]] } }, "202611"),
    ).toBe("'202611|:v' & ( '202611|:k:decision' ) & ( '202611|:t:item' | '202611|:t:attachment' )");
    expect(bucketTsQuery({ text: "'dem' & 'pårør'", filters: { all: [] }, title: true }, "0")).toBe(
      "( '0|dem' & '0|pårør' ) & ( '0!dem' | '0!pårør' )",
    );
  });

  it("asks the newest months first, in stages that double", () => {
    const s = stages(monthOf(new Date("2026-12-01")), monthOf(new Date("2026-01-01")));
    expect(s).toEqual([
      ["202612"],
      ["202611"],
      ["202610", "202609"],
      ["202608", "202607", "202606", "202605"],
      ["202604", "202603", "202602", "202601"],
    ]);
    expect(stages(5, 6)).toEqual([]);
  });
});
