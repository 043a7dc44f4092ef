/**
 * Stored files going out: one Content-Disposition (a Danish file name that survives any browser, RFC 6266
 * with the RFC 5987 form beside an ASCII fallback) and one way to send bytes as a download.
 */
import type { FastifyReply } from "fastify";

/** `attachment` saves the file, `inline` shows it; the name keeps æ, ø and å in `filename*`. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export interface StoredFile {
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
}

/**
 * Sends stored bytes as a download, never sniffed. Not cached (`private, no-store`) unless the caller
 * knows the file is public (`no-cache`: kept, but asked again each time).
 */
export function sendDownload(
  reply: FastifyReply,
  file: StoredFile,
  cache: "private, no-store" | "no-cache" = "private, no-store",
) {
  return reply
    .header("content-type", file.mimeType)
    .header("content-disposition", contentDisposition("attachment", file.fileName))
    .header("x-content-type-options", "nosniff")
    .header("cache-control", cache)
    .serializer((p: unknown) => p as string)
    .send(Buffer.from(file.bytes));
}
