import { describe, expect, it } from "vitest";
import { approvalProblem, isInForce, matrixTotals, moveProblem, splitRemarks } from "./agreements.rules.ts";

describe("agreement rules", () => {
  it("allows the lifecycle's moves and explains the others in Danish", () => {
    expect(moveProblem("draft", "hearing")).toBeNull();
    expect(moveProblem("hearing", "approved")).toBeNull();
    expect(moveProblem("approved", "revision")).toBeNull();
    expect(moveProblem("revision", "hearing")).toBeNull();
    expect(moveProblem("draft", "implementation")).toBe(
      "En aftale, der er udkast, kan ikke blive under implementering.",
    );
    expect(moveProblem("replaced", "approved")).toContain("erstattet");
    expect(
      ["draft", "hearing", "approved", "implementation", "revision", "replaced"].filter((s) =>
        isInForce(s as never),
      ),
    ).toEqual(["approved", "implementation", "revision"]);
  });

  it("sends larger revisions through hearing and minor corrections to a chair group", () => {
    expect(
      approvalProblem({ track: "major", hadHearing: false, approverKind: "political_committee" })?.path,
    ).toBe("versionId");
    expect(
      approvalProblem({ track: "major", hadHearing: true, approverKind: "political_committee" }),
    ).toBeNull();
    expect(
      approvalProblem({ track: "minor", hadHearing: false, approverKind: "political_committee" })?.path,
    ).toBe("bodyId");
    expect(approvalProblem({ track: "minor", hadHearing: false, approverKind: "chair_group" })).toBeNull();
  });

  it("splits a response into remarks and counts the matrix", () => {
    expect(splitRemarks("Første.\n\nAnden.\n- Tredje\n- Fjerde\n1. Femte")).toEqual([
      "Første.",
      "Anden.",
      "Tredje",
      "Fjerde",
      "Femte",
    ]);
    expect(matrixTotals([{ handling: "changed" }, { handling: null }, { handling: "changed" }])).toEqual({
      not_changed: 0,
      adjusted: 0,
      changed: 2,
      pending: 1,
    });
  });
});
