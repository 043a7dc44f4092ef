import { and, asc, desc, eq, gt, lt, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { AppError, notFound, versionConflict } from "../server/errors.ts";
import type { DbOrTx } from "./client.ts";

/** A table with the columns every versioned row has. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export interface Page<T> {
  items: T[];
  /** pass as `cursor` to get the next page; null on the last page */
  nextCursor: string | null;
}

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

function encodeCursor(sortValue: unknown, id: number): string {
  const value = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

function decodeCursor(cursor: string): [unknown, number] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isInteger(parsed[1])) {
      return [parsed[0], parsed[1] as number];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("validation_failed", "Ugyldig cursor.", [
    { path: "cursor", message: "Ugyldig cursor." },
  ]);
}

/**
 * Keyset pagination over (sortColumn, id): stable under inserts, no OFFSET scans.
 * `sortColumn` defaults to the id; `direction` "desc" lists newest first.
 */
export async function paginate<T extends { id: number }>(opts: {
  db: DbOrTx;
  table: PgTable & { id: PgColumn };
  where?: SQL | undefined;
  page: PageRequest;
  sortColumn?: PgColumn;
  sortKey?: keyof T & string;
  direction?: "asc" | "desc";
}): Promise<Page<T>> {
  const { db, table, page } = opts;
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const sortColumn = opts.sortColumn ?? table.id;
  const dir = opts.direction ?? "asc";
  const conditions: (SQL | undefined)[] = [opts.where];
  if (page.cursor) {
    const [rawValue, id] = decodeCursor(page.cursor);
    const value =
      sortColumn.dataType === "date" && typeof rawValue === "string" ? new Date(rawValue) : rawValue;
    const after = dir === "asc" ? gt : lt;
    conditions.push(
      sortColumn === table.id
        ? after(table.id, id)
        : or(after(sortColumn, value), and(eq(sortColumn, value), after(table.id, id))),
    );
  }
  const order = dir === "asc" ? asc : desc;
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(and(...conditions))
    .orderBy(order(sortColumn), order(table.id))
    .limit(limit + 1)) as unknown as T[];
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  const sortKey = opts.sortKey ?? "id";
  return {
    items,
    nextCursor: hasMore && last ? encodeCursor(last[sortKey as keyof T], last.id) : null,
  };
}

/** Reads one row by id or throws not_found with the entity's Danish name. */
export async function getById<T>(db: DbOrTx, table: PgTable & { id: PgColumn }, id: number, what: string) {
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .limit(1)) as unknown as T[];
  const row = rows[0];
  if (!row) {
    throw notFound(what);
  }
  return row;
}

/**
 * Updates a row only if its version is the one the client read; bumps the version.
 * Answers not_found for a missing row and version_conflict for a stale version.
 */
export async function updateVersioned<T>(
  db: DbOrTx,
  table: VersionedTable,
  id: number,
  version: number,
  values: Record<string, unknown>,
  what: string,
): Promise<T> {
  const rows = (await db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as unknown as T[];
  const row = rows[0];
  if (row) {
    return row;
  }
  await getById(db, table, id, what);
  throw versionConflict();
}

/** Deletes a row, checking its version when one is given. */
export async function deleteVersioned(
  db: DbOrTx,
  table: VersionedTable,
  id: number,
  version: number | undefined,
  what: string,
): Promise<void> {
  const where = version === undefined ? eq(table.id, id) : and(eq(table.id, id), eq(table.version, version));
  const rows = await db.delete(table).where(where).returning({ id: table.id });
  if (rows.length > 0) {
    return;
  }
  await getById(db, table, id, what);
  throw versionConflict();
}

/** The PostgreSQL SQLSTATE of an error, looking through wrappers (drizzle wraps driver errors). */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      return code;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
