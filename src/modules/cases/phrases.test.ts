import { describe, expect, it } from "vitest";
import {
  caseNumberEdges,
  groupItems,
  isStandardItem,
  type LinkItem,
  scoreGroups,
  titleEdgeAllowed,
} from "./linking.ts";
import { archiveSystemOf, decidingBody, foldBodyName, matchBody, referralTarget, roleOf } from "./phrases.ts";

describe("case phrases", () => {
  it("archive systems from the number's form", () => {
    expect(archiveSystemOf("EMN-2021-03543")).toBe("emn");
    expect(archiveSystemOf("14-001379")).toBe("journal");
    expect(archiveSystemOf("2024-0052292")).toBe("edoc");
    expect(archiveSystemOf("SAG 17")).toBe("other");
  });

  it("the body a recommendation is addressed to, and who decides", () => {
    expect(
      referralTarget("Styregruppen indstiller til Sundhedssamarbejdsudvalget, at puljen fordeles."),
    ).toBe("Sundhedssamarbejdsudvalget");
    expect(
      referralTarget(
        "Administrationen indstiller, at Styregruppe for sundhedssamarbejde indstiller til Sundhedskoordinationsudvalgets beslutning at:",
      ),
    ).toBe("Sundhedskoordinationsudvalgets");
    expect(
      referralTarget("Det indstilles til SSS, at fordelingen anbefales over for SSU som beskrevet"),
    ).toBe("SSU");
    expect(
      referralTarget("Administrationen indstiller, at orienteringen tages til efterretning."),
    ).toBeNull();
    expect(referralTarget("Fremsendes til Aarhus Byråd med bemærkning, at udvalget tiltræder.")).toBe(
      "Aarhus Byråd",
    );
    expect(decidingBody("… som beskrevet. Sagen afgøres af Regionsrådet.")).toBe("Regionsrådet");
  });

  it("matches body names across article, genitive and short names", () => {
    const known = [
      { id: 1, name: "Sundhedskoordinationsudvalget", shortName: "SKU" },
      { id: 2, name: "Styregruppe for sundhedssamarbejde i Region Sjælland", shortName: null },
      { id: 3, name: "Sundhedssamarbejdsudvalget", shortName: "SSU" },
    ];
    expect(matchBody("Sundhedskoordinationsudvalgets", known)?.id).toBe(1);
    expect(matchBody("Styregruppen for sundhedssamarbejdet", known)?.id).toBe(2);
    expect(matchBody("SSU", known)?.id).toBe(3);
    expect(matchBody("Regionsrådet", known)).toBeNull();
    expect(foldBodyName("Udvalgets  Møde")).toBe(foldBodyName("udvalget møde"));
  });

  it("roles from the item", () => {
    expect(roleOf({ kind: "decision", recommendations: ["X indstiller til SSU, at …"] }, false)).toBe(
      "recommendation",
    );
    expect(roleOf({ kind: "orientation", recommendations: [] }, false)).toBe("orientation");
    expect(roleOf({ kind: "decision", recommendations: [] }, true)).toBe("decision");
    expect(roleOf({ kind: "decision", recommendations: [] }, false)).toBe("approval");
  });
});

const item = (
  id: number,
  meetingId: number,
  title: string,
  caseNumbers: string[] = [],
  kind = "decision",
): LinkItem => ({
  id,
  meetingId,
  bodyId: meetingId,
  date: "2026-01-01",
  number: id,
  title,
  kind,
  caseNumbers,
});

describe("linking rules", () => {
  it("shared case numbers link items of different meetings, not a meeting's own journal number", () => {
    const items = [
      item(1, 1, "Godkendelse af referat", ["J-1"], "standard"),
      item(2, 1, "Pulje", ["J-1", "EMN-2025-1"]),
      item(3, 2, "Pulje igen", ["EMN-2025-1", "J-1"]),
      item(4, 2, "Andet", ["EMN-2025-1"]),
      item(5, 3, "Tre", ["X"]),
      item(6, 3, "Tre b", ["X"]),
      item(7, 3, "Tre c", ["X"]),
      item(8, 4, "Fire", ["X"]),
    ];
    const edges = caseNumberEdges(items);
    expect(edges.map((e) => [e.a, e.b]).sort()).toEqual([
      [2, 3],
      [2, 4],
    ]);
    expect(groupItems([2, 3, 4, 8], edges)).toEqual([{ ids: [2, 3, 4], reasons: ["sagsnummer EMN-2025-1"] }]);
  });

  it("standard items and titles of different years", () => {
    expect(isStandardItem({ title: "Eventuelt", kind: "decision" })).toBe(true);
    expect(isStandardItem({ title: "Skriftlige beretninger", kind: "orientation" })).toBe(true);
    expect(isStandardItem({ title: "Sager til næste møde", kind: "decision" })).toBe(true);
    const one = (title: string) => ({ title, bodyId: 1 });
    expect(titleEdgeAllowed(one("Tværsektoriel pulje 2026"), one("Tværsektoriel pulje 2027"))).toBe(false);
    expect(titleEdgeAllowed(one("Pulje 2027 – fordeling"), one("Pulje – nøgle 2027"))).toBe(true);
    expect(titleEdgeAllowed(one("Pulje"), one("Pulje 2027"))).toBe(true);
  });

  it("two bodies' housekeeping is never one case by title; one body's may be", () => {
    const konst = { title: "Konstituering og forretningsorden", bodyId: 1 };
    expect(titleEdgeAllowed(konst, { title: "Konstituering og forretningsorden for SSU", bodyId: 2 })).toBe(
      false,
    );
    expect(
      titleEdgeAllowed({ title: "Mødeplan for 2027", bodyId: 1 }, { title: "Mødeplan for 2027", bodyId: 3 }),
    ).toBe(false);
    expect(titleEdgeAllowed(konst, { title: "Forretningsorden – revision", bodyId: 1 })).toBe(true);
    expect(
      titleEdgeAllowed(
        { title: "Sundhedsaftalen", bodyId: 1 },
        { title: "Sundhedsaftalen – høring", bodyId: 2 },
      ),
    ).toBe(true);
  });

  it("pairwise precision and recall", () => {
    const s = scoreGroups(
      [["a", "b", "c"]],
      [
        ["a", "b"],
        ["c", "d"],
      ],
    );
    expect(s).toEqual({ precision: 1 / 3, recall: 1 / 2, tp: 1, fp: 2, fn: 1 });
    expect(scoreGroups([["a", "b"]], [["a", "b"]], [["a", "b"]])).toMatchObject({ precision: 1, recall: 1 });
  });
});
