import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import type { Actor } from "../auth/actor.ts";
import { isPrivileged } from "../auth/index.ts";
import { predecessorBodyIds } from "../bodies/index.ts";
import {
  type BucketQueryParts,
  bucketName,
  bucketTsQuery,
  type FilterTokens,
  hasPhrase,
  type Month,
  monthOf,
  stages,
  UNDATED,
} from "./buckets.ts";
import { expandWords } from "./expand.ts";
import { isEmptyQuery, type ParsedQuery, parseQuery, QuerySyntaxError } from "./query.ts";
import { facetLabel, hitUrl, type SearchHit, snippetHtml } from "./search.present.ts";
import {
  filterBodyIds,
  filterConditions,
  matchBranches,
  readerOf,
  type SearchFilters,
  scoreExpression,
} from "./search.sql.ts";
import { intArray, rowsOf } from "./sql.ts";
import { buildTsQuery } from "./tsquery.ts";

export const MAX_PER_PAGE = 50;
export const MAX_OFFSET = 1000;
const HEADLINE = `StartSel=\uE000, StopSel=\uE001, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export interface SearchInput extends SearchFilters {
  q?: string | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
  sort?: "relevance" | "date" | undefined;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  /** the number of matches, at most CANDIDATES */
  total: number;
  /** false: there are at least `total` (CANDIDATES) matches, perhaps many more; ranking, date order and
   * facets considered the newest CANDIDATES of them */
  totalExact: boolean;
  page: number;
  perPage: number;
  hits: SearchHit[];
  facets: { body: Facet[]; year: Facet[]; kind: Facet[]; outcome: Facet[]; type: Facet[] };
}

/** Parses the query text; syntax errors become 400 invalid_query with the parser's Danish message. */
export function parseOrThrow(q: string | undefined): ParsedQuery {
  try {
    return parseQuery(q ?? "");
  } catch (err) {
    if (err instanceof QuerySyntaxError) {
      throw new AppError("invalid_query", err.message, [{ path: "q", message: err.message }]);
    }
    throw err;
  }
}

/** The tsquery of the query text (stemmed, compounds and typos widened), or null for an empty query. */
export async function compileQuery(db: DbOrTx, q: string | undefined): Promise<SQL | null> {
  return (await compileQueries(db, q)).q;
}

/** The exact tsquery and the relaxed one for the public's bucketed vector (phrases as words; tsquery.ts). */
export async function compileQueries(
  db: DbOrTx,
  q: string | undefined,
): Promise<{ q: SQL | null; relaxed: SQL | null }> {
  const parsed = parseOrThrow(q);
  if (isEmptyQuery(parsed)) {
    return { q: null, relaxed: null };
  }
  const [included, excluded] = await Promise.all([
    expandWords(db, parsed.words),
    expandWords(db, parsed.excludedWords),
  ]);
  // An excluded word excludes itself, not its compounds.
  const without = excluded.map((e) => ({ ...e, alternatives: [] }));
  return {
    q: buildTsQuery(parsed, included, without),
    relaxed: buildTsQuery(parsed, included, without, true),
  };
}

/** Ranking, sorting by date and facets consider the newest this many matches (all pages of 50). */
export const CANDIDATES = MAX_OFFSET + MAX_PER_PAGE;
/**
 * Also ranked: the newest this many matches with a query word in the title that are older than every
 * candidate (the title tier), from the oldest candidate's month back TITLE_MONTHS months.
 */
export const TITLE_CANDIDATES = 200;
/** How far back from the oldest candidate the title tier looks, in months. */
const TITLE_MONTHS = 24;

/** What a search statement needs besides the input: the compiled query and the index's month range. */
export interface PreparedSearch {
  q: SQL | null;
  /** the tsquery as PostgreSQL prints it, or null for an empty query */
  text: string | null;
  /** the relaxed tsquery as PostgreSQL prints it (what the bucketed vector is asked) */
  relaxed: string | null;
  /** the newest and oldest month of the index (null when it has no dated documents) */
  top: Month | null;
  bottom: Month | null;
  /** filter values in the database's lower case, as the public vector holds them */
  region: string | null;
  cluster: string | null;
  /** the bodies a party sits in (partyId filter) */
  partyBodies: number[] | null;
}

/**
 * Reads what the statement needs from the database in one round trip, and sets the planner for the
 * rest of the transaction: no sequential scans (the month-bucketed GIN scans are always cheaper, but
 * PostgreSQL cannot estimate an OR of bucketed lexemes and would read the table), no JIT (compiling costs
 * more than these bounded statements take), no parallel workers (starting two cost 35–50 ms here, more
 * than a whole stage: a case number's last stage took 49 ms with them, 5 ms without). Outside a
 * transaction the settings do nothing.
 */
export async function prepareSearch(
  db: DbOrTx,
  input: SearchInput,
  { q, relaxed }: { q: SQL | null; relaxed: SQL | null },
): Promise<PreparedSearch> {
  const [row] = rowsOf<{
    text: string | null;
    relaxed: string | null;
    top: string | Date | null;
    bottom: string | Date | null;
    region: string | null;
    cluster: string | null;
    party_bodies: number[] | null;
  }>(
    await db.execute(sql`select set_config('enable_seqscan', 'off', true) as s1, set_config('jit', 'off', true) as s2,
      set_config('max_parallel_workers_per_gather', '0', true) as s3,
      ${q === null ? sql`null::text` : sql`(${q})::text`} as text,
      ${relaxed === null ? sql`null::text` : sql`(${relaxed})::text`} as relaxed,
      (select max(date) from search_documents) as top, (select min(date) from search_documents) as bottom,
      lower(${input.region ?? null}::text) as region, lower(${input.cluster ?? null}::text) as cluster,
      ${
        input.partyId === undefined
          ? sql`null::json`
          : sql`(select coalesce(json_agg(distinct body_id), '[]'::json) from memberships where party_id = ${input.partyId})`
      } as party_bodies`),
  );
  const month = (v: string | Date | null | undefined) => (v ? monthOf(new Date(v)) : null);
  return {
    q,
    text: row?.text ?? null,
    relaxed: row?.relaxed ?? null,
    top: month(row?.top),
    bottom: month(row?.bottom),
    region: row?.region ?? null,
    cluster: row?.cluster ?? null,
    partyBodies: row?.party_bodies ?? null,
  };
}

/** Is this reader the public as far as search goes (no body's closed material, not an admin)? */
function readsAsPublic(actor: Actor): boolean {
  return !isPrivileged(actor) && actor.roles.size === 0;
}

/** A candidate: what ranking, date order and facets need of a match. */
interface Candidate {
  id: number;
  source: string;
  body_id: number | null;
  /** seconds since 1970, or null for bodies and persons */
  ts: number | null;
  item_kind: string | null;
  /** only where the reader may see the minutes */
  outcome: string | null;
  minutes: boolean;
  score: number;
}

function candidateColumns(actor: Actor, q: SQL | null): SQL {
  const r = readerOf(actor);
  return sql`d.id, d.source, d.body_id, extract(epoch from d.date)::float8 as ts,
    d.item_kind,
    ${r.minutes} as minutes, case when ${r.minutes} then d.outcome end as outcome,
    ${scoreExpression(q)}::float8 as score`;
}

/**
 * One stage of the public's search: the newest `limit` matches in these months (one GIN scan a month);
 * `before`: only matches older than this candidate.
 */
type Stage = (buckets: string[], title: boolean, limit: number, before?: Candidate) => SQL;

/**
 * The public's search over the month-bucketed public vector (buckets.ts): statements for the undated
 * documents and for a stage of months, each a few GIN scans and a sort of what they found. Filters are
 * tokens in the vector, visibility is built in: no heap row is read that is not a candidate.
 */
function publicStatements(p: PreparedSearch, input: SearchInput, columns: SQL) {
  const tokens: FilterTokens = { all: [] };
  if (input.kind !== undefined) {
    tokens.all.push([`k:${input.kind}`]);
  }
  if (input.outcome !== undefined) {
    tokens.all.push([`o:${input.outcome}`]);
  }
  if (input.type !== undefined && input.type.length > 0) {
    tokens.all.push(input.type.map((t) => `t:${t}`));
  }
  if (p.region !== null) {
    tokens.all.push([`r:${p.region}`]);
  }
  if (p.cluster !== null) {
    tokens.all.push([`c:${p.cluster}`]);
  }
  // Persons sit in bodies through memberships, which the vector does not hold: their own statement.
  let persons: SQL | null = null;
  const personParts: BucketQueryParts = { text: p.relaxed, filters: { all: [...tokens.all] } };
  if (input.bodyId !== undefined) {
    const ids = filterBodyIds(input);
    tokens.all.push(ids.map((b) => `b:${b}`));
    persons = sql`select person_id from memberships where body_id = any(${intArray(ids)})`;
  }
  if (input.partyId !== undefined) {
    const bodies = p.partyBodies ?? [];
    tokens.all.push(bodies.length > 0 ? bodies.map((b) => `b:${b}`) : ["b:none"]);
    persons = sql`select person_id from memberships where party_id = ${input.partyId}`;
  }
  // Conditions on the candidates' rows, applied after the GIN scans (outside the offset 0 fence below),
  // so that PostgreSQL never drives a stage by the date index or the full vector's index instead.
  const quals: SQL[] = [];
  if (input.from !== undefined) {
    quals.push(
      sql`s.ts >= extract(epoch from (${input.from}::date)::timestamp at time zone 'Europe/Copenhagen')`,
    );
  }
  if (input.to !== undefined) {
    quals.push(
      sql`s.ts < extract(epoch from (${input.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen')`,
    );
  }
  // The public vector has no positions: phrases are checked on the text the public may see.
  const phrase =
    p.q !== null && p.text !== null && hasPhrase(p.text)
      ? sql`case when d.public_full then d.tsv @@ (${p.q}) else coalesce(d.tsv_agenda @@ (${p.q}), false) end`
      : null;
  const parts: BucketQueryParts = { text: p.relaxed, filters: tokens };
  const where = (match: SQL, extra: SQL[] = []) =>
    sql.join([match, ...extra, ...(phrase ? [phrase] : [])], sql` and `);
  const outer = (before?: Candidate) => {
    const all =
      before?.ts !== null && before?.ts !== undefined
        ? [...quals, sql`(s.ts < ${before.ts} or (s.ts = ${before.ts} and s.id < ${before.id}))`]
        : quals;
    return all.length > 0 ? sql`where ${sql.join(all, sql` and `)}` : sql``;
  };
  const undated: SQL[] = [];
  if (input.from === undefined && input.to === undefined) {
    undated.push(
      sql`select ${columns} from search_documents d
        where ${where(sql`d.tsv_pub @@ ${bucketTsQuery(parts, UNDATED)}::tsquery`, [sql`d.date is null`])}`,
    );
    if (persons !== null) {
      undated.push(
        sql`select ${columns} from search_documents d
          where ${where(sql`d.tsv_pub @@ ${bucketTsQuery(personParts, UNDATED)}::tsquery`, [
            sql`d.date is null and d.source = 'person' and d.source_id in (${persons})`,
          ])}`,
      );
    }
  }
  let top = p.top;
  let bottom = p.bottom;
  if (input.to !== undefined && top !== null) {
    top = Math.min(top, monthOf(new Date(Date.parse(`${input.to}T00:00:00Z`) + 2 * 86_400_000)));
  }
  if (input.from !== undefined && bottom !== null) {
    bottom = Math.max(bottom, monthOf(new Date(Date.parse(`${input.from}T00:00:00Z`) - 86_400_000)));
  }
  // One GIN scan per month (a BitmapOr of them): each scan's tsquery is then an AND of its words and
  // filters, so GIN's fast scan can let the rarest entry drive and skip through the frequent ones; with
  // twelve months in one scan no entry is required and every posting list is read whole (the 50 bench
  // queries' SQL p95 at 1 M: 45–49 ms with a year a scan, 38–41 ms with a month; docs/search.md).
  const stage: Stage = (buckets, title, limit, before) => {
    const scans: SQL[] = [];
    for (const bucket of buckets) {
      scans.push(sql`d.tsv_pub @@ ${bucketTsQuery({ ...parts, title }, bucket)}::tsquery`);
    }
    // offset 0: the GIN scans, then the sort; never an index scan by date that filters row by row.
    return sql`select * from (select ${columns} from search_documents d
      where ${where(sql`(${sql.join(scans, sql` or `)})`)} offset 0) s ${outer(before)} order by s.ts desc, s.id desc limit ${limit}`;
  };
  return {
    undated: undated.length > 0 ? sql.join(undated, sql` union all `) : null,
    stages: top !== null && bottom !== null ? stages(top, bottom) : [],
    bottom,
    stage,
  };
}

