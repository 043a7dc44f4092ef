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
