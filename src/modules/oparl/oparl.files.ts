import { eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { DbOrTx } from "../../db/client.ts";
import { contentDisposition } from "../../server/download.ts";
import { PUBLIC_ACTOR } from "../auth/index.ts";
import { getPublishedDocument } from "../documents/index.ts";
import { readFile } from "../files/index.ts";
import { attachments } from "../meetings/index.ts";
import { documentIdOf } from "./oparl.documents.ts";
import { fileRows } from "./oparl.lists.ts";

/** The bytes behind an OParl file, for the public only; undefined when it is not public. */
export interface FileContent {
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
  sha256: string;
  modified: Date;
}

export async function readFileContent(db: DbOrTx, key: string): Promise<FileContent | undefined> {
  const documentId = documentIdOf(key);
  if (documentId !== null) {
    // The documents module decides whether the public may read a published edition (404 otherwise).
    const doc = await getPublishedDocument({ db, actor: PUBLIC_ACTOR }, documentId).catch(() => undefined);
    if (doc?.published?.edition !== "public") {
      return undefined;
    }
    return {
      bytes: doc.bytes,
      mimeType: doc.mimeType,
      fileName: doc.fileName,
      sha256: doc.published.sha256,
      modified: doc.published.createdAt,
    };
  }
  if (!/^\d{1,10}$/.test(key)) {
    return undefined;
  }
  const [row] = await fileRows(db, [eq(attachments.id, Number(key))], 1);
  const sha256 = row?.attachment.sha256;
  const bytes = sha256 ? await readFile(db, sha256) : null;
  if (!row || !sha256 || !bytes) {
    return undefined;
  }
  return {
    bytes,
    mimeType: row.attachment.mimeType ?? "application/octet-stream",
    fileName: row.attachment.fileName ?? `bilag-${row.attachment.id}`,
    sha256,
    modified: row.modified,
  };
}

/**
 * Sends a file: `access` shows it in the browser, `download` saves it (spec 2-07). The ETag is the
 * SHA-256 of the bytes; If-None-Match and If-Modified-Since answer 304.
 */
export function sendOparlFile(
  req: FastifyRequest,
  reply: FastifyReply,
  file: FileContent,
  how: "access" | "download",
) {
  const etag = `"${file.sha256}"`;
  const lastModified = new Date(Math.floor(file.modified.getTime() / 1000) * 1000);
  reply
    .header("etag", etag)
    .header("last-modified", lastModified.toUTCString())
    .header("cache-control", "public, max-age=300")
    .header("x-content-type-options", "nosniff");
  const match = req.headers["if-none-match"];
  const since = req.headers["if-modified-since"];
  const sinceDate = since ? new Date(since) : null;
  const fresh = match
    ? match.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === "*")
    : sinceDate !== null && !Number.isNaN(sinceDate.getTime()) && lastModified <= sinceDate;
  if (fresh) {
    return reply.code(304).send();
  }
  reply
    .header("content-type", file.mimeType)
    .header(
      "content-disposition",
      contentDisposition(how === "access" ? "inline" : "attachment", file.fileName),
    );
  return reply.serializer((p: unknown) => p as string).send(Buffer.from(file.bytes));
}
