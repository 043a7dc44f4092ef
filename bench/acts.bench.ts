/**
 * What a secretary waits for: publishing the agenda and the minutes of a 20-item meeting, and uploading a
 * 1 MB attachment, measured on the server (in-process requests) on PGlite and — when `DATABASE_URL` is
 * set — PostgreSQL. The documents and the attachment's text are made after the answer; their time is
 * shown too (the background drain), so nothing is hidden. Targets: publish ≤ 300 ms p95, upload ≤ 500 ms p95.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { testConfig } from "../src/config.ts";
import { createDatabase, type Database } from "../src/db/client.ts";
import { createApiToken, createUser } from "../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR, SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { createBody } from "../src/modules/bodies/index.ts";
import { attachmentService, createItem, createMeeting } from "../src/modules/meetings/index.ts";
import { buildApp } from "../src/server/app.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TEXT =
  "Klyngen har drøftet **fælles forløb** for borgere med kronisk sygdom. Arbejdsgruppen anbefaler en fast kontaktperson.";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
const fmt = (v: number[]) => `p50 ${percentile(v, 50).toFixed(0)} ms, p95 ${percentile(v, 95).toFixed(0)} ms`;

async function meetingWith20Items(app: FastifyInstance, bodyId: number, day: number) {
  const ctx = { db: app.database.db, actor: SYSTEM_ACTOR };
  const m = await createMeeting(ctx, { bodyId, start: new Date(Date.UTC(2025, 0, 1 + day, 9)) });
  for (let i = 1; i <= 20; i++) {
    await createItem(ctx, {
      meetingId: m.id,
      title: `Punkt ${i}: Sammenhængende forløb`,
      access: i % 7 === 0 ? "closed" : "open",
      sections: { summary: TEXT, presentation: `${TEXT}\n\n${TEXT}` },
      recommendations: ["Administrationen indstiller, at orienteringen tages til efterretning."],
      decisionText: "Taget til efterretning.",
      outcome: "noted",
    });
  }
  return m;
}

async function timed(fn: () => Promise<{ statusCode: number; body: string }>): Promise<number> {
  const t0 = performance.now();
  const res = await fn();
  const ms = performance.now() - t0;
  if (res.statusCode >= 300) {
    throw new Error(`${res.statusCode}: ${res.body.slice(0, 200)}`);
  }
  return ms;
}

async function benchOn(database: Database): Promise<void> {
  await database.migrate();
  const app = await buildApp({ config: testConfig({ logLevel: "silent" }), database });
  const system = { db: database.db, actor: SYSTEM_ACTOR };
  const user = await createUser(system, {
    email: `bench-${Date.now()}@test.dk`,
    name: "Bench",
    password: "korrekt-hest-batteri",
    isAdmin: true,
  });
  const { token } = await createApiToken(
    { db: database.db, actor: { ...PUBLIC_ACTOR, userId: user.id } },
    {
      name: "bench",
    },
  );
  const auth = { authorization: `Bearer ${token}` };
  // One admin walks every step here, so the body lets the drafter approve (a setting small bodies use).
  const body = await createBody(system, {
    name: `Bench-udvalg ${Date.now()}`,
    kind: "political_committee",
    drafterMayApprove: true,
  });
  const transition = (id: number, to: string, version: number) =>
    app.inject({
      method: "POST",
      url: `/api/v1/meetings/${id}/transition`,
      headers: auth,
      payload: { to, version },
    });

  const agenda: number[] = [];
  const minutes: number[] = [];
  const drains: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const m = await meetingWith20Items(app, body.id, r);
    let version = m.version;
    agenda.push(
      await timed(async () => {
        const res = await transition(m.id, "agenda_published", version);
        version = res.json().version;
        return res;
      }),
    );
    const d0 = performance.now();
    await app.background.drain();
    drains.push(performance.now() - d0);
    for (const to of ["held", "minutes_draft", "minutes_approved"]) {
      version = (await transition(m.id, to, version)).json().version;
    }
    minutes.push(
      await timed(async () => {
        const res = await transition(m.id, "minutes_published", version);
        return res;
      }),
    );
    await app.background.drain();
  }

  const m = await meetingWith20Items(app, body.id, 100);
  const [first] = (
    await app.inject({ method: "GET", url: `/api/v1/meetings/${m.id}/items`, headers: auth })
  ).json().items as Array<{ id: number }>;
  const uploads: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const att = await attachmentService.create(system, { itemId: first?.id ?? 0, title: `Bilag ${r}` });
    // A megabyte of text: stored at once, its text indexed afterwards (each run different content).
    const bytes = Buffer.from(
      `${randomBytes(8).toString("hex")} ${TEXT}\n`.repeat(Math.ceil((1024 * 1024) / 140)),
    ).subarray(0, 1024 * 1024);
    uploads.push(
      await timed(() =>
        app.inject({
          method: "PUT",
          url: `/api/v1/attachments/${att.id}/content?version=${att.version}&fileName=bilag-${r}.txt`,
          headers: { ...auth, "content-type": "text/plain" },
          payload: bytes,
        }),
      ),
    );
    await app.background.drain();
  }
  await app.close();
  await database.close();
  process.stdout.write(
    `${database.kind}, ${RUNS} runs:\n` +
      `  publish agenda (20 items)   ${fmt(agenda)}   (documents after the answer: ${fmt(drains)})\n` +
      `  publish minutes (20 items)  ${fmt(minutes)}\n` +
      `  upload 1 MB attachment      ${fmt(uploads)}\n`,
  );
}

/** `npm run bench acts` */
export async function benchActs(): Promise<void> {
  await benchOn(await createDatabase({ databaseUrl: undefined, dataDir: "memory://" }));
  const url = process.env.DATABASE_URL ?? process.env.BENCH_PG_URL;
  if (url) {
    await benchOn(await createDatabase({ databaseUrl: url, dataDir: "memory://" }));
  } else {
    process.stdout.write(
      "PostgreSQL: set BENCH_PG_URL (or DATABASE_URL) to an empty database to include it.\n",
    );
  }
}