/** Runs the public's stages newest first until `limit` matches are found; also says how many it ran. */
async function runStages(
  tx: DbOrTx,
  months: string[][],
  stage: Stage,
  title: boolean,
  limit: number,
  before?: Candidate,
): Promise<{ rows: Candidate[]; ran: number }> {
  const rows: Candidate[] = [];
  let ran = 0;
  for (const buckets of months) {
    if (rows.length >= limit) {
      break;
    }
    rows.push(...rowsOf<Candidate>(await tx.execute(stage(buckets, title, limit - rows.length, before))));
    ran++;
  }
  return { rows, ran };
}

/**
 * The newest CANDIDATES matches (undated first), and for the public the title tier: the newest
 * TITLE_CANDIDATES matches with a query word in the title, so that a strong older match is ranked too.
 * Members of bodies and admins also match closed and unpublished material of their bodies, which the
 * public vector does not hold: one statement over the full vectors with visibility per row (its cost
 * grows with the matches; docs/search.md).
 */
async function findCandidates(
  tx: DbOrTx,
  actor: Actor,
  p: PreparedSearch,
  input: SearchInput,
): Promise<{ candidates: Candidate[]; titles: Candidate[] }> {
  const columns = candidateColumns(actor, p.q);
  if (!readsAsPublic(actor)) {
    const r = readerOf(actor);
    const filters = filterConditions(r, input);
    const branches = matchBranches(r, p.q).map(
      (match) =>
        sql`select ${columns} from search_documents d where ${sql.join([match, ...filters], sql` and `)}`,
    );
    const candidates = rowsOf<Candidate>(
      await tx.execute(sql`select * from (${sql.join(branches, sql` union all `)}) x
        order by x.ts desc nulls first, x.id desc limit ${CANDIDATES}`),
    );
    return { candidates, titles: [] };
  }
  const s = publicStatements(p, input, columns);
  const [first, ...rest] = s.stages;
  // One round trip for the undated documents and the newest stage, which answers most broad queries;
  // each later stage is asked only when still needed.
  const opening = [...(s.undated ? [s.undated] : []), ...(first ? [s.stage(first, false, CANDIDATES)] : [])];
  const rows =
    opening.length > 0
      ? rowsOf<Candidate>(
          await tx.execute(
            sql.join(
              opening.map((o) => sql`select * from (${o}) x`),
              sql` union all `,
            ),
          ),
        )
      : [];
  const newest = (a: Candidate, b: Candidate) => (b.ts ?? 0) - (a.ts ?? 0) || b.id - a.id;
  const candidates: Candidate[] = [
    ...rows.filter((r) => r.ts === null),
    ...rows.filter((r) => r.ts !== null).sort(newest),
  ].slice(0, CANDIDATES);
  const later = await runStages(tx, rest, s.stage, false, CANDIDATES - candidates.length);
  candidates.push(...later.rows);
  let titles: Candidate[] = [];
  const oldest = candidates.at(-1);
  if (p.text !== null && candidates.length >= CANDIDATES && oldest?.ts !== null && oldest !== undefined) {
    // Every match newer than the oldest candidate is a candidate already: the title tier looks at what is
    // older, from that candidate's month back two years (where recency has halved the score), in
    // stages of 1, 2, 4 … months: a statement's bitmap reads every title match of its months.
    const from = monthOf(new Date(oldest.ts * 1000));
    const months: string[] = [];
    for (let m = from; m > from - TITLE_MONTHS && m >= (s.bottom ?? from); m--) {
      months.push(bucketName(m));
    }
    const reach: string[][] = [];
    for (let i = 0, size = 1; i < months.length; i += size, size *= 2) {
      reach.push(months.slice(i, i + size));
    }
    titles = (await runStages(tx, reach, s.stage, true, TITLE_CANDIDATES, oldest)).rows;
  }
  return { candidates, titles };
}

