import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { asc } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";
import { importedDocuments, pendingImports } from "../../src/modules/import/index.ts";
import { snapshot } from "../helpers/snapshot.ts";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const seedsDir = path.resolve(repoRoot, "../shared/seeds");
export const importDir = path.resolve(repoRoot, "../shared/import");

/** The seed documents, read at test time (never copied into the repository). */
export const seeds = readdirSync(seedsDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort()
  .map((file) => ({ file, id: file.slice(0, 3), text: readFileSync(path.join(seedsDir, file), "utf8") }));

/** The whole database, the import module's own tables included. */
export async function fullSnapshot(database: Database): Promise<string> {
  const records = await database.db.select().from(importedDocuments).orderBy(asc(importedDocuments.id));
  const pending = await database.db.select().from(pendingImports).orderBy(asc(pendingImports.id));
  return JSON.stringify({ tables: await snapshot(database), records, pending });
}

export const encode = (text: string) => new TextEncoder().encode(text);
