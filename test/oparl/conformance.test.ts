/**
 * OParl 1.1 to the letter (issue 19): CORS [2-06], date-times [2-04], deleted objects and parents'
 * modified [2-08], filters on every list [2-05], files [2-07], and the SHOULDs (omit_internal, capped
 * limit, unknown parameters, Error objects, meeting documents, license, contactEmail, vendor).
 */
import { beforeAll, expect, it } from "vitest";
import { createMeeting } from "../../src/modules/meetings/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const BASE = "http://localhost:80/oparl/v1.1";
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;

describeEachDatabase("OParl 1.1 conformance", (kind) => {
  const t = useTestApp(kind, {
    contactEmail: "data@tvaers.example",
    dataLicense: "https://example.org/licens",
  });
  let w: World;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t().request({ method: "GET", url: url.replace("http://localhost:80", ""), headers });
  const json = async (url: string) => (await get(url)).json() as Record<string, unknown>;
  let slug = "";

  beforeAll(async () => {
    w = await seedWorld(t().system);
    await t().app.background.drain();
    const bodies = (await json(`${BASE}/body`)).data as Array<{ id: string; name: string }>;
    slug = String(
      bodies
        .find((b) => b.name === "Fælles fora")
        ?.id.split("/")
        .at(-1),
    );
  });

  it("answers every OParl request and preflight with Access-Control-Allow-Origin: *", async () => {
    for (const url of [BASE, `${BASE}/body`, `${BASE}/meeting/${w.meeting.id}`, `${BASE}/meeting/99999`]) {
      expect((await get(url)).headers["access-control-allow-origin"], url).toBe("*");
    }
    const preflight = await t().request({
      method: "OPTIONS",
      url: `/oparl/v1.1/body/${slug}/meeting`,
      headers: { origin: "https://andet.example", "access-control-request-method": "GET" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers["access-control-allow-methods"]).toContain("GET");
  });

  it("writes date-times as yyyy-mm-ddThh:mm:ss with the Danish offset, summer and winter", async () => {
    const winter = await json(`${BASE}/meeting/${w.meeting.id}`);
    expect(winter.start).toBe("2025-03-06T10:00:00+01:00");
    const summer = await createMeeting(t().system, {
      bodyId: w.ssu.id,
      start: new Date("2025-07-01T07:30:00Z"),
    });
    expect((await json(`${BASE}/meeting/${summer.id}`)).start).toBe("2025-07-01T09:30:00+02:00");
    const item = (winter.agendaItem as Array<Record<string, unknown>>)[0] ?? {};
    for (const value of [winter.created, winter.modified, item.created, item.modified]) {
      expect(value).toMatch(DATE_TIME);
    }
  });

  it("keeps id, type and created on a deleted object, and raises its parents' modified", async () => {
    const { createMembership, createPerson } = await import("../../src/modules/people/index.ts");
    const person = await createPerson(t().system, { name: "Bente Borte" });
    const stays = await createMembership(t().system, {
      personId: person.id,
      bodyId: w.other.id,
      role: "member",
    });
    const goes = await createMembership(t().system, {
      personId: person.id,
      bodyId: w.ssu.id,
      role: "member",
    });
    const before = await json(`${BASE}/person/${person.id}`);
    const orgBefore = await json(`${BASE}/organization/${w.ssu.id}`);
    await new Promise((r) => setTimeout(r, 1100));
    const since = new Date(Date.now() - 200).toISOString();
    const del = await t().request({
      method: "DELETE",
      url: `/api/v1/memberships/${goes.id}?version=${goes.version}`,
      token: w.users.admin.token,
    });
    expect(del.statusCode).toBe(204);
    const tomb = await json(`${BASE}/membership/${goes.id}`);
    expect(tomb).toEqual({
      id: `${BASE}/membership/${goes.id}`,
      type: "https://schema.oparl.org/1.1/Membership",
      created: expect.stringMatching(DATE_TIME),
      modified: expect.stringMatching(DATE_TIME),
      deleted: true,
    });
    const after = await json(`${BASE}/person/${person.id}`);
    expect(String(after.modified) > String(before.modified)).toBe(true);
    expect((after.membership as unknown[]).length).toBe(1);
    const orgAfter = await json(`${BASE}/organization/${w.ssu.id}`);
    expect(String(orgAfter.modified) > String(orgBefore.modified)).toBe(true);
    const q = `modified_since=${encodeURIComponent(since)}`;
    const persons = (await json(`${BASE}/body/${slug}/person?${q}`)).data as Array<{ id: string }>;
    expect(persons.map((p) => p.id)).toContain(`${BASE}/person/${person.id}`);
    const orgs = (await json(`${BASE}/body/${slug}/organization?${q}`)).data as Array<{ id: string }>;
    expect(orgs.map((o) => o.id)).toContain(`${BASE}/organization/${w.ssu.id}`);
    const members = (await json(`${BASE}/body/${slug}/membership?${q}`)).data as Array<
      Record<string, unknown>
    >;
    expect(members).toContainEqual(
      expect.objectContaining({ id: tomb.id, deleted: true, created: tomb.created }),
    );
    expect(members.map((m) => m.id)).not.toContain(`${BASE}/membership/${stays.id}`);
  });

  it("raises a meeting's and an agenda item's modified when an embedded file goes", async () => {
    const { attachmentService, createItem, transitionMeeting } = await import(
      "../../src/modules/meetings/index.ts"
    );
    const meeting = await createMeeting(t().system, {
      bodyId: w.ssu.id,
      start: new Date("2026-02-02T09:00:00Z"),
    });
    const item = await createItem(t().system, { meetingId: meeting.id, title: "Punkt med bilag" });
    await transitionMeeting(t().system, meeting.id, { to: "agenda_published", version: meeting.version });
    const file = await attachmentService.create(t().system, { itemId: item.id, title: "Midlertidigt" });
    const meetingBefore = await json(`${BASE}/meeting/${meeting.id}`);
    const itemBefore = await json(`${BASE}/agendaitem/${item.id}`);
    expect(itemBefore.modified).toMatch(DATE_TIME);
    await new Promise((r) => setTimeout(r, 1100));
    await attachmentService.remove(t().system, file.id, file.version);
    const meetingAfter = await json(`${BASE}/meeting/${meeting.id}`);
    const itemAfter = await json(`${BASE}/agendaitem/${item.id}`);
    expect(String(meetingAfter.modified) > String(meetingBefore.modified)).toBe(true);
    expect(String(itemAfter.modified) > String(itemBefore.modified)).toBe(true);
  });

  it("filters the body, location and legislative term lists by created and modified", async () => {
    const future = encodeURIComponent("2999-01-01T00:00:00+01:00");
    const past = encodeURIComponent("2000-01-01T00:00:00+01:00");
    for (const list of [
      `${BASE}/body`,
      `${BASE}/body/${slug}/location`,
      `${BASE}/body/${slug}/legislativeterm`,
    ]) {
      const all = (await json(list)).data as unknown[];
      expect(all.length, list).toBeGreaterThan(0);
      expect((await json(`${list}?modified_since=${future}`)).data, list).toEqual([]);
      expect((await json(`${list}?created_until=${past}`)).data, list).toEqual([]);
      expect((await json(`${list}?modified_since=${past}`)).data, list).toHaveLength(all.length);
    }
  });

  it("shows a file inline at accessUrl, downloads it at downloadUrl, with ETag and Last-Modified", async () => {
    const file = await json(`${BASE}/file/${w.attachments.open.id}`);
    expect(file.accessUrl).not.toBe(file.downloadUrl);
    const access = await get(String(file.accessUrl));
    expect(access.statusCode).toBe(200);
    expect(access.headers["content-disposition"]).toMatch(/^inline/);
    expect(access.headers["content-type"]).toContain("text/plain");
    expect(access.body).toBe("Offentligt indhold");
    expect(access.headers["last-modified"]).toBeTruthy();
    const etag = String(access.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await get(String(file.accessUrl), { "if-none-match": etag })).statusCode).toBe(304);
    const download = await get(String(file.downloadUrl));
    expect(download.headers["content-disposition"]).toMatch(/^attachment/);
    expect(download.body).toBe("Offentligt indhold");
    // Closed is closed: a closed attachment's content is no OParl file, whichever way it is asked for.
    for (const how of ["access", "download"]) {
      const closed = await get(`${BASE}/file/${w.attachments.closedOnOpen.id}/${how}`);
      expect(closed.statusCode).toBe(404);
      expect(closed.body).not.toContain(SECRET);
    }
  });

  it("accepts omit_internal and unknown parameters, caps limit, and answers errors as OParl Error objects", async () => {
    for (const query of ["omit_internal=true", "ukendt=1", "limit=5000"]) {
      const res = await get(`${BASE}/body/${slug}/meeting?${query}`);
      expect(res.statusCode, query).toBe(200);
      expect(res.json().pagination.elementsPerPage).toBeLessThanOrEqual(1000);
    }
    const missing = await get(`${BASE}/meeting/99999`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      type: "https://schema.oparl.org/1.1/Error",
      message: expect.any(String),
    });
    const bad = await get(`${BASE}/body/${slug}/meeting?modified_since=igår`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().type).toBe("https://schema.oparl.org/1.1/Error");
  });

  it("gives meetings their published agenda and minutes as invitation and resultsProtocol", async () => {
    const meeting = await json(`${BASE}/meeting/${w.meeting.id}`);
    const invitation = meeting.invitation as Record<string, unknown>;
    const protocol = meeting.resultsProtocol as Record<string, unknown>;
    expect(invitation).toMatchObject({
      type: "https://schema.oparl.org/1.1/File",
      mimeType: "application/pdf",
    });
    expect(protocol).toMatchObject({
      type: "https://schema.oparl.org/1.1/File",
      mimeType: "application/pdf",
    });
    expect((meeting.auxiliaryFile as unknown[]).length).toBeGreaterThan(0);
    expect(await json(String(protocol.id))).toEqual(protocol);
    const pdf = await get(String(protocol.accessUrl));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toMatch(/^inline/);
    expect(Number(pdf.headers["content-length"] ?? pdf.rawPayload.length)).toBe(protocol.size);
  });

  it("states license, contactEmail, vendor and product", async () => {
    const system = await json(BASE);
    expect(system).toMatchObject({
      license: "https://example.org/licens",
      contactEmail: "data@tvaers.example",
      vendor: expect.stringMatching(/^https:\/\//),
      product: expect.stringMatching(/^https:\/\//),
    });
    const body = await json(`${BASE}/body/${slug}`);
    expect(body).toMatchObject({
      license: "https://example.org/licens",
      contactEmail: "data@tvaers.example",
    });
  });
});
