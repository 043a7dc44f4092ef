import { describe, expect, it } from "vitest";
import { type Actor, canApproveMinutes, canChangeMembership } from "../../src/modules/auth/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

const actor = (userId: number, roles: Record<number, string[]>, isAdmin = false): Actor =>
  ({
    userId,
    name: `u${userId}`,
    isAdmin,
    system: false,
    roles: new Map(Object.entries(roles).map(([b, r]) => [Number(b), new Set(r)])),
  }) as Actor;

describe("canApproveMinutes (issue 18.3)", () => {
  const body = { id: 1, drafterMayApprove: false };
  it.each([
    ["a chair who did not draft", actor(2, { 1: ["chair"] }), body, 7, true],
    ["the chair who drafted", actor(7, { 1: ["chair", "secretary"] }), body, 7, false],
    [
      "the drafter, where the body allows it",
      actor(7, { 1: ["chair"] }),
      { id: 1, drafterMayApprove: true },
      7,
      true,
    ],
    ["a vice-chair", actor(3, { 1: ["vice_chair"] }), body, 7, true],
    ["a secretary", actor(3, { 1: ["secretary"] }), body, 7, false],
    ["the chair of another body", actor(3, { 2: ["chair"] }), body, 7, false],
    ["an admin who drafted", actor(7, {}, true), body, 7, false],
    ["minutes with no drafter recorded", actor(2, { 1: ["chair"] }), body, null, true],
  ] as const)("%s → %s", (_, who, b, drafter, expected) => {
    expect(canApproveMinutes(who, b, { minutesDraftedBy: drafter })).toBe(expected);
  });

  it("nobody changes a membership of their own, not even an admin", () => {
    expect(canChangeMembership(actor(1, {}, true), { bodyId: 1, roles: ["member"], own: true })).toBe(false);
    expect(canChangeMembership(actor(1, { 1: ["chair"] }), { bodyId: 1, roles: ["chair"], own: true })).toBe(
      false,
    );
    expect(
      canChangeMembership(actor(1, { 1: ["secretary"] }), { bodyId: 1, roles: ["chair"], own: false }),
    ).toBe(false);
    expect(
      canChangeMembership(actor(1, { 1: ["chair"] }), { bodyId: 1, roles: ["secretary"], own: false }),
    ).toBe(true);
  });
});

