import { testConfig } from "../src/config.ts";
import { createDatabase } from "../src/db/client.ts";
import {
  addResponse,
  agreementPath,
  approveAgreement,
  createAgreement,
  startHearing,
} from "../src/modules/agreements/index.ts";
import { SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { createBody } from "../src/modules/bodies/index.ts";
import { buildApp } from "../src/server/app.ts";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

async function timed(n: number, run: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) {
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

/**
 * The toolbox with 300 agreements in force (all, and a search), and one agreement with a published hearing of
 * 40 responses × 3 remarks (page, matrix CSV and DOCX), beside the log-in page (layout only) as the baseline.
 */
export async function benchAgreements(): Promise<void> {
  const n = Number(process.env.BENCH_RENDERS ?? 50);
  const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "memory://" });
  await database.migrate();
  const stamp = Date.now();
  let bigId = 0;
  await database.db.transaction(async (tx) => {
    const svc = { db: tx, actor: SYSTEM_ACTOR };
    const owner = await createBody(svc, {
      name: `Bench-SSS ${stamp}`,
      kind: "administrative_steering_group",
    });
    for (let i = 0; i < 300; i++) {
      const a = await createAgreement(svc, {
        title: `Samarbejdsaftale ${i} om sammenhængende forløb`,
        kind: i % 3 === 0 ? "care_programme" : "cooperation_agreement",
        theme: `Tema ${i % 12}`,
        summary: "Fælles aftale om ansvar, overgange og kommunikation mellem sektorerne.",
        ownerBodyId: owner.id,
        contactName: "Sekretariatet",
        firstVersion: { label: "Høringsudkast", text: "# Aftalen\n\nTekst." },
      });
      const remarks = i === 0 ? 40 : 0;
      const started = await startHearing(svc, a.id, {
        startsOn: "2025-01-01",
        endsOn: "2025-03-01",
        invitees: [{ name: "Kommunerne" }, { name: "Hospitalet" }],
      });
      const hearingId = started.hearings[0]?.id as number;
      for (let r = 0; r < remarks; r++) {
        await addResponse(svc, hearingId, {
          partyName: `Part ${r}`,
          receivedOn: "2025-02-01",
          text: "Første bemærkning.\n\nAnden bemærkning.\n\nTredje bemærkning.",
          splitText: true,
        });
      }
      await approveAgreement(svc, a.id, { bodyId: owner.id, on: "2025-04-01", publishResponses: true });
      if (i === 0) {
        bigId = a.id;
      }
    }
  });
  const app = await buildApp({ config: testConfig(), database });
  await app.ready();
  const hearing = (await app.inject({ url: `/api/v1/agreements/${bigId}` })).json().hearings[0].id;
  const cases: [string, string][] = [
    ["log-in page (baseline)", "/log-ind"],
    ["toolbox, 300 in force", "/vaerktoejskasse"],
    ["toolbox, search", "/vaerktoejskasse?q=forl%C3%B8b+12&tema=Tema+0"],
    [
      "agreement page, 120 remarks",
      agreementPath({ id: bigId, title: "Samarbejdsaftale 0 om sammenhængende forløb" }),
    ],
    ["matrix CSV", `/api/v1/hearings/${hearing}/matrix.csv`],
    ["matrix DOCX", `/api/v1/hearings/${hearing}/matrix.docx`],
  ];
  const rows = [];
  let base = 0;
  for (const [name, url] of cases) {
    const t = await timed(n, async () => {
      // Kept pages (web/page-cache.ts) are forgotten before each request: this times the reads and the render.
      app.readCache.invalidate();
      const res = await app.inject({ url, headers: { accept: "text/html" } });
      if (res.statusCode !== 200) {
        throw new Error(`${url}: ${res.statusCode}`);
      }
    });
    base ||= t.p50;
    rows.push({
      case: name,
      "p50 ms": t.p50.toFixed(1),
      "p95 ms": t.p95.toFixed(1),
      "× baseline": (t.p50 / base).toFixed(1),
    });
  }
  console.table(rows);
  await app.close();
  await database.close();
}
