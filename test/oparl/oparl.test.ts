import { expect, it } from "vitest";
import { demoData } from "../../src/modules/demo/demo.data.ts";
import { loadDemo } from "../../src/modules/demo/demo.service.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld } from "../helpers/factories.ts";
import { walkOparl } from "./walk.ts";

const ORIGIN = "http://localhost:80";

describeEachDatabase("OParl 1.1", (kind) => {
  const t = useTestApp(kind);
  const get = async (url: string) => {
    const res = await t().request({ method: "GET", url: url.replace(ORIGIN, "") });
    return {
      status: res.statusCode,
      body: res.body,
      headers: res.headers as Record<string, string | undefined>,
    };
  };

  it("walks the demo installation from System and validates every object against the standard's schemas", {
    timeout: 120_000,
  }, async () => {
    await loadDemo(t().database.db, demoData, new Date("2026-11-23T08:00:00Z"));
    // Two cases that travelled through two published meetings, so Paper and Consultation are walked too.
    const { createCase, addConsultation } = await import("../../src/modules/cases/index.ts");
    const { agendaItems, meetings } = await import("../../src/modules/meetings/index.ts");
    const { eq } = await import("drizzle-orm");
    const items = await t()
      .database.db.select({ id: agendaItems.id, access: agendaItems.access, bodyId: meetings.bodyId })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(eq(meetings.status, "minutes_published"));
    const open = items.filter((i) => i.access === "open");
    for (const [a, b] of [
      [open[3], open[40]],
      [open[5], open[50]],
    ]) {
      const c = await createCase(t().system, {
        title: "Sammenhængende forløb",
        decidingBodyId: b?.bodyId,
        numbers: [{ number: "EMN-2026-01234" }],
      });
      await addConsultation(t().system, { caseId: c.id, itemId: a?.id as number, role: "recommendation" });
      await addConsultation(t().system, { caseId: c.id, itemId: b?.id as number, role: "decision" });
    }
    const result = await walkOparl(get, `${ORIGIN}/oparl/v1.1`);
    expect(result.errors).toEqual([]);
    expect(result.badDates).toEqual([]);
    expect(result.noCors).toEqual([]);
    const total = [...result.validated.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(
      `OParl: ${total} validations of ${result.distinct.size} distinct objects ${JSON.stringify(Object.fromEntries(result.validated))}\n`,
    );
    for (const type of [
      "System",
      "Body",
      "Organization",
      "Person",
      "Membership",
      "Meeting",
      "AgendaItem",
      "File",
      "Location",
      "LegislativeTerm",
    ]) {
      expect(result.validated.get(type) ?? 0, type).toBeGreaterThan(0);
    }
  });
});

describeEachDatabase("OParl 1.1: public data only", (kind) => {
  const t = useTestApp(kind);
  const get = async (url: string) => {
    const res = await t().request({ method: "GET", url: url.replace(ORIGIN, "") });
    return {
      status: res.statusCode,
      body: res.body,
      headers: res.headers as Record<string, string | undefined>,
    };
  };

  it("keeps closed items and closed attachments out", async () => {
    const w = await seedWorld(t().system);
    const result = await walkOparl(get, `${ORIGIN}/oparl/v1.1`);
    expect(result.errors).toEqual([]);
    for (const body of result.bodies) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain("EMN-2025-99999");
    }
    // An open case with a stop at the closed item: the case is public, the link to the closed item is not.
    const { createCase, addConsultation } = await import("../../src/modules/cases/index.ts");
    const c = await createCase(t().system, { title: "Åben sag", decidingBodyId: w.ssu.id });
    await addConsultation(t().system, { caseId: c.id, itemId: w.items.open.id, role: "discussion" });
    const stop = await addConsultation(t().system, {
      caseId: c.id,
      itemId: w.items.closed.id,
      role: "decision",
    });
    const paper = JSON.parse((await get(`${ORIGIN}/oparl/v1.1/paper/${c.id}`)).body);
    expect(paper.consultation).toHaveLength(2);
    const hidden = JSON.parse((await get(`${ORIGIN}/oparl/v1.1/consultation/${stop.id}`)).body);
    expect(hidden.agendaItem).toBeUndefined();
    expect(JSON.stringify(paper)).not.toContain(`agendaitem/${w.items.closed.id}`);
    const secretCase = await createCase(
      t().system,
      { title: `Sag ${SECRET}`, decidingBodyId: w.ssu.id },
      "closed",
    );
    expect((await get(`${ORIGIN}/oparl/v1.1/paper/${secretCase.id}`)).status).toBe(404);
    const walked = await walkOparl(get, `${ORIGIN}/oparl/v1.1`);
    expect(walked.errors).toEqual([]);
    for (const body of walked.bodies) {
      expect(body).not.toContain(SECRET);
    }

    const closed = JSON.parse((await get(`${ORIGIN}/oparl/v1.1/agendaitem/${w.items.closed.id}`)).body);
    expect(closed).toMatchObject({ public: false, number: "2" });
    expect(closed.name).toBeUndefined();
    expect((await get(`${ORIGIN}/oparl/v1.1/file/${w.attachments.closedOnOpen.id}`)).status).toBe(404);
    expect((await get(`${ORIGIN}/oparl/v1.1/file/${w.attachments.open.id}`)).status).toBe(200);
  });

  it("filters by modified_since, keeps filters in links, and reports deleted objects", async () => {
    const since = new Date().toISOString();
    const person = await t().request({
      method: "POST",
      url: "/api/v1/persons",
      token: undefined,
      headers: {},
      payload: { name: "Ny Person" },
    });
    expect(person.statusCode).toBe(401);
    const { createPerson } = await import("../../src/modules/people/index.ts");
    const { createMembership } = await import("../../src/modules/people/index.ts");
    const { bodies } = await import("../../src/modules/bodies/index.ts");
    const [body] = await t().database.db.select().from(bodies).limit(1);
    const created = await createPerson(t().system, { name: "Karen Ny" });
    const m = await createMembership(t().system, { personId: created.id, bodyId: body?.id as number });
    const { membershipService } = await import("../../src/modules/people/people.service.ts");
    await membershipService.remove(t().system, m.id, undefined);
    const slug = JSON.parse((await get(`${ORIGIN}/oparl/v1.1/body`)).body)
      .data[0].id.split("/")
      .at(-1);
    const list = JSON.parse(
      (
        await get(
          `${ORIGIN}/oparl/v1.1/body/${slug}/membership?modified_since=${encodeURIComponent(since)}&limit=2`,
        )
      ).body,
    );
    expect(list.data).toContainEqual(
      expect.objectContaining({ id: expect.stringContaining(`/membership/${m.id}`), deleted: true }),
    );
    expect(list.links.first).toContain("modified_since=");
    const single = JSON.parse((await get(`${ORIGIN}/oparl/v1.1/membership/${m.id}`)).body);
    expect(single.deleted).toBe(true);
    const bad = await get(`${ORIGIN}/oparl/v1.1/body/${slug}/meeting?modified_since=igår`);
    expect(bad.status).toBe(400);
  });
});
