import { describe, expect, it } from "vitest";
import {
  applyStatusChange,
  deliverableLines,
  deliverableStates,
  diffVersions,
  parseDeliverableLines,
  parseSeatLines,
  type VersionContent,
} from "./mandates.rules.ts";

const v1: VersionContent = {
  purpose: "Formål",
  periodFrom: "2025-01-01",
  periodTo: "2025-12-31",
  reportsToId: 1,
  approverBodyId: 2,
  composition: [{ seats: 2, party: "Kommunerne", partyId: null, competence: "Leder", flexible: false }],
  deliverables: [
    { title: "Statusnotat", dueOn: "2025-06-30" },
    { title: "Anbefaling", dueOn: "2025-09-30" },
  ],
};

describe("mandate rules", () => {
  it("allows standby only from active, resume only from standby, nothing after closing", () => {
    expect(applyStatusChange("active", "standby")).toEqual({ ok: true, status: "standby" });
    expect(applyStatusChange("standby", "resumed")).toEqual({ ok: true, status: "active" });
    expect(applyStatusChange("active", "resumed").ok).toBe(false);
    expect(applyStatusChange("standby", "standby").ok).toBe(false);
    expect(applyStatusChange("standby", "closed")).toEqual({ ok: true, status: "closed" });
    expect(applyStatusChange("closed", "continued")).toEqual({
      ok: false,
      message: "Gruppen er nedlagt; dens kommissorium kan ikke ændres.",
    });
  });

  it("says what changed between versions", () => {
    expect(diffVersions(v1, { ...v1 })).toEqual([]);
    expect(
      diffVersions(v1, {
        ...v1,
        purpose: "Nyt formål",
        periodTo: "2026-06-30",
        composition: [
          ...v1.composition,
          { seats: 1, party: "PLO", partyId: null, competence: "", flexible: true },
        ],
        deliverables: [
          { title: "anbefaling", dueOn: "2025-10-31" },
          { title: "Plan", dueOn: "2026-05-01" },
        ],
      }),
    ).toEqual([
      "purpose",
      "period",
      "composition",
      "deliverablesAdded",
      "deliverablesRemoved",
      "deliverablesDue",
    ]);
  });

  it("marks deliverables delivered by reports and overdue by today", () => {
    const s = deliverableStates(
      v1.deliverables,
      [{ kind: "report", on: "2025-10-02", deliverable: "ANBEFALING" }],
      "2025-11-01",
    );
    expect(s.items).toEqual([
      { title: "Statusnotat", dueOn: "2025-06-30", deliveredOn: null, overdue: true },
      { title: "Anbefaling", dueOn: "2025-09-30", deliveredOn: "2025-10-02", overdue: false },
    ]);
    expect(s.nextDue).toEqual({ title: "Statusnotat", dueOn: "2025-06-30" });
    expect(s.lastReportOn).toBe("2025-10-02");
  });

  it("reads the form's lines or says which line is wrong", () => {
    expect(parseDeliverableLines("2027-03-31 Anbefaling til FSN\n\n31.12.2026 | Statusnotat")).toEqual({
      ok: true,
      value: [
        { dueOn: "2027-03-31", title: "Anbefaling til FSN" },
        { dueOn: "2026-12-31", title: "Statusnotat" },
      ],
    });
    for (const [line, dueOn] of [
      ["31-03-2027 Anbefaling", "2027-03-31"],
      ["31.3.2027: Anbefaling", "2027-03-31"],
      ["31/3 2027 – Anbefaling", "2027-03-31"],
      ["31. marts 2027 Anbefaling", "2027-03-31"],
      ["1. dec. 2026 | Anbefaling", "2026-12-01"],
    ] as const) {
      expect(parseDeliverableLines(line), line).toEqual({
        ok: true,
        value: [{ dueOn, title: "Anbefaling" }],
      });
    }
    expect(deliverableLines([{ dueOn: "2027-03-31", title: "Anbefaling" }])).toBe("31-03-2027 Anbefaling");
    expect(parseDeliverableLines("31. marts Anbefaling")).toMatchObject({ ok: false });
    expect(parseDeliverableLines("Anbefaling\n2027-02-30 X")).toMatchObject({
      ok: false,
      message: expect.stringContaining("Linje 1"),
    });
    expect(
      parseSeatLines("2 | Kommunerne | Sygeplejerske | fast\n1 | PLO | Læge | fleksibel\n1 | Patienter"),
    ).toEqual({
      ok: true,
      value: [
        { seats: 2, party: "Kommunerne", competence: "Sygeplejerske", flexible: false },
        { seats: 1, party: "PLO", competence: "Læge", flexible: true },
        { seats: 1, party: "Patienter", competence: "", flexible: false },
      ],
    });
    expect(parseSeatLines("to | Kommunerne")).toMatchObject({
      ok: false,
      message: expect.stringContaining("Linje 1"),
    });
  });
});
