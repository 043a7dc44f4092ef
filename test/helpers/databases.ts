import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, it } from "vitest";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { seedDataDir } from "../../src/modules/demo/template.ts";

export const PG_ADMIN_URL = process.env.TVAERS_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export type DbKind = "pglite" | "postgres";

let pgUp: Promise<boolean> | undefined;

/** Does the PostgreSQL test server answer? Asked once per test file. */
export function postgresAvailable(): Promise<boolean> {
  pgUp ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgUp;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new PGlite data folder in the temporary directory, copied from the install's template
 * (src/modules/demo/template.ts), or null when no template fits.
 */
export function templateFolder(opts: {
  demo: boolean;
}): { dataDir: string; kind: string; remove(): void } | null {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "tvaers-test-")), "data");
  const meta = seedDataDir(dataDir, opts);
  const remove = () => rmSync(path.dirname(dataDir), { recursive: true, force: true });
  if (!meta) {
    remove();
    return null;
  }
  return { dataDir, kind: meta.kind, remove };
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDatabase(
  kind: DbKind,
): Promise<{ database: Database; drop(): Promise<void> }> {
  if (kind === "pglite") {
    // A copy of the install's template when it fits (the same database without initdb's 4 s), else in memory.
    const folder = templateFolder({ demo: false });
    const database = await createDatabase({
      databaseUrl: undefined,
      dataDir: folder?.dataDir ?? "memory://",
    });
    await database.migrate();
    return {
      database,
      async drop() {
        await database.close();
        folder?.remove();
      },
    };
  }
  const name = `tvaers_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), dataDir: "" });
  await database.migrate();
  return {
    database,
    async drop() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

const pgIsUp = await postgresAvailable();
if (!pgIsUp) {
  const line = "!".repeat(78);
  console.warn(
    `\n${line}\n!! PostgreSQL på ${PG_ADMIN_URL} svarer ikke: PostgreSQL-delen af testene er SPRUNGET OVER.\n!! Start serveren (se README) – CI kræver den (TVAERS_REQUIRE_PG=1).\n${line}\n`,
  );
}

/**
 * Runs the same suite on embedded PGlite and on the PostgreSQL server. Without a server the
 * PostgreSQL part is reported as skipped (loudly), or fails when TVAERS_REQUIRE_PG is set.
 */
export function describeEachDatabase(title: string, suite: (kind: DbKind) => void): void {
  describe(`${title} [PGlite]`, () => suite("pglite"));
  if (pgIsUp) {
    describe(`${title} [PostgreSQL]`, () => suite("postgres"));
  } else if (process.env.TVAERS_REQUIRE_PG) {
    describe(`${title} [PostgreSQL]`, () => {
      it("needs the PostgreSQL server, which does not answer", () => {
        throw new Error(`PostgreSQL på ${PG_ADMIN_URL} svarer ikke, og TVAERS_REQUIRE_PG er sat.`);
      });
    });
  } else {
    describe.skip(`${title} [PostgreSQL – server svarer ikke]`, () => suite("postgres"));
  }
}
