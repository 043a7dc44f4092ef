import type { Database } from "../../src/db/client.ts";
import { exportAll } from "../../src/modules/backup/index.ts";

/**
 * The whole database as JSON, to prove that a refused request changed nothing. API tokens are
 * left out: every authenticated request stamps its token's lastUsedAt.
 */
export async function snapshot(database: Database): Promise<string> {
  const { apiTokens: _tokens, ...tables } = (await exportAll(database.db, new Date(0))).tables;
  return JSON.stringify(tables);
}

/**
 * The export of a database just restored, without the one audit entry the restore adds (asserted
 * to be there): what a lossless round trip must give back unchanged.
 */
export async function exportAfterRestore(db: Database["db"]) {
  const data = await exportAll(db, new Date(0));
  const note = data.tables.auditLog?.pop();
  if (note?.tableName !== "database" || note.action !== "restore") {
    throw new Error(`expected the restore's audit entry last, found ${JSON.stringify(note)}`);
  }
  return data;
}
