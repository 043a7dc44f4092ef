import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import type { Actor } from "../auth/actor.ts";
import { isPrivileged } from "../auth/index.ts";
import {
  bucketsTsQuery,
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
  filterConditions,
  matchBranches,
  readerOf,
  type SearchFilters,
  scoreExpression,
} from "./search.sql.ts";
import { rowsOf } from "./sql.ts";
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
  /** the number of matches, at most COUNT_CAP */
  total: number;
  /** false: there are more than `total` (COUNT_CAP) matches */
  totalExact: boolean;
  /** how many of the newest matches ranking, sorting and facets considered (all of them when ≤ CANDIDATES) */
  considered: number;
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
  const parsed = parseOrThrow(q);
  if (isEmptyQuery(parsed)) {
    return null;
  }
  const [included, excluded] = await Promise.all([
    expandWords(db, parsed.words),
    expandWords(db, parsed.excludedWords),
  ]);
  // An excluded word excludes itself, not its compounds.
  return buildTsQuery(
    parsed,
    included,
    excluded.map((e) => ({ ...e, alternatives: [] })),
  );
}

/** Ranking, sorting by date and facets consider the newest this many matches (all pages of 50). */
export const CANDIDATES = MAX_OFFSET + MAX_PER_PAGE;
/** Also ranked: the newest this many matches with a query word in the title (the title tier). */
export const TITLE_CANDIDATES = 200;
/** Counted exactly up to this many matches; beyond, the total says "over 10.000". */
export const COUNT_CAP = 10_000;

/** What a search statement needs besides the input: the compiled query and the index's month range. */
export interface PreparedSearch {
  q: SQL | null;
  /** the tsquery as PostgreSQL prints it, or null for an empty query */
  text: string | null;
  /** the newest and oldest month of the index (null when it has no dated documents) */
  top: Month | null;
  bottom: Month | null;
  /** filter values in the database's lower case, as the public vector holds them */
  region: string | null;
  cluster: string | null;
  /** the bodies a party sits in (partyId filter) */
  partyBodies: number[] | null;
}

