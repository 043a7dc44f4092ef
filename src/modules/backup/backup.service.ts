import { asc, getTableColumns, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client.ts";
import { AppError } from "../../server/errors.ts";
import { appendAuditNote } from "../audit/index.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { EXPORT_TABLES } from "./backup.tables.ts";

export const EXPORT_FORMAT = "tvaers-export";
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  tables: Record<string, Record<string, unknown>[]>;
}

type Kind = "timestamp" | "bytes" | "bigint" | "plain";

function columnKinds(table: (typeof EXPORT_TABLES)[number]["table"]): Record<string, Kind> {
  const kinds: Record<string, Kind> = {};
  for (const [key, column] of Object.entries(getTableColumns(table)) as [string, PgColumn][]) {
    kinds[key] =
      column.columnType === "PgTimestamp"
        ? "timestamp"
        : column.getSQLType() === "bytea"
          ? "bytes"
          : column.columnType === "PgBigInt64"
            ? "bigint"
            : "plain";
  }
  return kinds;
}

function toJson(value: unknown, kind: Kind): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (kind === "timestamp") {
    return (value as Date).toISOString();
  }
  if (kind === "bytes") {
    return Buffer.from(value as Uint8Array).toString("base64");
  }
  if (kind === "bigint") {
    // exact øre amounts: a decimal string, since JSON numbers are doubles
    return String(value);
  }
  return value;
}

function fromJson(value: unknown, kind: Kind): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (kind === "timestamp") {
    return new Date(value as string);
  }
  if (kind === "bytes") {
    return new Uint8Array(Buffer.from(value as string, "base64"));
  }
  if (kind === "bigint") {
    return BigInt(value as string);
  }
  return value;
}

/** Every row of every table as JSON, files included (base64). */
export async function exportAll(db: DbOrTx, now = new Date()): Promise<ExportFile> {
  const tables: ExportFile["tables"] = {};
  for (const entry of EXPORT_TABLES) {
    const kinds = columnKinds(entry.table);
    const columns = getTableColumns(entry.table);
    const orderColumn = (columns.id ?? columns.sha256) as PgColumn;
    const rows = (await db.select().from(entry.table).orderBy(asc(orderColumn))) as Record<string, unknown>[];
    tables[entry.name] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toJson(v, kinds[k] ?? "plain")])),
    );
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), tables };
}

/** True when the database holds no domain data and no users. */
export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  for (const entry of EXPORT_TABLES) {
    const result = await db.execute(sql`select exists (select 1 from ${entry.table}) as "any"`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      any: boolean;
    }[];
    if (rows[0]?.any) {
      return false;
    }
  }
  return true;
}

/**
 * Writes an export back, in one transaction: all or nothing. Refuses a non-empty database
 * unless `replace` is set, in which case everything is removed first.
 */
export async function restoreAll(
  db: Db,
  file: unknown,
  opts: { replace?: boolean } = {},
): Promise<Record<string, number>> {
  const data = file as Partial<ExportFile>;
  if (data?.format !== EXPORT_FORMAT || data.version !== EXPORT_VERSION || typeof data.tables !== "object") {
    throw new AppError("bad_request", "Filen er ikke en Tværs-eksport (format tvaers-export, version 1).");
  }
  const tables = data.tables as ExportFile["tables"];
  return db.transaction(async (tx) => {
    // The rows come back as they were, audit log included; the restore itself is one new entry.
    await tx.execute(sql`select set_config('tvaers.audit_bulk', 'on', true)`);
    if (!(await isDatabaseEmpty(tx))) {
      if (!opts.replace) {
        throw new AppError("conflict", "Databasen er ikke tom. Brug --replace for at erstatte alt indhold.");
      }
      const names = EXPORT_TABLES.map((t) => `"${t.sqlName}"`).join(", ");
      await tx.execute(sql.raw(`truncate ${names}, "sessions" restart identity cascade`));
    }
    const counts: Record<string, number> = {};
    for (const entry of EXPORT_TABLES) {
      const kinds = columnKinds(entry.table);
      const rows = (tables[entry.name] ?? []).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, fromJson(v, kinds[k] ?? "plain")])),
      );
      // A body may report to a body with a higher id: insert without the link, then set it.
      const deferred = entry.table === bodies ? rows.map((r) => [r.id, r.reportsToId] as const) : [];
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows
          .slice(i, i + 500)
          .map((r) => (entry.table === bodies ? { ...r, reportsToId: null } : r));
        await tx.insert(entry.table).values(chunk as never);
      }
      for (const [id, reportsToId] of deferred) {
        if (reportsToId !== null && reportsToId !== undefined) {
          await tx.execute(sql`update bodies set reports_to_id = ${reportsToId} where id = ${id}`);
        }
      }
      if (entry.identity) {
        await tx.execute(
          sql.raw(
            `select setval(pg_get_serial_sequence('"${entry.sqlName}"', 'id'), coalesce((select max(id) from "${entry.sqlName}"), 0) + 1, false)`,
          ),
        );
      }
      counts[entry.name] = rows.length;
    }
    await tx.execute(sql`select set_config('tvaers.audit_bulk', 'off', true)`);
    await appendAuditNote(tx, "database", "restore", { rows: counts, exportedAt: data.exportedAt ?? null });
    return counts;
  });
}
