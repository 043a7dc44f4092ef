import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.ts";
import { layoutDenmark } from "./denmark-map.ts";
import { consistencyProblems, parentsOn } from "./reference.checks.ts";
import { parseAreas, parseMemberships, shippedPositions, shippedReferenceData } from "./reference.data.ts";

const data = shippedReferenceData();
const municipalities = data.areas.filter((a) => a.kind === "municipality");
const regionName = new Map(data.areas.filter((a) => a.kind === "region").map((a) => [a.code, a.name]));

function regionCounts(day: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, regions] of parentsOn(data, day, "region")) {
    const name = regionName.get(regions[0] as string) as string;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe("the shipped reference data", () => {
  it("has 98 municipalities with unique official codes, 101 København … 860 Hjørring", () => {
    expect(municipalities).toHaveLength(98);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(98);
    expect(municipalities.every((m) => /^\d{3}$/.test(m.code))).toBe(true);
    const name = new Map(municipalities.map((m) => [m.code, m.name]));
    expect(name.get("101")).toBe("Københavns Kommune");
    expect(name.get("561")).toBe("Esbjerg Kommune");
    expect(name.get("860")).toBe("Hjørring Kommune");
    expect(name.get("400")).toBe("Bornholms Regionskommune");
  });

  it("puts each municipality in exactly one region on 31.12.2026 and on 1.1.2027", () => {
    for (const day of ["2026-12-31", "2027-01-01"]) {
      const regions = parentsOn(data, day, "region");
      expect(regions.size).toBe(98);
      for (const [code, list] of regions) {
        expect(list, `${code} on ${day}`).toHaveLength(1);
      }
    }
  });

  it("counts 29/17/22/19/11 before the reform and 46/22/19/11 after it", () => {
    expect(regionCounts("2026-12-31")).toEqual({
      "Region Hovedstaden": 29,
      "Region Sjælland": 17,
      "Region Syddanmark": 22,
      "Region Midtjylland": 19,
      "Region Nordjylland": 11,
    });
    expect(regionCounts("2027-01-01")).toEqual({
      "Region Østdanmark": 46,
      "Region Syddanmark": 22,
      "Region Midtjylland": 19,
      "Region Nordjylland": 11,
    });
  });

  it("has five regions on 31.12.2026 and four on 1.1.2027, and keeps its own rules", () => {
    const alive = (day: string) =>
      data.areas.filter(
        (a) => a.kind === "region" && (a.validFrom ?? "") <= day && (a.validTo === null || day <= a.validTo),
      ).length;
    expect(alive("2026-12-31")).toBe(5);
    expect(alive("2027-01-01")).toBe(4);
    expect(consistencyProblems(data)).toEqual([]);
    expect(data.areas.every((a) => a.source !== "")).toBe(true);
    expect(data.memberships.every((m) => m.source !== "")).toBe(true);
  });

  it("has a position for every municipality, and the hex map draws each exactly once in its own cell", () => {
    const positions = shippedPositions();
    expect(new Set(positions.map((p) => p.code))).toEqual(new Set(municipalities.map((m) => m.code)));
    const layout = layoutDenmark(positions);
    expect(layout.cells.map((c) => c.code).sort()).toEqual(municipalities.map((m) => m.code).sort());
    expect(new Set(layout.cells.map((c) => `${c.col},${c.row}`)).size).toBe(98);
    // The shape of the country: Skagen's Frederikshavn north of Sønderborg, Esbjerg west of København.
    const at = new Map(layout.cells.map((c) => [c.code, c]));
    expect((at.get("813")?.y ?? 0) < (at.get("540")?.y ?? 0)).toBe(true);
    expect((at.get("561")?.x ?? 0) < (at.get("101")?.x ?? 0)).toBe(true);
    expect(layoutDenmark(positions)).toEqual(layout);
  });
});

describe("reading reference CSV files", () => {
  it("reads quotes, doubled quotes and semicolons", () => {
    const t = parseCsv('kind;code;name\nmunicipality;101;"Københavns ""K"" Kommune"\r\n');
    expect(t.header).toEqual(["kind", "code", "name"]);
    expect(t.rows[0]?.cells).toEqual(["municipality", "101", 'Københavns "K" Kommune']);
  });

  it("reports every bad row with its line and keeps none of them", () => {
    const areas = parseAreas(
      [
        "kind,code,name,valid_from,valid_to,source",
        "health_council,sr-nord,Sundhedsråd Nord,2027-01-01,,csv",
        "county,1,Ribe Amt,,,",
        "municipality,x y,Bad,,,",
        "municipality,999,Ny,2027-02-30,,",
        "municipality,998,Ny,2027-01-02,2027-01-01,",
      ].join("\n"),
    );
    expect(areas.areas.map((a) => a.code)).toEqual(["sr-nord"]);
    expect(areas.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    const members = parseMemberships("kind,code,parent_kind\nmunicipality,101,region\n");
    expect(members.problems[0]?.message).toMatch(/parent_code/);
    expect(members.memberships).toEqual([]);
  });

  it("refuses a municipality in two sundhedsråd on the same day", () => {
    const two = {
      areas: data.areas,
      memberships: [
        ...data.memberships,
        {
          kind: "municipality" as const,
          code: "101",
          parentKind: "health_council" as const,
          parentCode: "a",
          validFrom: "2027-01-01",
          validTo: null,
          source: "csv",
        },
        {
          kind: "municipality" as const,
          code: "101",
          parentKind: "health_council" as const,
          parentCode: "b",
          validFrom: "2027-06-01",
          validTo: null,
          source: "csv",
        },
      ],
    };
    expect(consistencyProblems(two)).toHaveLength(1);
  });
});
