import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { expect, it } from "vitest";
import * as schema from "../src/db/schema.ts";
import { EXCLUDED_FROM_EXPORT } from "../src/modules/backup/backup.excluded.ts";
import { EXPORT_TABLES } from "../src/modules/backup/backup.tables.ts";

it("exports every table of the schema, or says why not", () => {
  const tables = Object.values(schema)
    .filter((v) => is(v, PgTable))
    .map((t) => getTableConfig(t as PgTable).name);
  expect(tables.length).toBeGreaterThan(20);
  const exported = new Set(EXPORT_TABLES.map((t) => t.sqlName));
  const forgotten = tables.filter((name) => !exported.has(name) && !(name in EXCLUDED_FROM_EXPORT));
  expect(forgotten).toEqual([]);
  const both = tables.filter((name) => exported.has(name) && name in EXCLUDED_FROM_EXPORT);
  expect(both).toEqual([]);
});

it("names each exported table by its real SQL name", () => {
  for (const entry of EXPORT_TABLES) {
    expect(getTableConfig(entry.table).name).toBe(entry.sqlName);
  }
});