/**
 * The year in Danish time of a moment (seconds since 1970). New Year falls in winter time, always UTC+1,
 * so the UTC year an hour later is exact — and costs nothing, where the time zone in SQL cost 1.3 ms a
 * search at 1,200 candidates.
 */
export function danishYear(ts: number): number {
  return new Date((ts + 3600) * 1000).getUTCFullYear();
}

/** Facet counts over the candidates (the newest CANDIDATES matches). */
function facetCounts(candidates: Candidate[]): Row["facets"] {
  const count = (facet: keyof SearchResult["facets"], values: (string | null)[]) => {
    const m = new Map<string, number>();
    for (const v of values) {
      if (v !== null) {
        m.set(v, (m.get(v) ?? 0) + 1);
      }
    }
    return [...m].map(([value, n]) => ({ facet, value, count: n }));
  };
  const bodies = count(
    "body",
    candidates.map((c) =>
      c.body_id !== null && (c.source === "item" || c.source === "attachment") ? String(c.body_id) : null,
    ),
  )
    .sort((a, b) => b.count - a.count || Number(a.value) - Number(b.value))
    .slice(0, 30);
  return [
    ...bodies,
    ...count(
      "year",
      candidates.map((c) => (c.ts === null ? null : String(danishYear(c.ts)))),
    ),
    ...count(
      "kind",
      candidates.map((c) => (c.source === "item" ? c.item_kind : null)),
    ),
    ...count(
      "outcome",
      candidates.map((c) => c.outcome),
    ),
    ...count(
      "type",
      candidates.map((c) => c.source),
    ),
  ];
}

