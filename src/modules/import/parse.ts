import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Block } from "./blocks.ts";
import { looksLikeMarkdown, textToBlocks } from "./convert-text.ts";
import { formatFromName, looksLikeHtml, sniff } from "./detect.ts";
import { blocksToResult, type GrammarOutput } from "./grammar.ts";
import { ImportError } from "./import.errors.ts";
import type { ImportConfidence, ImportFormat, ImportResult, ParseInput } from "./import.schemas.ts";

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Parses Markdown or plain text synchronously (for benchmarks and tests); throws ImportError. */
export function parseText(text: string, fileName = "document.txt"): ImportResult {
  return parseTextWithConfidence(text, fileName, Date.now() + DEFAULT_TIMEOUT_MS).result;
}

function parseTextWithConfidence(text: string, fileName: string, deadline: number): GrammarOutput {
  const clean = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (clean.trim() === "") {
    throw new ImportError("empty_file");
  }
  const format: ImportFormat =
    looksLikeMarkdown(clean) || formatFromName(fileName) === "markdown" ? "markdown" : "text";
  return blocksToResult(textToBlocks(clean), { source: fileName, format, deadline });
}

async function convert(
  bytes: Uint8Array,
  fileName: string,
  signal: { cancelled: boolean },
): Promise<{ format: ImportFormat; blocks: Block[] } | { format: "text" | "markdown"; text: string }> {
  const detected = sniff(bytes);
  if (detected.kind === "pdf") {
    const { pdfToBlocks } = await import("./convert-pdf.ts");
    return { format: "pdf", blocks: await pdfToBlocks(bytes, signal) };
  }
  if (detected.kind === "zip") {
    const { docxToBlocks } = await import("./convert-docx.ts");
    return { format: "docx", blocks: await docxToBlocks(bytes) };
  }
  if (detected.kind === "binary") {
    throw new ImportError("unsupported_format");
  }
  const byName = formatFromName(fileName);
  if (
    looksLikeHtml(detected.text) ||
    (byName === "html" && /<[a-z][^>]*>/i.test(detected.text.slice(0, 4096)))
  ) {
    const { htmlToBlocks } = await import("./convert-html.ts");
    return { format: "html", blocks: await htmlToBlocks(detected.text) };
  }
  if (byName === "pdf" || byName === "docx") {
    throw new ImportError(byName === "pdf" ? "pdf_invalid" : "docx_invalid");
  }
  return { format: "text", text: detected.text };
}

function withTimeout<T>(work: Promise<T>, ms: number, signal: { cancelled: boolean }): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      signal.cancelled = true;
      reject(new ImportError("timeout"));
    }, ms);
  });
  // The losing promise must not surface later as an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Parses a document and tells how sure it is of each field, for a review screen. */
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
  const deadline = Date.now() + timeoutMs;
  const signal = { cancelled: false };
  const work = (async () => {
    try {
      const converted = await convert(input.bytes, input.fileName, signal);
      if ("text" in converted) {
        return parseTextWithConfidence(converted.text, input.fileName, deadline);
      }
      return blocksToResult(converted.blocks, { source: input.fileName, format: converted.format, deadline });
    } catch (err) {
      if (err instanceof ImportError) {
        throw err;
      }
      // A converter library failing on malformed input is still the input's fault.
      throw new ImportError(
        "unsupported_format",
        err instanceof Error ? err.message.slice(0, 120) : undefined,
        {
          cause: err,
        },
      );
    }
  })();
  return withTimeout(work, timeoutMs, signal);
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
