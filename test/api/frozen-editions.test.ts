import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { documentJobs, publishedDocuments } from "../../src/modules/documents/index.ts";
import { importDocument } from "../../src/modules/import/index.ts";
import { meetings } from "../../src/modules/meetings/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

const SEED = path.resolve(import.meta.dirname, "../../../shared/seeds/000_dc2322b35e6e7c4e.txt");

/**
 * Every way of publishing ends with frozen, checksummed editions (issue: domain acts own their effects):
 * the API, the workspace pages, the importer — and a stop between the commit and the documents loses
 * nothing. The demo loader's path is tested in test/demo-documents.test.ts.
 */
describeEachDatabase("Frozen editions on every path", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
    t().request({ method: "GET", url, token, headers });
  const post = (url: string, payload: object, token: string) =>
    t().request({ method: "POST", url, token, payload });
  const editions = async (meetingId: number) =>
    (
      await t()
        .database.db.select()
        .from(publishedDocuments)
        .where(eq(publishedDocuments.meetingId, meetingId))
    )
      .map((d) => `${d.kind}/${d.edition}/${d.format}/${d.number}`)
      .sort();

  async function newMeeting(start: string) {
    const s = w.users.secretary.token;
    const m = (await post("/api/v1/meetings", { bodyId: w.ssu.id, start, location: "Rådhuset" }, s)).json();
    await post(`/api/v1/meetings/${m.id}/items`, { title: "Status på samarbejdet" }, s);
    return m as { id: number; version: number };
  }

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("API: publishing answers before the documents exist; they follow, byte-identical on every download", async () => {
    const m = await newMeeting("2025-06-05T10:00");
    const res = await t().app.inject({
      method: "POST",
      url: `/api/v1/meetings/${m.id}/transition`,
      headers: { authorization: `Bearer ${w.users.secretary.token}` },
      payload: { to: "agenda_published", version: m.version },
    });
    expect(res.statusCode).toBe(200);
    // The publication committed with its work order, not with the files.
    const jobs = await t().database.db.select().from(documentJobs).where(eq(documentJobs.meetingId, m.id));
    expect(jobs.map((j) => [j.kind, j.state])).toEqual([["agenda", "pending"]]);
    expect(await editions(m.id)).toEqual([]);
    await t().app.background.drain();
    expect(await editions(m.id)).toEqual([
      "agenda/full/docx/1",
      "agenda/full/pdf/1",
      "agenda/public/docx/1",
      "agenda/public/pdf/1",
    ]);
    const a = await get(`/moeder/${m.id}/dagsorden.pdf`);
    const b = await get(`/moeder/${m.id}/dagsorden.pdf`);
    expect(a.statusCode).toBe(200);
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
    expect(a.headers.etag).toBeTruthy();
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(String(a.headers["cache-control"])).toContain("public");
    const again = await get(`/moeder/${m.id}/dagsorden.pdf`, undefined, {
      "if-none-match": String(a.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const listed = (await get(`/api/v1/meetings/${m.id}/documents`)).json() as Array<{ url: string }>;
    expect(listed).toHaveLength(2);
    const version = await get(listed[0]?.url ?? "");
    expect(String(version.headers["cache-control"])).toContain("immutable");
  });

  it("workspace page: the status form publishes through the same act, with the same documents", async () => {
    const m = await newMeeting("2025-06-12T10:00");
    const res = await t().request({
      method: "POST",
      url: `/arbejdsrum/moeder/${m.id}/status`,
      token: w.users.secretary.token,
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        to: "agenda_published",
        version: String(m.version),
        confirm: "ja",
      }).toString(),
    });
    expect(res.statusCode, res.body).toBe(303);
    expect(await editions(m.id)).toHaveLength(4);
  });

  it("importer: imported historic minutes are published with frozen agenda and minutes editions", async () => {
    const bytes = new Uint8Array(await readFile(SEED));
    const outcome = await importDocument(t().database.db, SYSTEM_ACTOR, {
      bytes,
      fileName: "referat.txt",
      body: String(w.ssu.id),
    });
    await t().app.background.drain();
    const [meeting] = await t().database.db.select().from(meetings).where(eq(meetings.id, outcome.meetingId));
    expect(meeting?.status).toBe("minutes_published");
    // Recorded as approved outside Tværs: a date, no approver's name.
    expect(meeting?.minutesApprovedAt).toBeInstanceOf(Date);
    expect(meeting?.minutesApprovedBy).toBeNull();
    const made = await editions(outcome.meetingId);
    expect(made.filter((e) => e.startsWith("minutes/"))).toHaveLength(4);
    expect(made.filter((e) => e.startsWith("agenda/"))).toHaveLength(4);
  });

  it("a correction freezes new editions and keeps the old ones listed", async () => {
    const s = w.users.secretary.token;
    const m = await newMeeting("2025-06-19T10:00");
    let version = m.version;
    for (const [to, token] of [
      ["agenda_published", s],
      ["held", s],
      ["minutes_draft", s],
      ["minutes_approved", w.users.chair.token],
      ["minutes_published", s],
    ] as const) {
      const r = await post(`/api/v1/meetings/${m.id}/transition`, { to, version }, token);
      expect(r.statusCode, `${to}: ${r.body}`).toBe(200);
      version = r.json().version;
    }
    const [item] = (await get(`/api/v1/meetings/${m.id}/items`, s)).json().items;
    const fixed = await post(
      `/api/v1/items/${item.id}/corrections`,
      {
        version: item.version,
        reason: "Forkert gengivet",
        changes: { decisionText: "Taget til efterretning." },
      },
      s,
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    const minutes = (await editions(m.id)).filter((e) => e.startsWith("minutes/public/pdf"));
    expect(minutes).toEqual(["minutes/public/pdf/1", "minutes/public/pdf/2"]);
  });

  it("a stop between the commit and the documents: the next start makes them", async () => {
    const m = await newMeeting("2025-06-26T10:00");
    // Published in one app, which stops before its worker ran (tests never start it by themselves) …
    const res = await t().app.inject({
      method: "POST",
      url: `/api/v1/meetings/${m.id}/transition`,
      headers: { authorization: `Bearer ${w.users.secretary.token}` },
      payload: { to: "agenda_published", version: m.version },
    });
    expect(res.statusCode).toBe(200);
    expect(await editions(m.id)).toEqual([]);
    // … and a new server on the same database resumes the pending work when it starts listening.
    const restarted = await buildApp({ config: testConfig(), database: t().database });
    await restarted.listen({ port: 0, host: "127.0.0.1" });
    try {
      for (let i = 0; i < 200 && (await editions(m.id)).length < 4; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await editions(m.id)).toHaveLength(4);
    } finally {
      await restarted.close();
    }
    const [job] = await t().database.db.select().from(documentJobs).where(eq(documentJobs.meetingId, m.id));
    expect(job?.state).toBe("done");
  });
});