/** Snippets, titles and body names for the page's hits, in the page's order; names of the facets' bodies. */
function pageStatement(q: SQL | null, page: Candidate[], facetBodies: number[]): SQL {
  const rows = JSON.stringify(page.map((c, i) => ({ ord: i, id: c.id, minutes: c.minutes, score: c.score })));
  return sql`
    select (select coalesce(json_agg(x order by x.ord), '[]'::json) from (
      select h.ord, d.id, d.source, d.source_id as "sourceId", d.item_id as "itemId", d.meeting_id as "meetingId",
        d.body_id as "bodyId", b.name as "bodyName", d.item_number as "itemNumber", d.date, d.item_kind as kind,
        case when h.minutes then d.outcome end as outcome, d.title, h.score, ${snippetExpression(q)} as snippet
      from jsonb_to_recordset(${rows}::jsonb) as h(ord int, id int, minutes boolean, score float8)
      join search_documents d on d.id = h.id
      left join bodies b on b.id = d.body_id
      left join agenda_items i on d.source = 'item' and i.id = d.source_id
      left join attachments a on d.source = 'attachment' and a.id = d.source_id
      left join file_texts ft on ft.sha256 = a.sha256) x) as hits,
    (select coalesce(json_agg(json_build_object('id', b.id, 'name', b.name)), '[]'::json) from bodies b
      where b.id = any(${intArray(facetBodies)})) as bodies`;
}

