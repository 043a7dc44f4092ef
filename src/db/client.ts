import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ExtractTablesWithRelations, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { Config } from "../config.ts";
import { currentActorLabel } from "./actor-context.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The database handle every service takes: PGlite and node-postgres share this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A service may run on the database or inside a caller's transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** runs the committed SQL migrations; idempotent */
  migrate(): Promise<void>;
  /** answers true when a round trip to the database works */
  ping(): Promise<boolean>;
  /** tells other processes on the same database that data changed (no-op for the embedded database) */
  announceChange(): void;
  /** calls back when another process announced a change; resolves once listening */
  onChange(callback: () => void): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL channel on which instances announce writes, so their read caches drop stale entries. */
const CHANGE_CHANNEL = "tvaers_changes";

/** Audits tables added since the last start (see the migration "audit_triggers"). */
async function attachAudit(db: Db): Promise<void> {
  await db.execute(sql`select tvaers_audit_attach_all()`);
}

/**
 * Every transaction first tells the database who is acting (the request's or command's actor),
 * so the audit triggers can record it. Wraps `transaction` once, for PGlite and pg alike.
 */
function withActorTransactions<T extends { transaction: Db["transaction"] }>(db: T): T {
  const original = db.transaction.bind(db);
  db.transaction = ((fn: (tx: Tx) => Promise<unknown>, config?: Parameters<Db["transaction"]>[1]) =>
    original(async (tx) => {
      const label = currentActorLabel();
      if (label) {
        await tx.execute(sql`select set_config('tvaers.actor', ${label}, true)`);
      }
      return fn(tx as unknown as Tx);
    }, config)) as Db["transaction"];
  return db;
}

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** PGlite (embedded, persisted in config.dataDir) by default; PostgreSQL when DATABASE_URL is set. */
export async function createDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Database> {
  if (config.databaseUrl) {
    return createPostgres(config.databaseUrl);
  }
  return createPglite(config.dataDir);
}

async function createPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (dataDir !== "memory://") {
    mkdirSync(dataDir, { recursive: true });
  }
  // One options object: `new PGlite(undefined, options)` ignores the options, extensions included.
  const client = new PGlite({ ...(dataDir === "memory://" ? {} : { dataDir }), extensions: { pg_trgm } });
  await client.waitReady;
  const db = withActorTransactions(drizzle({ client, schema }));
  return {
    db: db as unknown as Db,
    kind: "pglite",
    migrate: async () => {
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      await attachAudit(db as unknown as Db);
    },
    ping: async () => (await client.query("select 1 as ok")).rows.length === 1,
    // PGlite belongs to this process alone: every change is made here and seen here.
    announceChange: () => {},
    onChange: async () => {},
    close: () => client.close(),
  };
}

async function createPostgres(url: string): Promise<Database> {
  const pg = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new pg.default.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = withActorTransactions(drizzle({ client: pool, schema }));
  let listener: InstanceType<typeof pg.default.Client> | null = null;
  return {
    db: db as unknown as Db,
    kind: "postgres",
    migrate: async () => {
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      await attachAudit(db as unknown as Db);
    },
    ping: async () => (await pool.query("select 1 as ok")).rows.length === 1,
    announceChange: () => {
      pool.query(`notify ${CHANGE_CHANNEL}`).catch(() => {});
    },
    onChange: async (callback) => {
      listener = new pg.default.Client({ connectionString: url });
      listener.on("error", () => {});
      listener.on("notification", () => callback());
      await listener.connect();
      await listener.query(`listen ${CHANGE_CHANNEL}`);
    },
    close: async () => {
      // A command (import, restore ...) wrote outside any server: servers' read caches forget now.
      await pool.query(`notify ${CHANGE_CHANNEL}`).catch(() => {});
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}
