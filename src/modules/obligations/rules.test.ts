import { describe, expect, it } from "vitest";
import { addresseeDue, rollUp } from "./obligations.service.ts";
import { statusItemTitle } from "./status-item.service.ts";

describe("obligation rules", () => {
  const today = "2027-03-10";
  it.each([
    ["open before the deadline", { state: "open", newDeadline: null }, "2027-03-20", false],
    ["open on the deadline day", { state: "open", newDeadline: null }, "2027-03-10", false],
    ["open a day late", { state: "open", newDeadline: null }, "2027-03-09", true],
    ["done late is not late", { state: "done", newDeadline: null }, "2027-03-01", false],
    ["not relevant is not late", { state: "not_relevant", newDeadline: null }, "2027-03-01", false],
    ["more time, new date ahead", { state: "more_time", newDeadline: "2027-04-01" }, "2027-03-01", false],
    ["more time, new date passed", { state: "more_time", newDeadline: "2027-03-05" }, "2027-03-01", true],
  ] as const)("%s", (_name, a, deadline, late) => {
    expect(addresseeDue(deadline, a, today).late).toBe(late);
  });

  it("uses the asked-for date as the addressee's deadline", () => {
    expect(addresseeDue("2027-03-01", { state: "more_time", newDeadline: "2027-04-01" }, today).due).toBe(
      "2027-04-01",
    );
    expect(addresseeDue("2027-03-01", { state: "done", newDeadline: "2027-04-01" }, today).due).toBe(
      "2027-03-01",
    );
  });

  it("counts answered, late and more time", () => {
    expect(
      rollUp([
        { state: "done", late: false },
        { state: "not_relevant", late: false },
        { state: "more_time", late: false },
        { state: "open", late: true },
        { state: "open", late: false },
      ]),
    ).toEqual({ addressees: 5, answered: 2, done: 1, notRelevant: 1, moreTime: 1, open: 2, late: 1 });
  });

  it.each([
    [["Klynge Nord"], "Status for opfølgning hos Klynge Nord"],
    [["Klynge Nord", "Klynge Syd"], "Status for opfølgning hos Klynge Nord og Klynge Syd"],
    [["A", "B", "C"], "Status for opfølgning hos A, B og C"],
    [["A", "B", "C", "D"], "Status for opfølgning hos 4 fora"],
  ])("titles the status item for %j", (names, title) => {
    expect(statusItemTitle(names)).toBe(title);
  });
});
