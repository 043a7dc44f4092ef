import { testConfig } from "../src/config.ts";
import { createDatabase } from "../src/db/client.ts";
import { SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { createBody } from "../src/modules/bodies/index.ts";
import { createInitiative } from "../src/modules/initiatives/index.ts";
import { createParty } from "../src/modules/parties/index.ts";
import { createMembership, createPerson } from "../src/modules/people/index.ts";
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

const PHASES = ["idea", "described", "approved", "running", "evaluated", "anchored", "stopped"] as const;
const RAGS = ["green", "green", "green", "yellow", "red"] as const;

/**
 * The initiative overview, map and list with 500 initiatives (target: ≤ 200 ms server time per page,
 * reads + render through app.inject), beside the log-in page (layout only) as the baseline in the same run.
 */
export async function benchInitiatives(): Promise<void> {
  const n = Number(process.env.BENCH_RENDERS ?? 50);
  const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "memory://" });
  await database.migrate();
  const svc = { db: database.db, actor: SYSTEM_ACTOR };
  const stamp = Date.now();
  const clusters: string[] = [];
  const municipalities: number[] = [];
  for (let r = 0; r < 5; r++) {
    for (let c = 0; c < 4; c++) {
      const cluster = `Bench-klynge ${r}-${c} ${stamp}`;
      clusters.push(cluster);
      const body = await createBody(svc, {
        name: cluster,
        kind: "cluster_political",
        cluster,
        region: `Region ${r}`,
      });
      for (let m = 0; m < 5; m++) {
        const party = await createParty(svc, {
          type: "municipality",
          name: `Kommune ${r}-${c}-${m} ${stamp}`,
          region: `Region ${r}`,
        });
        municipalities.push(party.id);
        const person = await createPerson(svc, { name: `Medlem ${r}-${c}-${m}` });
        await createMembership(svc, {
          personId: person.id,
          bodyId: body.id,
          partyId: party.id,
          role: "member",
        });
      }
    }
  }
  const owner = await createBody(svc, { name: `Bench-SSU ${stamp}`, kind: "political_committee" });
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < 500; i++) {
      const phase = PHASES[i % PHASES.length] as (typeof PHASES)[number];
      const rag = RAGS[i % RAGS.length] as (typeof RAGS)[number];
      await createInitiative(
        { db: tx, actor: SYSTEM_ACTOR },
        {
          title: `Indsats ${i}: sammenhængende forløb for borgere med kronisk sygdom`,
          agreement: "Sundhedsaftalen 2024–2027",
          focusArea: `Fokusområde ${i % 6}`,
          scope: i % 3 === 0 ? "joint" : i % 3 === 1 ? "parallel" : "pilot",
          ownerBodyId: owner.id,
          region: `Region ${i % 5}`,
          clusters: i % 3 === 2 ? [clusters[i % clusters.length] as string] : [],
          partyIds: i % 4 === 0 ? [municipalities[i % municipalities.length] as number] : [],
          targetGroup: `Målgruppe ${i % 8}`,
          theme: `Tema ${i % 10}`,
          phase,
          rag,
          ragReason: rag === "green" && phase !== "stopped" ? null : "Forsinket",
        },
      );
    }
  });
  const app = await buildApp({ config: testConfig({ logLevel: "silent" }), database });
  try {
    // Kept pages (web/page-cache.ts) are forgotten before each request: this times the reads and the render.
    const get = (url: string) => {
      app.readCache.invalidate();
      return app.inject({ method: "GET", url, headers: { accept: "text/html" } });
    };
    const sizes = await Promise.all(
      ["/indsatser", "/indsatser/kort"].map(async (u) => (await get(u)).body.length),
    );
    process.stdout.write(
      `500 initiatives, 100 municipalities in 20 clusters; /indsatser ${sizes[0]} bytes, /indsatser/kort ${sizes[1]} bytes; ${n} runs each; database ${database.kind}\n`,
    );
    const rows = [
      { case: "baseline: GET /log-ind (layout only)", ...(await timed(n, () => get("/log-ind"))) },
      { case: "GET /indsatser (overview, counts, table)", ...(await timed(n, () => get("/indsatser"))) },
      { case: "GET /indsatser/kort (map and 500 cards)", ...(await timed(n, () => get("/indsatser/kort"))) },
      {
        case: "GET /indsatser?status=red (filtered)",
        ...(await timed(n, () => get("/indsatser?status=red"))),
      },
      {
        case: "GET /api/v1/initiatives/overview",
        ...(await timed(n, () => app.inject({ method: "GET", url: "/api/v1/initiatives/overview" }))),
      },
    ];
    const base = rows[0]?.p50 ?? 1;
    process.stdout.write("\nInitiatives (target: overview and map ≤ 200 ms server time)\n");
    console.table(
      rows.map((r) => ({
        case: r.case,
        "p50 ms": r.p50.toFixed(1),
        "p95 ms": r.p95.toFixed(1),
        "× baseline p50": (r.p50 / base).toFixed(1),
      })),
    );
  } finally {
    await app.close();
    await database.close();
  }
}