/** ts_headline over the text the reader may see: no decision without visible minutes, no closed files. */
function snippetExpression(q: SQL | null): SQL {
  if (q === null) {
    return sql`null::text`;
  }
  return sql`case
    when d.source = 'item' then ts_headline('danish', concat_ws(E'\n', i.sections->>'summary',
        case when h.minutes then i.decision_text end,
        search_item_other_text(i.sections, i.other_sections, i.recommendations, i.case_numbers)),
      ${q}, ${HEADLINE})
    when d.source = 'attachment' then ts_headline('danish', left(ft.text, 20000), ${q}, ${HEADLINE})
  end`;
}

export interface Row {
  total: number;
  hits: (Omit<SearchHit, "url" | "snippet" | "date"> & {
    snippet: string | null;
    date: string | Date | null;
  })[];
  facets: { facet: keyof SearchResult["facets"]; value: string; count: number }[];
  /** names of the bodies in the body facet */
  bodies: { id: number; name: string }[];
}

/**
 * A search's database work: compile (expansions cached per database), then in one transaction the
 * prepare round trip, the stages until CANDIDATES matches are found (and the title tier), and the page's
 * snippets. Ranking, date order, paging and facets over the candidates happen here, in memory.
 */
export async function searchRow(db: DbOrTx, actor: Actor, asked: SearchInput): Promise<Row> {
  const input =
    asked.withPredecessors && asked.bodyId !== undefined
      ? { ...asked, predecessorIds: await predecessorBodyIds(db, asked.bodyId) }
      : asked;
  const compiled = await compileQueries(db, input.q);
  const q = compiled.q;
  const perPage = Math.min(input.perPage ?? 20, MAX_PER_PAGE);
  const offset = ((input.page ?? 1) - 1) * perPage;
  return db.transaction(async (tx) => {
    const prepared = await prepareSearch(tx, input, compiled);
    const { candidates, titles } = await findCandidates(tx, actor, prepared, input);
    const byDate = input.sort === "date" || q === null;
    const seen = new Set(candidates.map((c) => c.id));
    const ranked = byDate ? [...candidates] : [...candidates, ...titles.filter((t) => !seen.has(t.id))];
    const newer = (a: Candidate, b: Candidate) =>
      (b.ts ?? Number.NEGATIVE_INFINITY) - (a.ts ?? Number.NEGATIVE_INFINITY) || b.id - a.id;
    ranked.sort(byDate ? newer : (a, b) => b.score - a.score || newer(a, b));
    const page = ranked.slice(offset, offset + perPage);
    const facets = facetCounts(candidates);
    const facetBodies = facets.filter((f) => f.facet === "body").map((f) => Number(f.value));
    const [answer] =
      page.length > 0 || facetBodies.length > 0
        ? rowsOf<Pick<Row, "hits" | "bodies">>(await tx.execute(pageStatement(q, page, facetBodies)))
        : [];
    return { total: candidates.length, hits: answer?.hits ?? [], facets, bodies: answer?.bodies ?? [] };
  });
}

