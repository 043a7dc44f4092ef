import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/backup.service.ts";
import { demoData } from "../../src/modules/demo/demo.data.ts";
import { loadDemo } from "../../src/modules/demo/demo.service.ts";
import { importDocument } from "../../src/modules/import/index.ts";
import { createTestDatabase } from "../helpers/databases.ts";

/**
 * Export then restore loses nothing: the demo data plus an imported archive (the three seed minutes
 * of ../shared/seeds through the import service) are exported, restored into an empty database and
 * exported again; every table compares equal but for the one audit entry the restore adds.
 */
const SEEDS = path.resolve(import.meta.dirname, "../../../shared/seeds");
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) {
    await drop();
  }
});

it("restores the demo data and an imported archive losslessly", { timeout: 240_000 }, async () => {
  const a = await createTestDatabase("pglite");
  drops.push(a.drop);
  const now = new Date("2026-11-23T08:00:00Z");
  await loadDemo(a.database.db, demoData, now);
  const files = (await readdir(SEEDS)).filter((f) => f.endsWith(".txt")).sort();
  expect(files.length).toBe(3);
  const statuses: string[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(path.join(SEEDS, file)));
    const outcome = await importDocument(a.database.db, SYSTEM_ACTOR, { bytes, fileName: file });
    statuses.push(outcome.status);
  }
  expect(statuses.every((s) => s !== "duplicate")).toBe(true);

  const first = await exportAll(a.database.db, now);
  expect(first.tables.importedDocuments?.length).toBe(3);
  const b = await createTestDatabase("pglite");
  drops.push(b.drop);
  await restoreAll(b.database.db, JSON.parse(JSON.stringify(first)));
  const second = await exportAll(b.database.db, now);
  const note = second.tables.auditLog?.pop() as { tableName?: string; action?: string } | undefined;
  expect(note).toMatchObject({ tableName: "database", action: "restore" });
  for (const name of Object.keys(first.tables)) {
    expect(second.tables[name], name).toEqual(first.tables[name]);
  }
  const rows = Object.values(first.tables).reduce((n, t) => n + (t?.length ?? 0), 0);
  console.info(
    `backup: ${rows} rows in ${Object.keys(first.tables).length} tables, ${JSON.stringify(first).length} bytes of JSON, imports ${statuses.join(", ")}`,
  );
});
