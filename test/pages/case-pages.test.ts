import { expect, it } from "vitest";
import { addConsultation, createCase } from "../../src/modules/cases/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

describeEachDatabase("Case pages", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let openCase: number;
  let closedCase: number;

  it("arranges a world with an open case that passed a closed item, and a closed case", async () => {
    w = await seedWorld(t().system);
    const c = await createCase(t().system, {
      title: "Sammenhængende forløb",
      decidingBodyId: w.ssu.id,
      numbers: [{ number: "EMN-2025-00001" }],
    });
    await addConsultation(t().system, { caseId: c.id, itemId: w.items.open.id, role: "discussion" });
    await addConsultation(t().system, { caseId: c.id, itemId: w.items.closed.id, role: "decision" });
    openCase = c.id;
    closedCase = (
      await createCase(t().system, { title: `Fortrolig ${SECRET}`, decidingBodyId: w.ssu.id }, "closed")
    ).id;
  });

  it("shows the list and the timeline in Danish, and links to the meeting at the item", async () => {
    const list = await t().request({ method: "GET", url: "/sager?q=forløb" });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/sager/${openCase}"`);
    const page = await t().request({ method: "GET", url: `/sager/${openCase}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Sagens forløb");
    expect(page.body).toContain(`/moeder/${w.meeting.id}#punkt-1`);
    expect(page.body).toContain("Lukket punkt");
  });

  for (const who of ["public", "outsider"] as const) {
    it(`${who}: no closed title, no closed case`, async () => {
      const headers = who === "outsider" ? { authorization: `Bearer ${w.users.outsider.token}` } : {};
      for (const url of ["/sager", `/sager/${openCase}`, `/sager?sagsnummer=EMN-2025-99999`]) {
        const res = await t().request({ method: "GET", url, headers });
        expect(res.body, url).not.toContain(SECRET);
      }
      const closed = await t().request({ method: "GET", url: `/sager/${closedCase}`, headers });
      expect(closed.statusCode).toBe(404);
      expect(closed.body).not.toContain(SECRET);
    });
  }

  it("member: sees the closed case", async () => {
    const res = await t().request({
      method: "GET",
      url: `/sager/${closedCase}`,
      headers: { authorization: `Bearer ${w.users.member.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(SECRET);
  });
});
