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
    return { status: res.statusCode, body: res.body };
  };

  it("walks the demo installation from System and validates every object against the standard's schemas", async () => {
    await loadDemo(t().database.db, demoData, new Date("2026-11-23T08:00:00Z"));
    const result = await walkOparl(get, `${ORIGIN}/oparl/v1.1`);
    expect(result.errors).toEqual([]);
    const total = [...result.validated.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(
      `OParl: ${total} objects validated ${JSON.stringify(Object.fromEntries(result.validated))}\n`,
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
    return { status: res.statusCode, body: res.body };
  };

  it("keeps closed items and closed attachments out", async () => {
    const w = await seedWorld(t().system);
    const result = await walkOparl(get, `${ORIGIN}/oparl/v1.1`);
    expect(result.errors).toEqual([]);
    for (const body of result.bodies) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain("EMN-2025-99999");
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
