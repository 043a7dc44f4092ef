import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { snapshot } from "../helpers/snapshot.ts";

describeEachDatabase("API: bad input is refused and changes nothing", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  const cases: Array<{
    name: string;
    status: number;
    code: string;
    field?: string;
    request: () => {
      method: "POST" | "PATCH" | "DELETE" | "PUT";
      url: string;
      payload?: unknown;
      token?: string;
    };
  }> = [
    {
      name: "wrong type",
      status: 400,
      code: "validation_failed",
      field: "body.bodyId",
      request: () => ({
        method: "POST",
        url: "/api/v1/meetings",
        payload: { bodyId: "SSU", start: "2026-01-08T10:00" },
      }),
    },
    {
      name: "unknown field",
      status: 400,
      code: "validation_failed",
      field: "body.colour",
      request: () => ({
        method: "POST",
        url: "/api/v1/meetings",
        payload: { bodyId: w.ssu.id, start: "2026-01-08T10:00", colour: "rød" },
      }),
    },
    {
      name: "too long string",
      status: 400,
      code: "validation_failed",
      field: "body.location",
      request: () => ({
        method: "POST",
        url: "/api/v1/meetings",
        payload: { bodyId: w.ssu.id, start: "2026-01-08T10:00", location: "x".repeat(301) },
      }),
    },
    {
      name: "impossible date",
      status: 400,
      code: "validation_failed",
      field: "body.start",
      request: () => ({
        method: "POST",
        url: "/api/v1/meetings",
        payload: { bodyId: w.ssu.id, start: "2026-02-30T10:00" },
      }),
    },
    {
      name: "end before start",
      status: 400,
      code: "validation_failed",
      field: "end",
      request: () => ({
        method: "POST",
        url: "/api/v1/meetings",
        payload: { bodyId: w.ssu.id, start: "2026-01-08T10:00", end: "2026-01-08T09:00" },
      }),
    },
    {
      name: "impossible mandate date",
      status: 400,
      code: "validation_failed",
      field: "body.mandateFrom",
      request: () => ({
        method: "POST",
        url: "/api/v1/bodies",
        payload: { name: "X", kind: "other", mandateFrom: "2025-13-01" },
      }),
    },
    {
      name: "invalid transition",
      status: 409,
      code: "invalid_transition",
      request: () => ({
        method: "POST",
        url: `/api/v1/meetings/${w.meeting.id}/transition`,
        payload: { to: "planned", version: w.meeting.version },
      }),
    },
    {
      name: "stale version",
      status: 409,
      code: "version_conflict",
      request: () => ({
        method: "PATCH",
        url: `/api/v1/bodies/${w.ssu.id}`,
        payload: { version: w.ssu.version + 5, name: "Nyt navn" },
      }),
    },
    {
      name: "deleting a body that has meetings",
      status: 409,
      code: "has_dependents",
      request: () => ({ method: "DELETE", url: `/api/v1/bodies/${w.ssu.id}` }),
    },
    {
      name: "deleting a person who is a member",
      status: 409,
      code: "has_dependents",
      request: () => ({ method: "DELETE", url: `/api/v1/persons/${w.people.member.id}` }),
    },
    {
      name: "a body reporting to itself",
      status: 400,
      code: "validation_failed",
      field: "reportsToId",
      request: () => ({
        method: "PATCH",
        url: `/api/v1/bodies/${w.ssu.id}`,
        payload: { version: w.ssu.version, reportsToId: w.ssu.id },
      }),
    },
    {
      name: "a membership with an unknown person",
      status: 409,
      code: "has_dependents",
      request: () => ({
        method: "POST",
        url: "/api/v1/memberships",
        payload: { personId: 999999, bodyId: w.ssu.id },
      }),
    },
    {
      name: "a body too large",
      status: 413,
      code: "payload_too_large",
      request: () => ({
        method: "POST",
        url: "/api/v1/persons",
        payload: { name: "x".repeat(2 * 1024 * 1024) },
      }),
    },
    {
      name: "malformed JSON",
      status: 400,
      code: "bad_request",
      request: () => ({ method: "POST", url: "/api/v1/persons", payload: "{ikke json" }),
    },
    {
      name: "a bad cursor",
      status: 400,
      code: "validation_failed",
      request: () => ({ method: "PATCH", url: "/api/v1/parties/abc", payload: { version: 1 } }),
    },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}, database unchanged`, async () => {
      const before = await snapshot(t().database);
      const req = c.request();
      const res = await t().request({
        ...req,
        token: w.users.admin.token,
        headers: typeof req.payload === "string" ? { "content-type": "application/json" } : {},
      } as never);
      expect(res.statusCode).toBe(c.status);
      const body = res.json();
      expect(body.error.code).toBe(c.code);
      expect(typeof body.error.message).toBe("string");
      expect(body.error.message.length).toBeGreaterThan(5);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|stack/i);
      if (c.field) {
        expect(body.error.fields.map((f: { path: string }) => f.path)).toContain(c.field);
      }
      expect(await snapshot(t().database)).toBe(before);
    });
  }

  it("answers 401 for writes without a login and 403 for a user without the role", async () => {
    const before = await snapshot(t().database);
    const anonymous = await t().request({ method: "POST", url: "/api/v1/persons", payload: { name: "X" } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe("unauthenticated");
    const outsider = await t().request({
      method: "POST",
      url: `/api/v1/meetings/${w.meeting.id}/items`,
      token: w.users.outsider.token,
      payload: { title: "X" },
    });
    expect(outsider.statusCode).toBe(403);
    const member = await t().request({
      method: "PATCH",
      url: `/api/v1/bodies/${w.ssu.id}`,
      token: w.users.member.token,
      payload: { version: w.ssu.version, name: "Y" },
    });
    expect(member.statusCode).toBe(403);
    expect(await snapshot(t().database)).toBe(before);
  });

  it("rolls back a write that fails halfway", async () => {
    const before = await snapshot(t().database);
    // The first absence is written, then the duplicate violates the unique index: nothing may remain.
    const res = await t().request({
      method: "POST",
      url: `/api/v1/items/${w.items.closed.id}/absences`,
      token: w.users.admin.token,
      payload: { personId: w.people.member.id },
    });
    expect(res.statusCode).toBe(409);
    expect(await snapshot(t().database)).toBe(before);
  });

  it("messages are Danish", async () => {
    const res = await t().request({
      method: "POST",
      url: "/api/v1/persons",
      token: w.users.admin.token,
      payload: { name: "" },
    });
    expect(res.json().error.message).toMatch(/ikke gyldige/);
    expect(res.json().error.fields[0].message).toMatch(/Skal udfyldes/);
  });
});
