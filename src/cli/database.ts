import type { Config } from "../config.ts";
import { createDatabase, type Database } from "../db/client.ts";
import { drainBackground } from "../server/background.ts";
import { backgroundTasks, installEffects } from "../server/effects.ts";

/**
 * The database for a command that writes (import, demo, restore …): migrated, with the modules' effects
 * installed so domain acts behave as in the server, and closing only after the after-commit work (frozen
 * documents, attachments' text) is done — a command leaves nothing half-made behind.
 */
export async function openCommandDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir">,
): Promise<Database> {
  installEffects();
  const database = await createDatabase(config);
  await database.migrate();
  const close = database.close.bind(database);
  return {
    ...database,
    close: async () => {
      try {
        await drainBackground(database.db, backgroundTasks());
      } finally {
        await close();
      }
    },
  };
}
