import { and, asc, eq, gt, gte, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import { deletedObjects } from "./oparl.tables.ts";

/** The filters every OParl list takes, plus our keyset cursor and page size. */
export interface ListQuery {
  createdSince?: Date | undefined;
  createdUntil?: Date | undefined;
  modifiedSince?: Date | undefined;
  modifiedUntil?: Date | undefined;
  after: number;
  limit: number;
}

/** created_since / created_until / modified_since / modified_until as SQL on a table's meta columns. */
export function timeConditions(
  q: ListQuery,
  created: PgColumn,
  modified: PgColumn | SQL,
): (SQL | undefined)[] {
  return [
    q.createdSince ? gte(created, q.createdSince) : undefined,
    q.createdUntil ? lte(created, q.createdUntil) : undefined,
    q.modifiedSince ? sql`${modified} >= ${q.modifiedSince.toISOString()}::timestamptz` : undefined,
    q.modifiedUntil ? sql`${modified} <= ${q.modifiedUntil.toISOString()}::timestamptz` : undefined,
  ];
}

/** `region = X`, or no region for the shared OParl body. */
export function regionIs(column: PgColumn, region: string | null): SQL {
  return region === null ? isNull(column) : eq(column, region);
}

export interface Tombstone {
  id: number;
  deletedAt: Date;
  /** the row's creation time; null on tombstones older than the column */
  createdAt: Date | null;
}

/** The filters on objects made in memory (derived objects: bodies, locations, legislative terms). */
export function matchesTimes(q: ListQuery, created: Date, modified: Date): boolean {
  return (
    (!q.createdSince || created >= q.createdSince) &&
    (!q.createdUntil || created <= q.createdUntil) &&
    (!q.modifiedSince || modified >= q.modifiedSince) &&
    (!q.modifiedUntil || modified <= q.modifiedUntil)
  );
}

/** Deleted rows of a table, asked for only when the client gives modified_since (as OParl specifies). */
export async function tombstones(db: DbOrTx, table: string, q: ListQuery): Promise<Tombstone[]> {
  if (!q.modifiedSince) {
    return [];
  }
  const rows = await db
    .select({
      id: deletedObjects.rowId,
      deletedAt: deletedObjects.deletedAt,
      createdAt: deletedObjects.createdAt,
    })
    .from(deletedObjects)
    .where(
      and(
        eq(deletedObjects.tableName, table),
        gte(deletedObjects.deletedAt, q.modifiedSince),
        q.modifiedUntil ? lte(deletedObjects.deletedAt, q.modifiedUntil) : undefined,
        q.createdSince ? gte(deletedObjects.createdAt, q.createdSince) : undefined,
        q.createdUntil ? lte(deletedObjects.createdAt, q.createdUntil) : undefined,
        gt(deletedObjects.rowId, q.after),
      ),
    )
    .orderBy(asc(deletedObjects.rowId))
    .limit(q.limit + 1);
  return rows;
}

/**
 * Merges live rows and tombstones (both ordered by id, ids unique per table) into one page.
 * Returns the page and the cursor for the next one.
 */
export function mergePage<T extends { id: number }>(
  live: T[],
  dead: Tombstone[],
  limit: number,
): { entries: Array<{ live: T } | { dead: Tombstone }>; next: number | null } {
  const all: Array<{ id: number; entry: { live: T } | { dead: Tombstone } }> = [
    ...live.map((r) => ({ id: r.id, entry: { live: r } })),
    ...dead.map((d) => ({ id: d.id, entry: { dead: d } })),
  ].sort((a, b) => a.id - b.id);
  const page = all.slice(0, limit);
  return {
    entries: page.map((p) => p.entry),
    next: all.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
