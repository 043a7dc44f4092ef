import { testConfig } from "../src/config.ts";
import { createDatabase } from "../src/db/client.ts";
import { SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { createBody } from "../src/modules/bodies/index.ts";
import { bodyDashboards } from "../src/modules/indicators/index.ts";
import type { Sheet } from "../src/modules/indicators/indicators.file.ts";
import { loadIndicatorValues, saveDefinitions } from "../src/modules/indicators/indicators.load.ts";
import { loadReference, shippedReferenceData } from "../src/modules/reference/index.ts";
import { buildApp } from "../src/server/app.ts";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/**
 * Indicators: loading 98 municipalities × 10 indicators × 60 months (58,800 rows) in one load, and
 * rendering a body's dashboard of 6 charts (each aggregating 98 municipalities into the region, with
 * its table) through app.inject (target p95 ≤ 150 ms on PGlite), beside the log-in page as baseline.
 */
export async function benchIndicators(): Promise<void> {
  const n = Number(process.env.BENCH_RENDERS ?? 40);
  const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "memory://" });
  await database.migrate();
  const svc = { db: database.db, actor: SYSTEM_ACTOR };
  await loadReference(svc, shippedReferenceData());
  const codes = Array.from({ length: 10 }, (_, i) => `bench-${i}`);
  await saveDefinitions(
    svc,
    codes.map((code, i) => ({
      code,
      name: `Benchmark-indikator ${i}`,
      definition: "Genereret til benchmark",
      unit: "antal",
      direction: "neutral" as const,
      source: "bench",
      sourceUrl: null,
      rhythm: "month" as const,
      aggregation: "sum" as const,
      internal: false,
      fictional: true,
    })),
  );
  const municipalities = shippedReferenceData().areas.filter((a) => a.kind === "municipality");
  const rows: Sheet["rows"] = [];
  for (const code of codes) {
    for (const m of municipalities) {
      for (let month = 0; month < 60; month++) {
        const period = `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
        rows.push({
          line: rows.length + 2,
          cells: [code, m.code, period, String((month * 7 + Number(m.code)) % 1000)],
        });
      }
    }
  }
  const sheet: Sheet = { header: ["indicator", "area_code", "period", "value"], rows };
  const started = performance.now();
  const result = await loadIndicatorValues(svc, { fileName: "bench.csv", format: "csv", sheet });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `load: ${result.rows} rows in ${seconds.toFixed(2)} s = ${Math.round(result.rows / seconds)} rows/s\n`,
  );
  const again = performance.now();
  const second = await loadIndicatorValues(svc, { fileName: "bench-2.csv", format: "csv", sheet });
  process.stdout.write(
    `second load (all ${second.superseded} superseded, history kept): ${((performance.now() - again) / 1000).toFixed(2)} s\n`,
  );
  const body = await createBody(svc, {
    name: "Bench-forum",
    kind: "working_group",
    region: "Region Syddanmark",
  });
  await database.db.insert(bodyDashboards).values({
    bodyId: body.id,
    indicatorCodes: codes.slice(0, 6),
    areaKind: "region",
    areaCode: "1083",
  });
  const app = await buildApp({ config: testConfig(), database });
  await app.ready();
  async function timed(url: string) {
    for (let i = 0; i < 5; i++) {
      await app.inject({ method: "GET", url, headers: { accept: "text/html" } });
    }
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      // Kept pages (web/page-cache.ts) are forgotten first: this times the reads and the render.
      app.readCache.invalidate();
      const t0 = performance.now();
      const res = await app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      times.push(performance.now() - t0);
      if (res.statusCode !== 200) {
        throw new Error(`${url}: ${res.statusCode}`);
      }
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  }
  const base = await timed("/log-ind");
  const dash = await timed(`/indikatorer/forum/${body.id}`);
  const page = await timed("/indikatorer/bench-0?omraade=region:1083");
  const line = (name: string, f: { p50: number; p95: number }) =>
    process.stdout.write(
      `${name}: p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms (×${(f.p95 / base.p95).toFixed(1)} of baseline)\n`,
    );
  line("baseline /log-ind", base);
  line("dashboard of 6 charts", dash);
  line("indicator page (line + bars + map)", page);
  await app.close();
  await database.close();
}
