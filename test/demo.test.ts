import { expect, it } from "vitest";
import { exportAll } from "../src/modules/backup/index.ts";
import { demoData } from "../src/modules/demo/demo.data.ts";
import { demoWeekShift, shiftLocal } from "../src/modules/demo/demo.dates.ts";
import { loadDemo } from "../src/modules/demo/demo.service.ts";
import { useTestApp } from "./helpers/app.ts";
import { describeEachDatabase } from "./helpers/databases.ts";

it("shifts demo dates by whole weeks, keeping weekdays and times", () => {
  expect(demoWeekShift(new Date("2026-11-23T10:00:00Z"))).toBe(0);
  expect(demoWeekShift(new Date("2027-01-05T10:00:00Z")) % 7).toBe(0);
  expect(shiftLocal("2026-11-23T10:00", 14)).toBe("2026-12-07T10:00");
  expect(shiftLocal("2026-12-28", 7)).toBe("2027-01-04");
});

describeEachDatabase("Demo data", (kind) => {
  const t = useTestApp(kind);

  it("loads through the services with past and coming meetings, closed material and working logins", async () => {
    const result = await loadDemo(t().database.db, demoData, new Date("2026-11-23T08:00:00Z"));
    // 12 meetings in the old structure, 2 planned in the new one after the reform of 1 January 2027.
    expect(result.meetings).toBe(14);
    const data = await exportAll(t().database.db);
    expect(data.tables.persons?.length).toBeGreaterThanOrEqual(30);
    expect(data.tables.bodies?.length).toBeGreaterThanOrEqual(12);
    const items = data.tables.agendaItems ?? [];
    expect(items.length).toBeGreaterThanOrEqual(14 * 8);
    expect(items.filter((i) => i.access === "closed").length).toBeGreaterThanOrEqual(6);
    expect((data.tables.attachments ?? []).filter((a) => a.access === "closed").length).toBeGreaterThan(0);
    const statuses = new Set((data.tables.meetings ?? []).map((m) => m.status));
    expect(statuses).toEqual(
      new Set(["minutes_published", "minutes_approved", "minutes_draft", "agenda_published", "planned"]),
    );

    for (const login of result.logins) {
      const res = await t().request({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: login.email, password: login.password },
      });
      expect(res.statusCode, login.email).toBe(200);
    }
    // Governance between meetings (issue 21): chair decisions, one finished and one running written procedure.
    const matters = (data.tables.matters ?? []) as { procedure: string; status: string }[];
    const written = matters.filter((m) => m.procedure === "written_procedure");
    expect(written.some((m) => m.status === "approved")).toBe(true);
    expect(written.some((m) => m.status === "open")).toBe(true);
    expect(matters.filter((m) => m.procedure === "chair_decision").length).toBeGreaterThanOrEqual(2);
    const closedItem = items.find((i) => i.access === "closed");
    const pub = (await t().request({ method: "GET", url: `/api/v1/items/${closedItem?.id}` })).json();
    expect(pub.title).toBe("Lukket punkt");
  });
});
