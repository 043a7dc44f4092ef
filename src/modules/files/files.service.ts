import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { storedFiles } from "./files.tables.ts";

/** Called in the storing transaction for every stored file (search extracts the text of attachments). */
export type FileStoredListener = (db: DbOrTx, file: { sha256: string; bytes: Uint8Array }) => Promise<void>;
const listeners = new Set<FileStoredListener>();

/** Registers a listener for stored files; registering the same function again does nothing. */
export function onFileStored(listener: FileStoredListener): void {
  listeners.add(listener);
}

/** Stores bytes once per distinct content and returns their SHA-256 (hex). */
export async function storeFile(db: DbOrTx, bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const sha512 = createHash("sha512").update(bytes).digest("hex");
  await db
    .insert(storedFiles)
    .values({ sha256, sha512, size: bytes.byteLength, content: bytes })
    .onConflictDoNothing();
  for (const listener of listeners) {
    await listener(db, { sha256, bytes });
  }
  return { sha256, size: bytes.byteLength };
}

/** The bytes of a stored file, or null. */
export async function readFile(db: DbOrTx, sha256: string): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ content: storedFiles.content })
    .from(storedFiles)
    .where(eq(storedFiles.sha256, sha256));
  return row ? new Uint8Array(row.content) : null;
}