describeEachDatabase("API: who grants roles (issue 18.3)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const grant = (who: keyof World["users"], personId: number, role: string) =>
    t().request({
      method: "POST",
      url: "/api/v1/memberships",
      token: w.users[who].token,
      payload: { personId, bodyId: w.ssu.id, role },
    });

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  }, 120_000);

  it("refuses a secretary who makes themselves chair (the audit's request), and any self-grant", async () => {
    const self = await grant("secretary", w.people.secretary.id, "chair");
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toMatch(/ingen kan give sig selv en rolle/);
    expect((await grant("secretary", w.people.secretary.id, "member")).statusCode).toBe(403);
    expect((await grant("chair", w.people.chair.id, "vice_chair")).statusCode).toBe(403);
    const roles = await t().request({
      method: "GET",
      url: `/api/v1/memberships?personId=${w.people.secretary.id}&bodyId=${w.ssu.id}`,
      token: w.users.admin.token,
    });
    expect(roles.json().items.map((m: { role: string }) => m.role)).toEqual(["secretary"]);
  });

  it("leading roles need the chair or an admin; ordinary roles the secretariat", async () => {
    expect((await grant("secretary", w.people.member.id, "chair")).statusCode).toBe(403);
    expect((await grant("secretary", w.people.member.id, "secretary")).statusCode).toBe(403);
    expect((await grant("secretary", w.people.outsider.id, "observer")).statusCode).toBe(201);
    expect((await grant("chair", w.people.member.id, "vice_chair")).statusCode).toBe(201);
    expect((await grant("admin", w.people.outsider.id, "secretary")).statusCode).toBe(201);
  });

  it("refuses a secretary who turns a member into chair, and who removes the chair", async () => {
    const list = await t().request({
      method: "GET",
      url: `/api/v1/memberships?bodyId=${w.ssu.id}`,
      token: w.users.admin.token,
    });
    const rows = list.json().items as { id: number; personId: number; role: string; version: number }[];
    const member = rows.find((m) => m.personId === w.people.member.id && m.role === "member");
    const chair = rows.find((m) => m.role === "chair");
    if (!member || !chair) {
      throw new Error("world without member or chair");
    }
    const patch = await t().request({
      method: "PATCH",
      url: `/api/v1/memberships/${member.id}`,
      token: w.users.secretary.token,
      payload: { role: "chair", version: member.version },
    });
    expect(patch.statusCode).toBe(403);
    const remove = await t().request({
      method: "DELETE",
      url: `/api/v1/memberships/${chair.id}?version=${chair.version}`,
      token: w.users.secretary.token,
    });
    expect(remove.statusCode).toBe(403);
  });

  it("only an admin (or a chair who is the secretary) changes whether the drafter may approve", async () => {
    const body = (await t().request({ method: "GET", url: `/api/v1/bodies/${w.ssu.id}` })).json();
    expect(body.drafterMayApprove).toBe(false);
    const patch = (who: keyof World["users"]) =>
      t().request({
        method: "PATCH",
        url: `/api/v1/bodies/${w.ssu.id}`,
        token: w.users[who].token,
        payload: { drafterMayApprove: true, version: body.version },
      });
    expect((await patch("secretary")).statusCode).toBe(403);
    expect((await patch("admin")).statusCode).toBe(200);
  });

  it("refuses a chair who approves the minutes they drafted (the audit's second step), unless the body allows it", async () => {
    // The admin makes the secretary also chair (granted by another, as it must be).
    expect((await grant("admin", w.people.secretary.id, "chair")).statusCode).toBe(201);
    const setting = async (drafterMayApprove: boolean) => {
      const body = (await t().request({ method: "GET", url: `/api/v1/bodies/${w.ssu.id}` })).json();
      const res = await t().request({
        method: "PATCH",
        url: `/api/v1/bodies/${w.ssu.id}`,
        token: w.users.admin.token,
        payload: { drafterMayApprove, version: body.version },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const call = async (url: string, payload: object, token = w.users.secretary.token) =>
      t().request({ method: "POST", url, token, payload });
    const drafted = async (start: string) => {
      const m = (await call("/api/v1/meetings", { bodyId: w.ssu.id, start })).json();
      await call(`/api/v1/meetings/${m.id}/items`, { title: "Godkendelse af dagsorden" });
      let v = m.version as number;
      for (const to of ["agenda_published", "held", "minutes_draft"]) {
        const r = await call(`/api/v1/meetings/${m.id}/transition`, { to, version: v });
        expect(r.statusCode, r.body).toBe(200);
        v = r.json().version;
      }
      return { id: m.id as number, version: v };
    };
    await setting(false);
    const m = await drafted("2025-10-02T10:00");
    const approve = (token?: string) =>
      call(`/api/v1/meetings/${m.id}/transition`, { to: "minutes_approved", version: m.version }, token);
    expect((await approve()).statusCode).toBe(403);
    const byChair = await approve(w.users.chair.token);
    expect(byChair.statusCode, byChair.body).toBe(200);

    await setting(true);
    const small = await drafted("2025-10-09T10:00");
    const own = await call(`/api/v1/meetings/${small.id}/transition`, {
      to: "minutes_approved",
      version: small.version,
    });
    expect(own.statusCode, own.body).toBe(200);
  });

  it("shows role changes on the workspace's body page, from the audit log", async () => {
    const page = await t().request({
      method: "GET",
      url: `/arbejdsrum/organer/${w.ssu.id}`,
      token: w.users.chair.token,
      headers: { accept: "text/html" },
    });
    expect(page.statusCode).toBe(200);
    const section = page.body.slice(page.body.indexOf('id="roles-h"'));
    expect(section).toContain("Rolleændringer");
    expect(section).toMatch(/Mette Medlem<\/td><td>–<\/td><td>Næstformand/);
    expect(section).toMatch(/Ole Udenfor<\/td><td>–<\/td><td>Sekretariat/);
  });
});
