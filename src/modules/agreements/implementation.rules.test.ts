import { describe, expect, it } from "vitest";
import { translator } from "../../web/i18n.ts";
import { cellText, isLate, stateChangeProblem } from "./implementation.rules.ts";

describe("implementation rules", () => {
  it.each([
    [{ state: "opted_out" as const }, "reason"],
    [{ state: "opted_out" as const, reason: "   " }, "reason"],
    [{ state: "opted_out" as const, reason: "Står udenfor." }, null],
    [{ state: "not_relevant" as const }, null],
    [{ state: "in_progress" as const, since: "2026-03-01", plannedOn: "2026-02-01" }, "plannedOn"],
    [{ state: "in_progress" as const, since: "2026-03-01", plannedOn: "2026-03-01" }, null],
  ])("checks a state change %j", (input, path) => {
    expect(stateChangeProblem(input)?.path ?? null).toBe(path);
  });

  it.each([
    [{ deadline: "2026-06-30", approvedOn: null }, "2026-07-01", true],
    [{ deadline: "2026-06-30", approvedOn: null }, "2026-06-30", false],
    [{ deadline: "2026-06-30", approvedOn: "2026-07-05" }, "2026-08-01", false],
    [{ deadline: null, approvedOn: null }, "2030-01-01", false],
  ])("flags %j as late on %s: %s", (step, today, late) => {
    expect(isLate(step, today)).toBe(late);
  });

  it("writes a cell's text in Danish and English", () => {
    const cell = { state: "in_progress" as const, since: "2026-03-01", plannedOn: "2026-12-31", reason: "" };
    expect(cellText(cell, translator("da"), "da")).toBe(
      "Under implementering siden 1. marts 2026 (forventet 31. december 2026)",
    );
    expect(cellText(cell, translator("en"), "en")).toBe(
      "Under implementation since 1 March 2026 (expected 31 December 2026)",
    );
    expect(
      cellText(
        { state: "opted_out", since: null, plannedOn: "2026-12-31", reason: "Model B." },
        translator("da"),
        "da",
      ),
    ).toBe("Fravalgt: Model B.");
    expect(
      cellText(
        { state: "implemented", since: "2026-01-05", plannedOn: "2025-12-31", reason: "" },
        translator("da"),
        "da",
      ),
    ).toBe("Implementeret siden 5. januar 2026");
  });
});
