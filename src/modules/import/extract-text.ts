import { inWorker } from "./sandbox.ts";

/**
 * The plain text of a document (PDF, DOCX, HTML or text), for the search index: the importer's own
 * converters, without the minutes grammar, in the parsing worker under the same limits as an import.
 * Null when the file holds no text we can read (an image, a scanned PDF, a spreadsheet); throws on a
 * broken or hostile file, which the caller treats as no text.
 */
export async function extractPlainText(
  bytes: Uint8Array,
  _signal?: { cancelled: boolean },
): Promise<string | null> {
  return inWorker<string | null>("text", bytes, "attachment");
}