/** Searches what the reader may see; see docs/search.md. */
export async function search(ctx: Ctx, input: SearchInput): Promise<SearchResult> {
  const perPage = Math.min(input.perPage ?? 20, MAX_PER_PAGE);
  const page = input.page ?? 1;
  if ((page - 1) * perPage > MAX_OFFSET) {
    throw new AppError("validation_failed", `Der kan højst bladres ${MAX_OFFSET} resultater frem.`, [
      { path: "page", message: `Højst side ${Math.floor(MAX_OFFSET / perPage) + 1}.` },
    ]);
  }
  const result = await searchRow(ctx.db, ctx.actor, input);
  const facets: SearchResult["facets"] = { body: [], year: [], kind: [], outcome: [], type: [] };
  for (const f of result.facets) {
    facets[f.facet].push({ value: f.value, label: facetLabel(f.facet, f.value), count: f.count });
  }
  const names = new Map(result.bodies.map((b) => [String(b.id), b.name]));
  for (const f of facets.body) {
    f.label = names.get(f.value) ?? f.value;
  }
  facets.body.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "da"));
  facets.year.sort((a, b) => Number(b.value) - Number(a.value));
  for (const list of [facets.kind, facets.outcome, facets.type]) {
    list.sort((a, b) => b.count - a.count);
  }
  return {
    total: result.total,
    totalExact: result.total < CANDIDATES,
    page,
    perPage,
    hits: result.hits.map((h) => ({
      ...h,
      date: h.date ? new Date(h.date).toISOString() : null,
      url: hitUrl(h),
      snippet: h.snippet ? snippetHtml(h.snippet) : null,
    })),
    facets,
  };
}
