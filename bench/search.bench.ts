/**
 * `npm run bench:search [-- --sizes 100000,1000000]`: 50 realistic searches, with and without
 * filters, against corpora built by `npm run bench:corpus` (databases tvaers_bench_<size>). Each
 * search is timed end to end over HTTP (the app listening on loopback, one connection, sequential)
 * and, in the same run, as its raw SQL (the one statement the service sends, through node-postgres).
 */
import { sql } from "drizzle-orm";
import { testConfig } from "../src/config.ts";
import { createDatabase } from "../src/db/client.ts";
import { PUBLIC_ACTOR } from "../src/modules/auth/index.ts";
import { searchRow } from "../src/modules/search/search.service.ts";
import { buildApp } from "../src/server/app.ts";
import { benchDatabaseName, benchUrl } from "./search-corpus.ts";

export const QUERIES: string[] = [
  "q=demens",
  "q=genoptræning",
  "q=aftale",
  "q=overvægt",
  "q=psykiatri",
  "q=akutfunktion",
  "q=KOL",
  "q=diabetes",
  "q=palliation",
  "q=hjemmesygepleje",
  "q=medicinhåndtering",
  "q=sundhedsaftale",
  "q=telemedicin",
  "q=udskrivning",
  "q=kræft",
  "q=tandpleje",
  "q=rusmiddel",
  "q=ældre",
  "q=rehabilitering",
  "q=kommissorium",
  'q="sårbare gravide"',
  'q="almen praksis"',
  'q="lindrende behandling"',
  "q=demens pårørende",
  "q=genoptræning udskrivning",
  "q=overvægt børn -voksne",
  "q=rehabil*",
  "q=klynge*",
  "q=fodterapeut",
  "q=EMN-2021-03543",
  "q=demens&region=Vestkyst",
  "q=aftale&kind=decision",
  "q=genoptræning&outcome=approved",
  "q=psykiatri&from=2023-01-01&to=2023-12-31",
  "q=akutteam&type=item",
  "q=sundhedsaftale&bodyId=1",
  "q=kræft&region=Midtby&from=2020-01-01",
  "q=diabetes&kind=orientation&outcome=noted",
  "q=telemedicin&sort=date",
  "q=hjemmepleje&page=3",
  "q=pulje&cluster=Klynge Nordland 2",
  "q=ulighed sundhed",
  "q=forebyggelse&from=2025-01-01",
  "q=demenskoordinatorer",
  "q=genoptræningsplan",
  "q=medicinkort apotek",
  "q=børneovervægt",
  "q=sygepleje",
  "",
  "region=Sydhav&kind=decision",
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

function summary(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) as number };
}

async function benchSize(size: number, rounds: number) {
  const { url } = benchUrl(benchDatabaseName(size));
  const database = await createDatabase({ databaseUrl: url, dataDir: "" });
  const app = await buildApp({ config: testConfig({ logLevel: "silent", databaseUrl: url }), database });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const counted = (await database.db.execute(
    sql`select count(*)::int as n from agenda_items`,
  )) as unknown as {
    rows: { n: number }[];
  };
  const n = counted.rows[0]?.n ?? 0;
  const http: number[] = [];
  const raw: number[] = [];
  const totals: number[] = [];
  const slowest = new Map<string, number>();
  try {
    for (let round = 0; round <= rounds; round++) {
      for (const query of QUERIES) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/v1/search?${query.replace(/ /g, "+")}`);
        const body = (await res.json()) as { total: number };
        const t1 = performance.now();
        if (res.status !== 200) {
          throw new Error(`${query}: ${res.status} ${JSON.stringify(body)}`);
        }
        const params = Object.fromEntries(new URLSearchParams(query));
        const input = {
          ...params,
          bodyId: params.bodyId ? Number(params.bodyId) : undefined,
          page: params.page ? Number(params.page) : undefined,
          type: params.type ? [params.type as "item"] : undefined,
          sort: params.sort as "date" | undefined,
        };
        // What the service sends: compile (expansions cached), then one transaction with the prepare
        // round trip and the statement.
        const t2 = performance.now();
        await searchRow(database.db, PUBLIC_ACTOR, input);
        const t3 = performance.now();
        // Round 0 warms caches and is not counted.
        if (round > 0) {
          slowest.set(query, Math.max(slowest.get(query) ?? 0, t1 - t0));
          http.push(t1 - t0);
          raw.push(t3 - t2);
          totals.push(body.total);
        }
      }
    }
  } finally {
    await app.close();
    await database.close();
  }
  if (process.env.BENCH_DETAIL) {
    const list = [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 12);
    process.stdout.write(
      `slowest (HTTP, ms): ${list.map(([q, ms]) => `${q} ${ms.toFixed(0)}`).join("; ")}\n`,
    );
  }
  const h = summary(http);
  const s = summary(raw);
  return {
    items: n,
    http: h,
    sql: s,
    ratioP50: h.p50 / s.p50,
    ratioP95: h.p95 / s.p95,
    medianHits: summary(totals).p50,
  };
}

export async function benchSearch(): Promise<void> {
  const i = process.argv.indexOf("--sizes");
  const sizes = (i !== -1 ? (process.argv[i + 1] ?? "") : "100000,1000000").split(",").map(Number);
  // Ten rounds of 50: a p95 over 500 timings, not 150, so that a single hiccup of the machine does not decide it.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
  const rows = [];
  for (const size of sizes) {
    try {
      const r = await benchSize(size, rounds);
      const f = (x: number) => x.toFixed(1);
      rows.push({
        corpus: size.toLocaleString("da-DK"),
        items: r.items.toLocaleString("da-DK"),
        "HTTP p50": f(r.http.p50),
        "HTTP p95": f(r.http.p95),
        "HTTP max": f(r.http.max),
        "SQL p50": f(r.sql.p50),
        "SQL p95": f(r.sql.p95),
        "SQL max": f(r.sql.max),
        "ratio p50": r.ratioP50.toFixed(2),
        "ratio p95": r.ratioP95.toFixed(2),
        "median hits": r.medianHits,
      });
    } catch (err) {
      process.stdout.write(
        `corpus ${size}: ${err instanceof Error ? err.message : String(err)} (npm run bench:corpus -- --items ${size})\n`,
      );
    }
  }
  process.stdout.write(`\nsearch: ${QUERIES.length} queries × ${rounds} rounds, ms\n`);
  console.table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchSearch();
}
