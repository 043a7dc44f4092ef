import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import type { Actor } from "../auth/actor.ts";
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
  total: number;
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

/** The one SQL statement of a search: hits with snippets, total and facets from one scan. */
export function searchStatement(actor: Actor, q: SQL | null, input: SearchInput): SQL {
  const r = readerOf(actor);
  const perPage = Math.min(input.perPage ?? 20, MAX_PER_PAGE);
  const offset = ((input.page ?? 1) - 1) * perPage;
  const filters = filterConditions(r, input);
  const columns = sql`d.id, d.source, d.source_id, d.item_id, d.meeting_id, d.body_id, d.item_number, d.date,
        d.item_kind, ${r.minutes} as minutes, case when ${r.minutes} then d.outcome end as outcome,
        ${scoreExpression(q)} as score`;
  const branches = matchBranches(r, q).map(
    (match) =>
      sql`select ${columns} from search_documents d where ${sql.join([match, ...filters], sql` and `)}`,
  );
  const order =
    input.sort === "date" || q === null
      ? sql`h.date desc nulls last, h.id desc`
      : sql`h.score desc, h.date desc nulls last, h.id desc`;
  return sql`
    with m as materialized (${sql.join(branches, sql` union all `)}),
    page as (select * from m h order by ${order} limit ${perPage} offset ${offset})
    select
      (select count(*)::int from m) as total,
      (select coalesce(json_agg(x order by x.ord), '[]'::json) from (
        select row_number() over (order by ${order}) as ord, h.id, h.source, h.source_id as "sourceId",
          h.item_id as "itemId", h.meeting_id as "meetingId", h.body_id as "bodyId", b.name as "bodyName",
          h.item_number as "itemNumber", h.date, h.item_kind as kind, h.outcome, sd.title, h.score,
          ${snippetExpression(q)} as snippet
        from page h
        join search_documents sd on sd.id = h.id
        left join bodies b on b.id = h.body_id
        left join agenda_items i on h.source = 'item' and i.id = h.source_id
        left join attachments a on h.source = 'attachment' and a.id = h.source_id
        left join file_texts ft on ft.sha256 = a.sha256
      ) x) as hits,
      (select coalesce(json_agg(f), '[]'::json) from (
        select * from (
          select 'body' as facet, m.body_id::text as value, count(*)::int as count from m
          where m.body_id is not null and m.source in ('item', 'attachment') group by m.body_id
          order by count desc limit 30) fb
        union all
        select 'year', extract(year from m.date at time zone 'Europe/Copenhagen')::int::text, count(*)::int
          from m where m.date is not null group by 2
        union all
        select 'kind', m.item_kind, count(*)::int from m where m.item_kind is not null and m.source = 'item' group by 2
        union all
        select 'outcome', m.outcome, count(*)::int from m where m.outcome is not null group by 2
        union all
        select 'type', m.source, count(*)::int from m group by 2
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
  const q = await compileQuery(ctx.db, input.q);
  const [row] = rowsOf<Row>(await ctx.db.execute(searchStatement(ctx.actor, q, input)));
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
    total: result.total,
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
