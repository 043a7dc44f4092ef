import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { testConfig } from "../src/config.ts";
import { createDatabase } from "../src/db/client.ts";
import { createApiToken, createUser } from "../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR, SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { bodies, bodyPath } from "../src/modules/bodies/index.ts";
import { demoData } from "../src/modules/demo/demo.data.ts";
import { loadDemo } from "../src/modules/demo/demo.service.ts";
import { createItem, createMeeting, meetingPath, meetings } from "../src/modules/meetings/index.ts";
import { createMembership, createPerson } from "../src/modules/people/index.ts";
import { buildApp } from "../src/server/app.ts";

/**
 * Load: 500 public readers (autocannon on loopback) for 60 s (BENCH_SECONDS) over published meeting
 * pages, body pages and search pages, while 10 secretaries edit a draft meeting's items through the
 * API (read, then PATCH with the version read). Prints the readers' errors and p50/p99 and the
 * editors' counts and p50/p99. On an empty database: DATABASE_URL, else in-memory PGlite.
 * BENCH_SECONDS, BENCH_READERS and BENCH_EDITORS change the figures.
 */
export async function benchLoad(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 60);
  const readers = Number(process.env.BENCH_READERS ?? 500);
  const editors = Number(process.env.BENCH_EDITORS ?? 10);
  const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "memory://" });
  await database.migrate();
  const ctx = { db: database.db, actor: SYSTEM_ACTOR };
  await loadDemo(database.db, demoData);

  const allBodies = await database.db.select().from(bodies);
  const published = await database.db
    .select()
    .from(meetings)
    .where(eq(meetings.status, "minutes_published"))
    .limit(20);
  const bodyById = new Map(allBodies.map((b) => [b.id, b]));
  const paths = [
    ...published.map((m) => meetingPath(m, bodyById.get(m.bodyId) ?? { name: "x", shortName: null })),
    ...allBodies.slice(0, 10).map((b) => bodyPath(b)),
    ...["sundhed", "genoptræning", "akut", "psykiatri", "aftale", '"sammenhængende forløb"'].map(
      (q) => `/soeg?q=${encodeURIComponent(q)}`,
    ),
  ];

  // The secretaries: ten people with the secretary role in the first body, each with a token.
  const body = allBodies[0];
  if (!body) {
    throw new Error("load bench: the demo has no bodies");
  }
  const draft = await createMeeting(ctx, { bodyId: body.id, start: new Date("2027-03-04T09:00:00Z") });
  const items: { id: number }[] = [];
  for (let i = 1; i <= 5; i++) {
    items.push(await createItem(ctx, { meetingId: draft.id, title: `Belastningspunkt ${i}` }));
  }
  const tokens: string[] = [];
  for (let i = 0; i < editors; i++) {
    const person = await createPerson(ctx, { name: `Sekretær ${i}` });
    await createMembership(ctx, { personId: person.id, bodyId: body.id, role: "secretary" });
    const user = await createUser(ctx, {
      email: `belastning-${i}@test.dk`,
      name: `Sekretær ${i}`,
      password: "korrekt-hest-batteri",
      personId: person.id,
    });
    tokens.push(
      (await createApiToken({ db: ctx.db, actor: { ...PUBLIC_ACTOR, userId: user.id } }, { name: "b" }))
        .token,
    );
  }

  const app = await buildApp({ config: testConfig({ logLevel: "silent" }), database });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    for (const p of paths) {
      const res = await app.inject({ method: "GET", url: p });
      if (res.statusCode !== 200) {
        throw new Error(`load bench: ${p} answers ${res.statusCode}`);
      }
    }
    let stop = false;
    const edits = { ok: 0, conflict: 0, errors: 0, latencies: [] as number[] };
    const editor = async (token: string, n: number) => {
      let round = 0;
      while (!stop) {
        const item = items[(n + round) % items.length];
        round++;
        if (!item) {
          continue;
        }
        const started = performance.now();
        try {
          const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
          const read = await fetch(`${url}/api/v1/items/${item.id}`, { headers });
          const { version } = (await read.json()) as { version: number };
          const res = await fetch(`${url}/api/v1/items/${item.id}`, {
            method: "PATCH",
            headers,
            body: JSON.stringify({ version, title: `Belastningspunkt ${n}-${round}` }),
          });
          await res.arrayBuffer();
          if (res.status === 200) {
            edits.ok++;
          } else if (res.status === 409) {
            edits.conflict++;
          } else {
            edits.errors++;
          }
        } catch {
          edits.errors++;
        }
        edits.latencies.push(performance.now() - started);
      }
    };
    const editing = Promise.all(tokens.map((t, n) => editor(t, n)));
    const result = await autocannon({
      url,
      connections: readers,
      duration: seconds,
      requests: paths.map((path) => ({ method: "GET", path })),
    });
    stop = true;
    await editing;
    const sorted = edits.latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);
    process.stdout.write(
      `database ${database.kind}; ${readers} readers for ${seconds} s over ${paths.length} pages (meetings, bodies, search)\n`,
    );
    console.table([
      {
        case: "public readers",
        requests: result.requests.total,
        "req/s": Math.round(result.requests.average),
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        errors: result.errors + result.non2xx,
        timeouts: result.timeouts,
      },
      {
        case: `${editors} secretaries (read + PATCH)`,
        requests: edits.ok + edits.conflict + edits.errors,
        "req/s": Math.round((edits.ok + edits.conflict + edits.errors) / seconds),
        "p50 ms": pct(0.5),
        "p99 ms": pct(0.99),
        errors: edits.errors,
        timeouts: `${edits.ok} applied, ${edits.conflict} × 409`,
      },
    ]);
  } finally {
    await app.close();
    await database.close();
  }
}
