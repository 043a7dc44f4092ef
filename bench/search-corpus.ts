/**
 * `npm run bench:corpus -- --items N [--database tvaers_bench_<size>] [--keep-indexes] [--no-audit]`: a synthetic corpus of
 * meetings and agenda items in the domain's Danish (bench/search-corpus.vocab.ts), sized like the
 * seeds (≈10 items a meeting, sections of a few hundred words), written into its own PostgreSQL
 * database through the real tables, so the search triggers index it. Items go in as multi-row inserts
 * (one statement per 1,000 items, from one JSON parameter) on two connections; by default the GIN
 * indexes are dropped during the load and built afterwards, as one would for any bulk load. Each batch
 * (100 meetings and their items) is one transaction, audited as one entry of the audit log, as a restore
 * is; `--no-audit` switches the audit triggers off instead (the log then says nothing of the load).
 */
import pg from "pg";
import { createDatabase } from "../src/db/client.ts";
import { ACTORS, DECISIONS, FILLER, FRAMES, PLACES, TOPICS } from "./search-corpus.vocab.ts";

const GIN_INDEXES = [
  "create index search_documents_tsv_idx on search_documents using gin (tsv)",
  "create index search_documents_tsv_agenda_idx on search_documents using gin (tsv_agenda) where tsv_agenda is not null",
  "create index search_documents_tsv_pub_idx on search_documents using gin (tsv_pub)",
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

/** Deterministic random numbers (mulberry32), so every run builds the same corpus. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const zipf = (n: number, s = 0.9) => {
    const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
    const total = weights.reduce((x, y) => x + y, 0);
    return () => {
      let r = next() * total;
      for (let i = 0; i < n; i++) {
        r -= weights[i] as number;
        if (r <= 0) {
          return i;
        }
      }
      return n - 1;
    };
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  return { next, zipf, pick };
}

/** The database of a corpus size: tvaers_bench_100k, tvaers_bench_1m. */
export function benchDatabaseName(items: number): string {
  return `tvaers_bench_${items >= 1_000_000 ? `${items / 1_000_000}m` : `${Math.round(items / 1000)}k`}`;
}

export function benchUrl(database: string): { admin: string; url: string } {
  const admin =
    process.env.DATABASE_URL ?? process.env.TVAERS_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return { admin, url: url.toString() };
}

function sentence(r: ReturnType<typeof rng>, topic: number, topicPick: () => number): string {
  const own = TOPICS[topic]?.words ?? [];
  return r.pick(FRAMES).replace(/\{(\w)\}/g, (_, k: string) => {
    if (k === "w") {
      // Mostly the item's own topic, sometimes a neighbouring one.
      const t = r.next() < 0.8 ? topic : topicPick();
      return r.pick(TOPICS[t]?.words ?? own);
    }
    if (k === "A") {
      return r.pick(ACTORS);
    }
    if (k === "P") {
      return r.pick(PLACES);
    }
    return r.pick(FILLER);
  });
}

function paragraph(r: ReturnType<typeof rng>, topic: number, topicPick: () => number, n: number): string {
  return Array.from({ length: n }, () => sentence(r, topic, topicPick)).join(" ");
}

interface ItemRow {
  meeting_id: number;
  number: number;
  position: number;
  title: string;
  access: string;
  kind: string;
  sections: Record<string, string>;
  recommendations: string[];
  decision_text: string | null;
  outcome: string | null;
  case_numbers: string[];
}

function itemsOf(
  r: ReturnType<typeof rng>,
  topicPick: () => number,
  meetingId: number,
  withMinutes: boolean,
  year: number,
) {
  const rows: ItemRow[] = [];
  const count = 6 + Math.floor(r.next() * 9);
  for (let n = 1; n <= count; n++) {
    const standard = n === 1 || n === count;
    const topic = topicPick();
    const [outcome, decision] = r.pick(DECISIONS);
    const kind = standard ? "standard" : r.pick(["decision", "decision", "orientation", "discussion"]);
    const t = TOPICS[topic] as (typeof TOPICS)[number];
    rows.push({
      meeting_id: meetingId,
      number: n,
      position: n,
      title: standard
        ? n === 1
          ? "Godkendelse af dagsorden"
          : "Eventuelt"
        : `${r.pick(t.nouns)}${r.next() < 0.3 ? ` – ${r.pick(["status", "orientering", "godkendelse", "drøftelse"])}` : ""}`,
      access: !standard && r.next() < 0.07 ? "closed" : "open",
      kind,
      sections: standard
        ? { summary: "Dagsordenen forelægges til godkendelse." }
        : {
            summary: paragraph(r, topic, topicPick, 2 + Math.floor(r.next() * 2)),
            presentation: paragraph(r, topic, topicPick, 6 + Math.floor(r.next() * 10)),
            economy: paragraph(r, topic, topicPick, 1),
            process: paragraph(r, topic, topicPick, 1 + Math.floor(r.next() * 2)),
          },
      recommendations: standard ? [] : [`Administrationen indstiller, at ${r.pick(t.words)} godkendes.`],
      decision_text: withMinutes ? decision : null,
      outcome: withMinutes ? outcome : null,
      case_numbers: standard ? [] : [`EMN-${year}-${String(Math.floor(r.next() * 99999)).padStart(5, "0")}`],
    });
  }
  return rows;
}

async function setUp(client: pg.Client) {
  const regions = ["Vestkyst", "Østkyst", "Nordland", "Midtby", "Sydhav"];
  await client.query(`insert into parties (type, name, region)
    select 'municipality', 'Kommune ' || g, (array['Vestkyst','Østkyst','Nordland','Midtby','Sydhav'])[1 + g % 5]
    from generate_series(1, 40) g`);
  const bodies: { id: number }[] = [];
  for (const [i, region] of regions.entries()) {
    const names = [
      [`Sundhedssamarbejdsudvalget ${region}`, "political_committee", null],
      [`Strategisk Sundhedsstyregruppe ${region}`, "administrative_steering_group", null],
      [`Følgegruppe for rehabilitering ${region}`, "follow_group", null],
      [`Følgegruppe for psykiatri ${region}`, "follow_group", null],
      ...[1, 2, 3, 4].flatMap((c) => [
        [`Sundhedsklynge ${region} ${c} – politisk niveau`, "cluster_political", `Klynge ${region} ${c}`],
        [
          `Sundhedsklynge ${region} ${c} – fagligt strategisk niveau`,
          "cluster_professional",
          `Klynge ${region} ${c}`,
        ],
      ]),
    ];
    for (const [name, kind, cluster] of names) {
      const res = await client.query(
        "insert into bodies (name, kind, region, cluster) values ($1, $2, $3, $4) returning id",
        [name, kind, region, cluster],
      );
      bodies.push(res.rows[0]);
    }
    await client.query(
      `insert into persons (name, title) select 'Person ' || g || ' ${region}', 'Konsulent' from generate_series(1, 100) g`,
    );
    void i;
  }
  await client.query(`insert into memberships (person_id, body_id, party_id, role)
    select p.id, b.id, (select min(id) from parties), 'member'
    from persons p join bodies b on b.id % 60 = p.id % 60`);
  return bodies.map((b) => b.id);
}

async function load(url: string, worker: number, workers: number, items: number, bodyIds: number[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const r = rng(1000 + worker);
  const topicPick = r.zipf(TOPICS.length);
  const bodyPick = r.zipf(bodyIds.length, 0.7);
  const now = Date.now();
  const start = Date.UTC(2014, 0, 1);
  const span = Date.UTC(2027, 0, 1) - start;
  let done = 0;
  const target = Math.ceil(items / workers);
  while (done < target) {
    const meetings = Array.from({ length: 100 }, () => {
      const at = start + Math.floor(r.next() * span);
      const status =
        at > now
          ? r.next() < 0.5
            ? "planned"
            : "agenda_published"
          : r.next() < 0.92
            ? "minutes_published"
            : r.pick(["held", "minutes_draft", "minutes_approved"]);
      return { body_id: bodyIds[bodyPick()] as number, start: new Date(at).toISOString(), status };
    });
    // A bulk load is audited as one entry per batch (as a restore is), not row by row.
    await client.query("begin");
    await client.query(
      "select set_config('tvaers.audit_bulk', 'on', true), set_config('tvaers.actor', 'bench:corpus', true)",
    );
    const res = await client.query(
      `insert into meetings (body_id, start, status) select * from json_to_recordset($1::json) as x(body_id int, start timestamptz, status meeting_status) returning id, status, start`,
      [JSON.stringify(meetings)],
    );
    const rows: ItemRow[] = [];
    for (const m of res.rows as { id: number; status: string; start: Date }[]) {
      rows.push(
        ...itemsOf(
          r,
          topicPick,
          m.id,
          m.status !== "planned" && m.status !== "agenda_published",
          m.start.getUTCFullYear(),
        ),
      );
    }
    for (let i = 0; i < rows.length; i += 1000) {
      await client.query(
        `insert into agenda_items (meeting_id, number, position, title, access, kind, sections, recommendations, decision_text, outcome, case_numbers)
         select meeting_id, number, position, title, access::access, kind::item_kind, sections, recommendations, decision_text, outcome::outcome, case_numbers
         from json_to_recordset($1::json) as x(meeting_id int, number int, position int, title text, access text, kind text,
           sections jsonb, recommendations jsonb, decision_text text, outcome text, case_numbers jsonb)`,
        [JSON.stringify(rows.slice(i, i + 1000))],
      );
    }
    await client.query("select set_config('tvaers.audit_bulk', 'off', true)");
    await client.query(
      "select tvaers_audit_append('agenda_items', 'bulk', null, null, jsonb_build_object('meetings', $1::int, 'items', $2::int))",
      [meetings.length, rows.length],
    );
    await client.query("commit");
    done += rows.length;
    if (worker === 0) {
      process.stderr.write(`\r  ${(done * workers).toLocaleString("da-DK")} punkter …`);
    }
  }
  await client.end();
  return done;
}

/** Builds the corpus; returns the number of items and the seconds it took (load + index build). */
export async function buildCorpus(opts: {
  items: number;
  database: string;
  keepIndexes: boolean;
  /** load without the audit log's triggers (to time the search index alone; the log is not written) */
  noAudit?: boolean;
}) {
  const { admin, url } = benchUrl(opts.database);
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`drop database if exists ${opts.database} with (force)`);
  await adminClient.query(`create database ${opts.database}`);
  await adminClient.end();
  const database = await createDatabase({ databaseUrl: url, dataDir: "" });
  await database.migrate();
  await database.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const bodyIds = await setUp(client);
  // The audit log's triggers (migration "audit_triggers") serialise all writers on one advisory lock;
  // --no-audit times the load and the search index without them.
  const audit = opts.noAudit
    ? (
        await client.query(
          `select tgrelid::regclass::text as rel, tgname from pg_trigger
           where not tgisinternal and tgname like '%\\_audit' and tgrelid::regclass::text in ('meetings', 'agenda_items')`,
        )
      ).rows
    : [];
  for (const t of audit) {
    await client.query(`alter table ${t.rel} disable trigger ${t.tgname}`);
  }
  const started = performance.now();
  if (!opts.keepIndexes) {
    await client.query(
      "drop index search_documents_tsv_idx; drop index search_documents_tsv_agenda_idx; drop index search_documents_tsv_pub_idx",
    );
  }
  const workers = 2;
  const counts = await Promise.all(
    Array.from({ length: workers }, (_, w) => load(url, w, workers, opts.items, bodyIds)),
  );
  const loaded = performance.now();
  for (const t of audit) {
    await client.query(`alter table ${t.rel} enable trigger ${t.tgname}`);
  }
  if (!opts.keepIndexes) {
    await client.query("set maintenance_work_mem = '2GB'");
    await client.query("set max_parallel_maintenance_workers = 2");
    for (const ddl of GIN_INDEXES) {
      await client.query(ddl);
    }
  }
  await client.query("vacuum analyze search_documents");
  await client.query("analyze search_terms");
  const finished = performance.now();
  const [stats] = (
    await client.query(`select (select count(*) from agenda_items)::int as items, (select count(*) from search_documents)::int as docs,
      (select count(*) from search_terms)::int as terms, pg_size_pretty(pg_total_relation_size('search_documents')) as size`)
  ).rows;
  await client.end();
  return {
    ...stats,
    audit: opts.noAudit
      ? `off during the load (${audit.map((t) => t.tgname).join(", ")})`
      : "on: one entry per batch of 100 meetings",
    generated: counts.reduce((a, b) => a + b, 0),
    loadSeconds: (loaded - started) / 1000,
    indexSeconds: (finished - loaded) / 1000,
    totalSeconds: (finished - started) / 1000,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const items = Number(arg("items", "100000"));
  const database = arg("database", benchDatabaseName(items));
  process.stderr.write(`Bygger ${items.toLocaleString("da-DK")} punkter i ${database} …\n`);
  const result = await buildCorpus({
    items,
    database,
    keepIndexes: process.argv.includes("--keep-indexes"),
    noAudit: process.argv.includes("--no-audit"),
  });
  process.stdout.write(`\n${JSON.stringify(result, null, 2)}\n`);
}
