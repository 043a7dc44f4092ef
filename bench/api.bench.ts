import Fastify from "fastify";
import { testConfig } from "../src/config.ts";
import { createDatabase } from "../src/db/client.ts";
import { SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { createBody } from "../src/modules/bodies/index.ts";
import { createItem, createMeeting, transitionMeeting } from "../src/modules/meetings/index.ts";
import { buildApp } from "../src/server/app.ts";
import { type Figure, load, medianFigure, report } from "./lib.ts";

const paragraph =
  "Sundhedsklyngen har drøftet, hvordan borgere med kronisk sygdom får et sammenhængende forløb på tværs af " +
  "hospital, kommune og almen praksis. Arbejdsgruppen anbefaler fælles forløbsbeskrivelser og en fast kontaktperson.";

/** GET of a meeting with 20 items as JSON and /healthz, beside a bare Fastify route in the same run. */
export async function benchApi(): Promise<void> {
  const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "memory://" });
  await database.migrate();
  const ctx = { db: database.db, actor: SYSTEM_ACTOR };
  const body = await createBody(ctx, { name: `Bench-udvalg ${Date.now()}`, kind: "political_committee" });
  const meeting = await createMeeting(ctx, { bodyId: body.id, start: new Date("2025-01-09T09:00:00Z") });
  for (let i = 1; i <= 20; i++) {
    await createItem(ctx, {
      meetingId: meeting.id,
      title: `Punkt ${i}: Sammenhængende forløb`,
      access: i % 7 === 0 ? "closed" : "open",
      sections: {
        summary: paragraph,
        presentation: `${paragraph}\n\n${paragraph}`,
        economy: "Ingen udgifter.",
      },
      recommendations: ["Administrationen indstiller, at orienteringen tages til efterretning."],
      decisionText: "Taget til efterretning.",
      outcome: "noted",
      caseNumbers: [`EMN-2025-${String(i).padStart(5, "0")}`],
    });
  }
  let version = meeting.version;
  for (const to of [
    "agenda_published",
    "held",
    "minutes_draft",
    "minutes_approved",
    "minutes_published",
  ] as const) {
    version = (await transitionMeeting(ctx, meeting.id, { to, version })).version;
  }

  const app = await buildApp({ config: testConfig({ logLevel: "silent" }), database });
  // Publishing queued the frozen PDF/Word editions: render them first, or the renderer (in this process,
  // like the load generator) competes with whichever case is measured while it runs.
  await app.background.drain();
  const bare = Fastify({ logger: false });
  bare.get("/", async () => ({ status: "ok" }));
  const detail = await app.inject({ method: "GET", url: `/api/v1/meetings/${meeting.id}/details` });
  // The same bytes from a bare route: how much of the gap is the size of the answer, not Tværs.
  const sameBytes = Buffer.from(detail.body);
  bare.get("/same-bytes", async (_req, reply) =>
    reply.type("application/json; charset=utf-8").send(sameBytes),
  );
  const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });
  try {
    const items = (detail.json() as { items: unknown[] }).items.length;
    process.stdout.write(
      `meeting JSON: ${items} items, ${detail.body.length} bytes, database ${database.kind}\n`,
    );
    // This machine's speed drifts by ±10 % within a minute (other guests, CPU credit), so one pass of each
    // case in turn measures the drift as much as the code. Every case is warmed for a second first (JIT,
    // the read cache), then measured in interleaved rounds; each figure is that case's median round.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
    const cases: Array<[string, string]> = [
      ["bare Fastify route", bareUrl],
      ["bare route, the meeting's bytes", `${bareUrl}/same-bytes`],
      ["GET meeting with 20 items", `${appUrl}/api/v1/meetings/${meeting.id}/details`],
      ["GET /healthz", `${appUrl}/healthz`],
    ];
    for (const [name, url] of cases) {
      await load(`${name} (warm-up)`, url, { seconds: 1 });
    }
    const runs = new Map<string, Figure[]>(cases.map(([name]) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, url] of cases) {
        runs.get(name)?.push(await load(name, url, { seconds: Number(process.env.BENCH_SECONDS ?? 3) }));
      }
    }
    const [baseline, ...figures] = cases.map(([name]) => medianFigure(runs.get(name) ?? []));
    if (!baseline) {
      throw new Error("no baseline measured");
    }
    report(
      `API throughput, median of ${rounds} interleaved rounds (target: meeting read ≥ 60 % of the bare route)`,
      baseline,
      figures,
    );
    // The drift is slower than a round, so the fairest ratio is each round's own: a case against the
    // bare route measured seconds before it. The target is judged on the median of those.
    const bareRuns = runs.get("bare Fastify route") ?? [];
    for (const [name] of cases.slice(1)) {
      const ratios = (runs.get(name) ?? []).map(
        (f, i) => (f.requestsPerSecond / (bareRuns[i]?.requestsPerSecond ?? Number.NaN)) * 100,
      );
      const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? Number.NaN;
      process.stdout.write(
        `  ${name} vs the bare route, round by round: ${ratios.map((r) => `${r.toFixed(1)} %`).join(", ")}; median ${median.toFixed(1)} %\n`,
      );
    }
  } finally {
    await app.close();
    await bare.close();
    await database.close();
  }
}
