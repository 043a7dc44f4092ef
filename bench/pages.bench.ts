import { testConfig } from "../src/config.ts";
import { createDatabase } from "../src/db/client.ts";
import { PUBLIC_ACTOR, SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { createBody, getBody } from "../src/modules/bodies/index.ts";
import {
  createItem,
  createMeeting,
  getMeetingRow,
  listMeetingItems,
  meetingPath,
  transitionMeeting,
} from "../src/modules/meetings/index.ts";
import { MeetingPage } from "../src/modules/meetings/meetings.pages.tsx";
import { presentMeeting } from "../src/modules/meetings/meetings.service.ts";
import { visibilityOf } from "../src/modules/meetings/visibility.ts";
import { AgendaPage } from "../src/modules/workspace/agenda.pages.tsx";
import { buildApp } from "../src/server/app.ts";
import { Layout } from "../src/server/layout.tsx";
import { translator } from "../src/web/i18n.ts";
import type { PageCtx } from "../src/web/page.ts";

const paragraph =
  "Sundhedsklyngen har drøftet, hvordan borgere med **kronisk sygdom** får et sammenhængende forløb på tværs af " +
  "hospital, kommune og almen praksis. Arbejdsgruppen anbefaler fælles forløbsbeskrivelser og en fast kontaktperson.";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

async function timed(n: number, run: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 20; i++) {
    await run();
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Server render of a 25-item meeting page (target p95 ≤ 30 ms) beside an empty layout in the same run. */
export async function benchPages(): Promise<void> {
  const n = Number(process.env.BENCH_RENDERS ?? 300);
  const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "memory://" });
  await database.migrate();
  const svc = { db: database.db, actor: SYSTEM_ACTOR };
  const body = await createBody(svc, {
    name: `Bench-udvalg ${Date.now()}`,
    shortName: "BU",
    kind: "political_committee",
  });
  const created = await createMeeting(svc, {
    bodyId: body.id,
    start: new Date("2025-01-09T09:00:00Z"),
    location: "Regionshuset",
  });
  for (let i = 1; i <= 25; i++) {
    await createItem(svc, {
      meetingId: created.id,
      title: `Punkt ${i}: Sammenhængende forløb for borgere med kronisk sygdom`,
      access: i % 7 === 0 ? "closed" : "open",
      durationMinutes: 15,
      sections: {
        summary: paragraph,
        presentation: `${paragraph}\n\n- første punkt\n- andet punkt\n\n${paragraph}`,
        economy: "Ingen udgifter.",
        process: paragraph,
      },
      recommendations: ["Administrationen indstiller, at orienteringen tages til efterretning."],
      decisionText: "Taget til efterretning.",
      outcome: "noted",
      caseNumbers: [`EMN-2025-${String(i).padStart(5, "0")}`],
    });
  }
  let version = created.version;
  for (const to of [
    "agenda_published",
    "held",
    "minutes_draft",
    "minutes_approved",
    "minutes_published",
  ] as const) {
    version = (await transitionMeeting(svc, created.id, { to, version })).version;
  }
  const app = await buildApp({ config: testConfig({ logLevel: "silent" }), database });
  try {
    const publicSvc = { db: database.db, actor: PUBLIC_ACTOR };
    const ctx: PageCtx = {
      lang: "da",
      t: translator("da"),
      actor: publicSvc.actor,
      path: "/",
      csrf: "x".repeat(32),
      svc: publicSvc,
    };
    const row = await getMeetingRow(database.db, created.id);
    const data = {
      meeting: presentMeeting(row),
      body: await getBody(svc, body.id),
      items: await listMeetingItems(publicSvc, row),
      attendance: [],
      persons: new Map(),
      visibility: visibilityOf(publicSvc.actor, row),
      supplements: [],
    };
    const html = MeetingPage({ ctx, data }).value;
    const url = meetingPath(row, data.body);
    const check = await app.inject({ method: "GET", url, headers: { accept: "text/html" } });
    process.stdout.write(
      `meeting page: ${data.items.length} items, ${html.length} bytes, GET ${url} → ${check.statusCode}, ${n} runs each, database ${database.kind}\n`,
    );
    // The workspace's agenda builder for the same 25 items, as the body's secretariat (system actor) sees it.
    const agendaCtx: PageCtx = { ...ctx, actor: svc.actor, svc, path: `/arbejdsrum/moeder/${row.id}` };
    const agendaData = {
      meeting: row,
      body: data.body,
      items: await listMeetingItems(svc, row),
      cases: [],
      actions: [],
      supplements: [],
      approval: null,
      form: { values: {}, errors: {} },
      problem: null,
      done: null,
    };
    const rows = [
      { case: "baseline: empty layout (render)", ...(await timed(n, () => Layout({ ctx, title: "Tom" }))) },
      { case: "meeting page, 25 items (render)", ...(await timed(n, () => MeetingPage({ ctx, data }))) },
      {
        case: "workspace agenda builder, 25 items (render)",
        ...(await timed(n, () => AgendaPage({ ctx: agendaCtx, data: agendaData }))),
      },
      {
        // Kept pages (web/page-cache.ts) are forgotten before each request: this times the reads and the render.
        case: "GET meeting page (reads + render)",
        ...(await timed(n, () => {
          app.readCache.invalidate();
          return app.inject({ method: "GET", url, headers: { accept: "text/html" } });
        })),
      },
      {
        case: "GET meeting page, kept for readers without a login",
        ...(await timed(n, () => app.inject({ method: "GET", url, headers: { accept: "text/html" } }))),
      },
    ].map((r) => ({ case: r.case, "p50 ms": r.p50.toFixed(2), "p95 ms": r.p95.toFixed(2) }));
    process.stdout.write("\nServer-rendered pages (target: 25-item meeting page render p95 ≤ 30 ms)\n");
    console.table(rows);
  } finally {
    await app.close();
    await database.close();
  }
}
