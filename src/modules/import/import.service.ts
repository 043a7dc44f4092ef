/** Importing documents into the database: one transaction per document, shared by the CLI and the API. */
import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.ts";
import { AppError } from "../../server/errors.ts";
import type { Actor } from "../auth/index.ts";
import { meetings } from "../meetings/index.ts";
import { ImportError, importErrorMessage } from "./import.errors.ts";
import type { ImportResult } from "./import.schemas.ts";
import { importedDocuments } from "./import.tables.ts";
import { resultHash, type WriteOutcome, writeImport } from "./import.writer.ts";
import { parseLimits } from "./limits.ts";
import { packageFiles } from "./package.ts";
import { parseDocument } from "./parse.ts";
import type { AttachmentFiles } from "./sync-children.ts";
import { zeroCounts } from "./write-create.ts";

/** SHA-256 (hex) of a document's bytes: the key that makes a re-import a no-op. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The latest import of these bytes, if any. */
export async function findImportBySha(db: DbOrTx, sha256: string) {
  const [row] = await db
    .select({
      id: importedDocuments.id,
      meetingId: importedDocuments.meetingId,
      resultSha256: importedDocuments.resultSha256,
      bodyId: meetings.bodyId,
    })
    .from(importedDocuments)
    .innerJoin(meetings, eq(meetings.id, importedDocuments.meetingId))
    .where(eq(importedDocuments.sha256, sha256))
    .orderBy(desc(importedDocuments.id))
    .limit(1);
  return row ?? null;
}

function duplicateOutcome(found: NonNullable<Awaited<ReturnType<typeof findImportBySha>>>): WriteOutcome {
  return {
    status: "duplicate",
    importId: found.id,
    meetingId: found.meetingId,
    bodyId: found.bodyId,
    bodyCreated: false,
    counts: zeroCounts(),
    persons: { matched: 0, created: 0 },
    kept: [],
  };
}

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  /** --body: an id or a name; else the body the document names */
  body?: string | undefined;
  /** the reviewed (maybe edited) result; parsed from the bytes when absent */
  result?: ImportResult | undefined;
  /** finds files for the attachment titles (the CLI looks beside the document) */
  findFiles?: ((result: ImportResult) => Promise<AttachmentFiles>) | undefined;
  maxBytes?: number | undefined;
}

/**
 * Parses and writes one document in one transaction. The same bytes imported before change
 * nothing; a corrected version updates the meeting in place (see provenance.ts for the rule).
 * Throws ImportError (unreadable document) or AppError (cannot be written); nothing is written then.
 */
export async function importDocument(db: Db, actor: Actor, input: ImportInput): Promise<WriteOutcome> {
  const sha256 = sha256Of(input.bytes);
  const earlier = await findImportBySha(db, sha256);
  if (earlier && (!input.result || resultHash(input.result) === earlier.resultSha256)) {
    return duplicateOutcome(earlier);
  }
  const result =
    input.result ??
    (await parseDocument({ bytes: input.bytes, fileName: input.fileName, maxBytes: input.maxBytes }));
  // A package's files come from the package itself, never from the file system beside it.
  const files =
    result.format === "package"
      ? await packageFiles(input.bytes, result, parseLimits().maxInflatedBytes)
      : input.findFiles
        ? await input.findFiles(result)
        : new Map();
  const ref = input.body?.trim();
  const body = ref ? (/^\d+$/.test(ref) ? { id: Number(ref) } : { name: ref }) : undefined;
  return db.transaction((tx) =>
    writeImport({ db: tx, actor }, { result, fileName: input.fileName, sha256, body, files }),
  );
}

/** An unreadable document as an API error: the importer's Danish message on the field "file". */
export function importErrorToAppError(err: unknown): unknown {
  if (!(err instanceof ImportError)) {
    return err;
  }
  const message = importErrorMessage(err, "da");
  if (err.code === "file_too_large" || err.code.startsWith("limit_")) {
    return new AppError("payload_too_large", message);
  }
  return new AppError("validation_failed", message, [{ path: "file", message: `${message} [${err.code}]` }]);
}
