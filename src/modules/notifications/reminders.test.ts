import { describe, expect, it } from "vitest";
import { actionReminderKind } from "./reminders.ts";

const TODAY = "2026-12-03";

describe("actionReminderKind: which reminder an open follow-up needs today", () => {
  it.each([
    [{ status: "open", effectiveDue: "2026-12-05", remindedFor: null }, "actionDue"],
    [{ status: "open", effectiveDue: "2026-12-03", remindedFor: null }, "actionDue"],
    [{ status: "open", effectiveDue: "2026-12-05", remindedFor: "2026-12-05" }, null],
    [{ status: "open", effectiveDue: "2026-12-20", remindedFor: null }, null],
    [{ status: "open", effectiveDue: "2026-12-02", remindedFor: "2026-12-02" }, "actionOverdue"],
    [{ status: "open", effectiveDue: "2026-11-26", remindedFor: null }, "actionOverdue"],
    [{ status: "open", effectiveDue: "2026-11-25", remindedFor: null }, null],
    [{ status: "done", effectiveDue: "2026-12-02", remindedFor: null }, null],
    [{ status: "open", effectiveDue: null, remindedFor: null }, null],
  ] as const)("%o → %s", (action, expected) => {
    expect(actionReminderKind(action, TODAY)).toBe(expected);
  });
});
