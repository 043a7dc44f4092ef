import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { GrammarOutput } from "./grammar.ts";
import { ImportError } from "./import.errors.ts";
import type { ImportConfidence, ImportResult, ParseInput } from "./import.schemas.ts";
import { DEFAULT_LIMITS } from "./limits.ts";
import { parseTextWithConfidence } from "./parse-core.ts";
import { inWorker } from "./sandbox.ts";

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = DEFAULT_LIMITS.timeoutMs;

/** Parses Markdown or plain text synchronously (for benchmarks and tests); throws ImportError. */
export function parseText(text: string, fileName = "document.txt"): ImportResult {
  return parseTextWithConfidence(text, fileName, Date.now() + DEFAULT_TIMEOUT_MS).result;
}

/**
 * Parses a document and tells how sure it is of each field, for a review screen. The parse runs in
 * a worker with limits on time, memory, unpacked size and PDF pages (limits.ts).
 */
export async function parseDocumentWithConfidence(
  input: ParseInput,
): Promise<{ result: ImportResult; confidence: ImportConfidence }> {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (input.bytes.length === 0) {
    throw new ImportError("empty_file");
  }
  if (input.bytes.length > maxBytes) {
    throw new ImportError("file_too_large", `${input.bytes.length} > ${maxBytes} bytes`);
  }
  // Converters and grammar run in the parsing worker under the limits (sandbox.ts).
  return inWorker<GrammarOutput>("parse", input.bytes, input.fileName, input.timeoutMs ? { timeoutMs } : {});
}

/** Parses a PDF, DOCX, HTML, Markdown or text document into the FORMAT.md structure; throws ImportError. */
export async function parseDocument(input: ParseInput): Promise<ImportResult> {
  return (await parseDocumentWithConfidence(input)).result;
}

/** Reads and parses a file; checks its size before reading it. */
export async function parseFile(
  path: string,
  opts: { maxBytes?: number; timeoutMs?: number; fileName?: string } = {},
): Promise<ImportResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new ImportError("read_error", "not a file");
    }
    size = info.size;
  } catch (err) {
    if (err instanceof ImportError) {
      throw err;
    }
    throw new ImportError("file_not_found", path, { cause: err });
  }
  if (size > maxBytes) {
    throw new ImportError("file_too_large", `${size} > ${maxBytes} bytes`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new ImportError("read_error", path, { cause: err });
  }
  return parseDocument({
    bytes,
    fileName: opts.fileName ?? basename(path),
    maxBytes,
    timeoutMs: opts.timeoutMs,
  });
}
