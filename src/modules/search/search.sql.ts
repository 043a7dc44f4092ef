import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { isPrivileged } from "../auth/index.ts";
import { intArray, textArray } from "./sql.ts";

export const SOURCES = ["item", "attachment", "body", "person"] as const;
export type Source = (typeof SOURCES)[number];

export interface SearchFilters {
  bodyId?: number | undefined;
  region?: string | undefined;
  cluster?: string | undefined;
  partyId?: number | undefined;
  /** inclusive, YYYY-MM-DD in Danish time */
  from?: string | undefined;
  /** inclusive, YYYY-MM-DD in Danish time */
  to?: string | undefined;
  kind?: string | undefined;
  outcome?: string | undefined;
  type?: Source[] | undefined;
  /** with bodyId: also the bodies it succeeded ("med forgængere"); resolved into predecessorIds */
  withPredecessors?: boolean | undefined;
  predecessorIds?: number[] | undefined;
}

/** The bodies a body filter covers: the body itself and, when asked for, its predecessors. */
export function filterBodyIds(f: SearchFilters): number[] {
  return f.bodyId === undefined ? [] : [f.bodyId, ...(f.predecessorIds ?? [])];
}

/**
 * Who may see what of a search document, in SQL. `member` is true for the rows of the bodies whose
 * closed material the reader may read (all rows for an admin). Mirrors meetings/visibility.ts through
 * the columns the index triggers maintain: public_full (the public may see all of tsv), tsv_agenda
 * (the agenda without the decision, while only the agenda is public) and public_level.
 */
export function readerOf(actor: Actor) {
  const all = isPrivileged(actor);
  const bodies = [...actor.roles.keys()];
  const member: SQL = all
    ? sql`true`
    : bodies.length > 0
      ? sql`(d.body_id = any(${intArray(bodies)}))`
      : sql`false`;
  return {
    member,
    /** the reader may see the document's full text (decision included) */
    full: all ? sql`true` : sql`(d.public_full or ${member})`,
    /** the reader may see the document exists and its agenda text */
    visible: all ? sql`true` : sql`(d.public_level > 0 or ${member})`,
    /** the reader may see decisions and outcomes */
    minutes: all ? sql`true` : sql`(d.public_level = 2 or ${member})`,
  };
}

export type Reader = ReturnType<typeof readerOf>;

/**
 * Matching what the reader may see, as exclusive branches to be joined with UNION ALL: each branch is
 * one GIN index scan whose other conditions are cheap columns, so the big (out-of-line) tsvectors are
 * never read row by row.
 */
export function matchBranches(r: Reader, q: SQL | null): SQL[] {
  if (q === null) {
    return [r.visible];
  }
  return [sql`d.tsv @@ (${q}) and ${r.full}`, sql`d.tsv_agenda @@ (${q}) and not ${r.full}`];
}

/** Matching what the reader may see: full text where allowed, else the agenda-only vector. */
export function matchCondition(r: Reader, q: SQL | null): SQL {
  if (q === null) {
    return r.visible;
  }
  return sql`((d.tsv @@ (${q}) and ${r.full}) or d.tsv_agenda @@ (${q}))`;
}

/** The filters, each restricted to what the reader may see (an outcome only with visible minutes). */
export function filterConditions(r: Reader, f: SearchFilters): SQL[] {
  const out: SQL[] = [];
  if (f.bodyId !== undefined) {
    const ids = intArray(filterBodyIds(f));
    out.push(sql`(d.body_id = any(${ids}) or (d.source = 'person' and d.source_id in
      (select person_id from memberships where body_id = any(${ids}))))`);
  }
  if (f.region !== undefined) {
    out.push(sql`lower(d.region) = lower(${f.region})`);
  }
  if (f.cluster !== undefined) {
    out.push(sql`lower(d.cluster) = lower(${f.cluster})`);
  }
  if (f.partyId !== undefined) {
    out.push(sql`(d.body_id in (select body_id from memberships where party_id = ${f.partyId})
      or (d.source = 'person' and d.source_id in (select person_id from memberships where party_id = ${f.partyId})))`);
  }
  if (f.from !== undefined) {
    out.push(sql`d.date >= (${f.from}::date)::timestamp at time zone 'Europe/Copenhagen'`);
  }
  if (f.to !== undefined) {
    out.push(sql`d.date < (${f.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen'`);
  }
  if (f.kind !== undefined) {
    out.push(sql`d.item_kind = ${f.kind}`);
  }
  if (f.outcome !== undefined) {
    out.push(sql`(d.outcome = ${f.outcome} and ${r.minutes})`);
  }
  if (f.type !== undefined && f.type.length > 0) {
    out.push(sql`d.source = any(${textArray(f.type)})`);
  }
  return out;
}

/** Relevance (title > decision > summary > other text) times recency (half weight at two years). */
export function scoreExpression(q: SQL | null): SQL {
  const recency = sql`(1.0 / (1.0 + greatest(0, extract(epoch from (now() - coalesce(d.date, now()))) / 86400.0 / 730.0)))`;
  if (q === null) {
    return recency;
  }
  // tsv_rank holds title, decision (only where the public may see it, or in member-only rows) and the
  // start of the summary; a match elsewhere in the text gets the base score.
  return sql`((ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv_rank, ${q}) + 0.01) * ${recency})`;
}
