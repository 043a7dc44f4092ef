/**
 * `npm run bench -- recall`: 30 compound queries from the domain with the items each should find,
 * run through the search service on a fresh embedded database; prints recall and precision with the
 * compound widening and, for comparison, with plain danish full-text search (the stemmer alone).
 */
import { sql } from "drizzle-orm";
import { createDatabase } from "../src/db/client.ts";
import { SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { createBody } from "../src/modules/bodies/index.ts";
import { createItem, createMeeting, transitionMeeting } from "../src/modules/meetings/index.ts";
import { search } from "../src/modules/search/index.ts";

/** One item per title; each query lists the titles it should find (by their number below). */
export const TITLES: string[] = [
  /* 0 */ "Samarbejdsaftale om genoptræning",
  /* 1 */ "Sundhedsaftalen 2024–2027",
  /* 2 */ "Overvægtsaftalen for børn",
  /* 3 */ "Psykiatriaftale mellem region og kommuner",
  /* 4 */ "Udskrivningsaftale for ældre medicinske patienter",
  /* 5 */ "Delaftale om hjælpemidler",
  /* 6 */ "Børneovervægt i skolealderen",
  /* 7 */ "Overvægtsindsats i sundhedsplejen",
  /* 8 */ "Genoptræningsplaner efter indlæggelse",
  /* 9 */ "Genoptræningsforløb for borgere med hjerneskade",
  /* 10 */ "Demenskoordinatorer i alle kommuner",
  /* 11 */ "Demensstrategi og demensvenlige byer",
  /* 12 */ "Børnepsykiatri og ventetider",
  /* 13 */ "Ungdomspsykiatrien i klyngen",
  /* 14 */ "Akutfunktioner i kommunerne",
  /* 15 */ "Akutteamet i Havbjerg",
  /* 16 */ "Hjemmesygeplejen og delegation",
  /* 17 */ "Sygeplejeopgaver på plejecentre",
  /* 18 */ "Tandplejen for hjemmeboende ældre",
  /* 19 */ "Plejehjemslæger",
  /* 20 */ "Fælles medicinkort",
  /* 21 */ "Medicinhåndtering ved overgange",
  /* 22 */ "Kræftrehabilitering i kommunerne",
  /* 23 */ "Hjerterehabilitering på tværs",
  /* 24 */ "Forløbsprogram for KOL",
  /* 25 */ "Patientforløb i akutmodtagelsen",
  /* 26 */ "Sundhedsklyngens handleplan",
  /* 27 */ "Kræftpakkeforløb og ventetid",
  /* 28 */ "Udskrivningskoordinatorer på sygehuset",
  /* 29 */ "Diabetesskole for nydiagnosticerede",
  /* 30 */ "Klyngemidler 2025",
  /* 31 */ "Arbejdsgruppe om datadeling",
  /* 32 */ "Følgegruppen for rehabilitering",
  /* 33 */ "Forebyggelsesindsats mod rygning",
  /* 34 */ "Praksisplan for almen praksis",
  /* 35 */ "Implementeringsplan for sundhedsaftalen",
  /* 36 */ "Praksiskonsulentordningen",
  /* 37 */ "Tandlægevagt i weekenden",
  /* 38 */ "Ældresundhed og faldforebyggelse",
  /* 39 */ "Forældresamarbejde i børnepsykiatrien",
  /* 40 */ "Lægevagten og lægedækning",
  /* 41 */ "Sundhedsdata og datadeling",
  /* 42 */ "Social ulighed og ulighedsindsats",
  /* 43 */ "Rusmiddelbehandling for unge",
  /* 44 */ "Alkoholbehandling og alkoholforebyggelse",
  /* 45 */ "Træningsindsats efter udskrivning",
  /* 46 */ "Sundhedssamarbejdsudvalget konstitueres",
  /* 47 */ "Styregruppen for telemedicin",
  /* 48 */ "Hjemmemonitorering af hjertepatienter",
  /* 49 */ "Rygestopforløb",
];

export const QUERIES: [string, number[]][] = [
  ["aftale", [0, 1, 2, 3, 4, 5, 35]],
  ["overvægt", [2, 6, 7]],
  ["genoptræning", [0, 8, 9]],
  ["demens", [10, 11]],
  ["psykiatri", [3, 12, 13, 39]],
  ["akut", [14, 15, 25]],
  ["sygepleje", [16, 17]],
  ["pleje", [7, 16, 17, 18, 19]],
  ["medicin", [20, 21]],
  ["rehabilitering", [22, 23, 32]],
  ["forløb", [9, 24, 25, 27, 49]],
  ["sundhed", [1, 7, 26, 35, 38, 41, 46]],
  ["kræft", [22, 27]],
  ["udskrivning", [4, 28, 45]],
  ["diabetes", [29]],
  ["klynge", [13, 26, 30]],
  ["gruppe", [31, 32, 47]],
  ["indsats", [7, 33, 42, 45]],
  ["plan", [8, 26, 34, 35]],
  ["praksis", [34, 36]],
  ["tandpleje", [18]],
  ["hjemme", [16, 18, 48]],
  ["ældre", [4, 18, 38]],
  ["læge", [19, 37, 40]],
  ["data", [31, 41]],
  ["ulighed", [42]],
  ["rusmiddel", [43]],
  ["alkohol", [44]],
  ["træning", [0, 8, 9, 45]],
  ["samarbejde", [0, 39, 46]],
];

export interface RecallResult {
  recall: number;
  precision: number;
  baselineRecall: number;
  baselinePrecision: number;
  misses: string[];
  extras: string[];
}

/** Runs the 30 queries; returns micro-averaged recall and precision, and what was missed or extra. */
export async function measureCompoundRecall(): Promise<RecallResult> {
  const database = await createDatabase({ databaseUrl: undefined, dataDir: "memory://" });
  await database.migrate();
  const ctx = { db: database.db, actor: SYSTEM_ACTOR };
  try {
    const body = await createBody(ctx, { name: "Recall-udvalg", kind: "political_committee" });
    const meeting = await createMeeting(ctx, { bodyId: body.id, start: new Date("2025-01-09T09:00:00Z") });
    const ids: number[] = [];
    for (const title of TITLES) {
      ids.push((await createItem(ctx, { meetingId: meeting.id, title })).id);
    }
    await transitionMeeting(ctx, meeting.id, { to: "agenda_published", version: meeting.version });
    let expected = 0;
    let found = 0;
    let returned = 0;
    let baseFound = 0;
    let baseReturned = 0;
    const misses: string[] = [];
    const extras: string[] = [];
    for (const [q, want] of QUERIES) {
      const wanted = new Set(want.map((i) => ids[i]));
      const result = await search(ctx, { q, type: ["item"], perPage: 50 });
      const got = result.hits.map((h) => h.sourceId);
      const base = (
        (await database.db.execute(
          sql`select source_id from search_documents where source = 'item' and tsv @@ plainto_tsquery('danish', ${q})`,
        )) as unknown as { rows: { source_id: number }[] }
      ).rows;
      expected += wanted.size;
      returned += got.length;
      found += got.filter((id) => wanted.has(id)).length;
      baseReturned += base.length;
      baseFound += base.filter((r) => wanted.has(r.source_id)).length;
      for (const i of want) {
        if (!got.includes(ids[i] as number)) {
          misses.push(`${q} → ${TITLES[i]}`);
        }
      }
      for (const h of result.hits) {
        if (!wanted.has(h.sourceId)) {
          extras.push(`${q} → ${h.title}`);
        }
      }
    }
    return {
      recall: found / expected,
      precision: found / Math.max(returned, 1),
      baselineRecall: baseFound / expected,
      baselinePrecision: baseFound / Math.max(baseReturned, 1),
      misses,
      extras,
    };
  } finally {
    await database.close();
  }
}

export async function benchRecall(): Promise<void> {
  const r = await measureCompoundRecall();
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  process.stdout.write(
    `compound queries: ${QUERIES.length}, expected hits: ${QUERIES.reduce((n, [, w]) => n + w.length, 0)}\n`,
  );
  console.table([
    { search: "Tværs (compounds widened)", recall: pct(r.recall), precision: pct(r.precision) },
    { search: "danish FTS alone", recall: pct(r.baselineRecall), precision: pct(r.baselinePrecision) },
  ]);
  process.stdout.write(
    `missed:\n  ${r.misses.join("\n  ") || "–"}\nextra:\n  ${r.extras.join("\n  ") || "–"}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchRecall();
}
