import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { documentJobs, publishedDocuments } from "../src/modules/documents/index.ts";
import { meetings } from "../src/modules/meetings/index.ts";
import { type DemoApp, startDemoApp } from "./helpers/demo-app.ts";

/**
 * The demo loader publishes through the domain acts, so a fresh installation shows frozen, checksummed
 * editions for every published demo meeting (the template made by `npm ci` holds them already).
 */
let demo: DemoApp;
// Without the install's template (made by `npm ci`) the demo is loaded and its documents made here.
beforeAll(async () => {
  demo = await startDemoApp();
}, 300_000);
afterAll(async () => demo?.close());

it("every published demo meeting has frozen agenda (and minutes) editions, and no work is left pending", async () => {
  const db = demo.database.db;
  const all = await db.select().from(meetings);
  const docs = await db.select().from(publishedDocuments);
  const published = all.filter((m) => m.status !== "planned" && !m.cancelled);
  expect(published.length).toBeGreaterThan(5);
  for (const m of published) {
    const mine = docs.filter((d) => d.meetingId === m.id);
    expect(mine.filter((d) => d.kind === "agenda").length, `meeting ${m.id}`).toBe(4);
    if (m.status === "minutes_published") {
      expect(mine.filter((d) => d.kind === "minutes").length, `meeting ${m.id}`).toBe(4);
    }
  }
  expect(await db.select().from(documentJobs).where(eq(documentJobs.state, "pending"))).toEqual([]);
});

it("the public minutes of a published demo meeting download the same bytes twice, with an ETag", async () => {
  const [m] = await demo.database.db.select().from(meetings).where(eq(meetings.status, "minutes_published"));
  const a = await demo.app.inject({ method: "GET", url: `/moeder/${m?.id}/referat.pdf` });
  const b = await demo.app.inject({ method: "GET", url: `/moeder/${m?.id}/referat.pdf` });
  expect(a.statusCode).toBe(200);
  expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
  expect(a.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
  const listed = await demo.app.inject({ method: "GET", url: `/api/v1/meetings/${m?.id}/documents` });
  expect(listed.json().length).toBeGreaterThan(0);
});