/** Compiles the query and reads what the statement needs from the database, in one round trip. */
export async function prepareSearch(db: DbOrTx, input: SearchInput): Promise<PreparedSearch> {
  const q = await compileQuery(db, input.q);
  const [row] = rowsOf<{
    text: string | null;
    top: string | Date | null;
    bottom: string | Date | null;
    region: string | null;
    cluster: string | null;
    party_bodies: number[] | null;
  }>(
    await db.execute(sql`select ${q === null ? sql`null::text` : sql`(${q})::text`} as text,
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

interface Parts {
  /** the newest CANDIDATES matches, undated first */
  candidates: SQL;
  /** the title tier: up to TITLE_CANDIDATES more to rank */
  titles: SQL | null;
  /** the number of matches, counted up to COUNT_CAP + 1 */
  counted: SQL;
}

/**
 * The public's search: month stages over the public vector (buckets.ts). Each stage is one GIN scan of
 * a few months; the stages run newest first and stop at CANDIDATES rows (and the count at COUNT_CAP),
 * so a query that matches half the corpus reads as few rows as one that matches a thousand.
 */
function publicParts(p: PreparedSearch, input: SearchInput, columns: SQL): Parts {
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
  // Persons sit in bodies through memberships, which the vector does not hold: their own branch.
  let persons: SQL | null = null;
  const personTokens: FilterTokens = { all: [...tokens.all] };
  if (input.bodyId !== undefined) {
    tokens.all.push([`b:${input.bodyId}`]);
    persons = sql`select person_id from memberships where body_id = ${input.bodyId}`;
  }
  if (input.partyId !== undefined) {
    const bodies = p.partyBodies ?? [];
    tokens.all.push(bodies.length > 0 ? bodies.map((b) => `b:${b}`) : ["b:none"]);
    persons = sql`select person_id from memberships where party_id = ${input.partyId}`;
  }
  const dated = input.from !== undefined || input.to !== undefined;
  const quals: SQL[] = [];
  if (input.from !== undefined) {
    quals.push(sql`d.date >= (${input.from}::date)::timestamp at time zone 'Europe/Copenhagen'`);
  }
  if (input.to !== undefined) {
    quals.push(sql`d.date < (${input.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen'`);
  }
  if (p.q !== null && p.text !== null && hasPhrase(p.text)) {
    // The public vector has no positions: check phrases on the text the public may see.
    quals.push(
      sql`((d.public_full and d.tsv @@ (${p.q})) or (not d.public_full and d.tsv_agenda @@ (${p.q})))`,
    );
  }
  const where = (tsquery: string, extra: SQL[] = []) =>
    sql.join([sql`d.tsv_pub @@ ${tsquery}::tsquery`, ...extra, ...quals], sql` and `);
  const parts = { text: p.text, filters: tokens };
  const undated: { select: (what: SQL) => SQL }[] = [];
  if (!dated) {
    undated.push({
      select: (what) =>
        sql`select ${what} from search_documents d where ${where(bucketTsQuery(parts, UNDATED), [sql`d.date is null`])}`,
    });
    if (persons !== null) {
      const personParts = { text: p.text, filters: personTokens };
      const members = persons;
      undated.push({
        select: (what) =>
          sql`select ${what} from search_documents d where ${where(bucketTsQuery(personParts, UNDATED), [
            sql`d.date is null and d.source = 'person' and d.source_id in (${members})`,
          ])}`,
      });
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
  const months = top !== null && bottom !== null ? stages(top, bottom) : [];
  const stageSelects = (what: SQL, title: boolean, limit: number | null) =>
    months.map((buckets) => {
      const s = sql`select ${what} from search_documents d where ${where(bucketsTsQuery({ ...parts, title }, buckets))}`;
      return limit === null ? s : sql`(${s} order by d.date desc, d.id desc limit ${limit})`;
    });
  const none = sql`select ${columns} from search_documents d where false`;
  const union = (list: SQL[], empty: SQL) => (list.length > 0 ? sql.join(list, sql` union all `) : empty);
  const candidates = sql`select * from (${union(
    [...undated.map((u) => u.select(columns)), ...stageSelects(columns, false, CANDIDATES)],
    none,
  )}) x limit ${CANDIDATES}`;
  const titles =
    p.text === null || months.length === 0
      ? null
      : sql`select * from (${union(stageSelects(columns, true, TITLE_CANDIDATES), none)}) x limit ${TITLE_CANDIDATES}`;
  const counted = sql`select count(*)::int from (${union(
    [...undated.map((u) => u.select(sql``)), ...stageSelects(sql``, false, null)],
    sql`select from search_documents d where false`,
  )} limit ${COUNT_CAP + 1}) x`;
  return { candidates, titles, counted };
}

/**
 * Members of bodies and admins also match closed and unpublished material of their bodies, which the
 * public vector does not hold: the full vectors with visibility per row (slower at a million items;
 * docs/search.md), with the same limits.
 */
function memberParts(actor: Actor, p: PreparedSearch, input: SearchInput, columns: SQL): Parts {
  const r = readerOf(actor);
  const filters = filterConditions(r, input);
  const branches = (what: SQL) =>
    matchBranches(r, p.q).map(
      (match) =>
        sql`select ${what} from search_documents d where ${sql.join([match, ...filters], sql` and `)}`,
    );
  return {
    candidates: sql`select * from (${sql.join(branches(columns), sql` union all `)}) x
      order by x.date desc nulls first, x.id desc limit ${CANDIDATES}`,
    titles: null,
    counted: sql`select count(*)::int from (${sql.join(branches(sql``), sql` union all `)} limit ${COUNT_CAP + 1}) x`,
  };
}

/**
 * The one SQL statement of a search: the newest CANDIDATES matches (and the title tier) ranked, with
 * snippets for the page, facets over those candidates and the total counted up to COUNT_CAP + 1.
 */
export function searchStatement(actor: Actor, p: PreparedSearch, input: SearchInput): SQL {
  const r = readerOf(actor);
  const perPage = Math.min(input.perPage ?? 20, MAX_PER_PAGE);
  const offset = ((input.page ?? 1) - 1) * perPage;
  const columns = sql`d.id, d.source, d.source_id, d.item_id, d.meeting_id, d.body_id, d.item_number, d.date,
        d.item_kind, ${r.minutes} as minutes, case when ${r.minutes} then d.outcome end as outcome,
        ${scoreExpression(p.q)} as score`;
  const parts = readsAsPublic(actor) ? publicParts(p, input, columns) : memberParts(actor, p, input, columns);
  const byDate = input.sort === "date" || p.q === null;
  const order = byDate
    ? sql`h.date desc nulls last, h.id desc`
    : sql`h.score desc, h.date desc nulls last, h.id desc`;
  return sql`
    with c as materialized (${parts.candidates}),
    t as materialized (${parts.titles ?? sql`select * from c where false`}),
    m as (select * from c union all select * from t where t.id not in (select id from c)),
    page as (select * from ${byDate ? sql`c` : sql`m`} h order by ${order} limit ${perPage} offset ${offset})
    select
      (${parts.counted}) as total,
      (select count(*)::int from c) as considered,
      (select coalesce(json_agg(x order by x.ord), '[]'::json) from (
        select row_number() over (order by ${order}) as ord, h.id, h.source, h.source_id as "sourceId",
          h.item_id as "itemId", h.meeting_id as "meetingId", h.body_id as "bodyId", b.name as "bodyName",
          h.item_number as "itemNumber", h.date, h.item_kind as kind, h.outcome, sd.title, h.score,
          ${snippetExpression(p.q)} as snippet
        from page h
        join search_documents sd on sd.id = h.id
        left join bodies b on b.id = h.body_id
        left join agenda_items i on h.source = 'item' and i.id = h.source_id
        left join attachments a on h.source = 'attachment' and a.id = h.source_id
        left join file_texts ft on ft.sha256 = a.sha256
      ) x) as hits,
      (select coalesce(json_agg(f), '[]'::json) from (
        select * from (
          select 'body' as facet, c.body_id::text as value, count(*)::int as count from c
          where c.body_id is not null and c.source in ('item', 'attachment') group by c.body_id
          order by count desc limit 30) fb
        union all
        select 'year', extract(year from c.date at time zone 'Europe/Copenhagen')::int::text, count(*)::int
          from c where c.date is not null group by 2
        union all
        select 'kind', c.item_kind, count(*)::int from c where c.item_kind is not null and c.source = 'item' group by 2
        union all
        select 'outcome', c.outcome, count(*)::int from c where c.outcome is not null group by 2
        union all
        select 'type', c.source, count(*)::int from c group by 2
      ) f) as facets`;
}

/** ts_headline over the text the reader may see: no decision without visible minutes, no closed files. */
function snippetExpression(q: SQL | null): SQL {
  if (q === null) {
    return sql`null::text`;
  }
  return sql`case
    when h.source = 'item' then ts_headline('danish', concat_ws(E'\n', i.sections->>'summary',
        case when h.minutes then i.decision_text end,
        search_item_other_text(i.sections, i.other_sections, i.recommendations, i.case_numbers)),
      ${q}, ${HEADLINE})
    when h.source = 'attachment' then ts_headline('danish', left(ft.text, 20000), ${q}, ${HEADLINE})
  end`;
}

interface Row {
  total: number;
  considered: number;
  hits: (Omit<SearchHit, "url" | "snippet" | "date"> & { snippet: string | null; date: string | null })[];
  facets: { facet: keyof SearchResult["facets"]; value: string; count: number }[];
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
  const prepared = await prepareSearch(ctx.db, input);
  const [row] = rowsOf<Row>(await ctx.db.execute(searchStatement(ctx.actor, prepared, input)));
  const result = row as Row;
  const facets: SearchResult["facets"] = { body: [], year: [], kind: [], outcome: [], type: [] };
  for (const f of result.facets) {
    facets[f.facet].push({ value: f.value, label: facetLabel(f.facet, f.value), count: f.count });
  }
  await labelBodies(ctx.db, facets.body);
  facets.body.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "da"));
  facets.year.sort((a, b) => Number(b.value) - Number(a.value));
  for (const list of [facets.kind, facets.outcome, facets.type]) {
    list.sort((a, b) => b.count - a.count);
  }
  return {
    total: Math.min(result.total, COUNT_CAP),
    totalExact: result.total <= COUNT_CAP,
    considered: result.considered,
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

async function labelBodies(db: DbOrTx, list: Facet[]): Promise<void> {
  if (list.length === 0) {
    return;
  }
  const rows = rowsOf<{ id: number; name: string }>(
    await db.execute(
      sql`select id, name from bodies where id in (${sql.join(
        list.map((f) => sql`${Number(f.value)}`),
        sql`, `,
      )})`,
    ),
  );
  const names = new Map(rows.map((r) => [String(r.id), r.name]));
  for (const f of list) {
    f.label = names.get(f.value) ?? f.value;
  }
}
