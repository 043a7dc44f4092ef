/**
 * The parse itself, as it runs inside the parsing worker (parse-worker.ts): bytes → blocks →
 * FORMAT.md result, or bytes → plain text for the search index. Never called on the main thread
 * for uploaded or imported files; sandbox.ts runs it under the limits.
 */
import { type Block, plainText } from "./blocks.ts";
import { looksLikeMarkdown, textToBlocks } from "./convert-text.ts";
import { formatFromName, looksLikeHtml, sniff, zipHasWordDocument } from "./detect.ts";
import { blocksToResult, type GrammarOutput } from "./grammar.ts";
import { readHeader } from "./header.ts";
import { ImportError } from "./import.errors.ts";
import type { ImportFormat } from "./import.schemas.ts";
import type { ParseLimits } from "./limits.ts";

/** Markdown or plain text through the grammar. */
export function parseTextWithConfidence(text: string, fileName: string, deadline: number): GrammarOutput {
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
  limits: ParseLimits,
  signal: { cancelled: boolean },
): Promise<{ format: ImportFormat; blocks: Block[] } | { format: "text" | "markdown"; text: string }> {
  const detected = sniff(bytes);
  if (detected.kind === "pdf") {
    const { pdfToBlocks } = await import("./convert-pdf.ts");
    return {
      format: "pdf",
      blocks: await pdfToBlocks(bytes, signal, limits.maxPdfPages, limits.maxMemoryMb),
    };
  }
  if (detected.kind === "zip") {
    const { docxToBlocks } = await import("./convert-docx.ts");
    return { format: "docx", blocks: await docxToBlocks(bytes, limits.maxInflatedBytes) };
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

/** Blocks of a manifest's text that can hold the meeting's header. */
const HEADER_BLOCKS = 60;

/** A publication package: the manifest's facts are certain; the place is read from its text. */
async function parsePackage(
  bytes: Uint8Array,
  fileName: string,
  limits: ParseLimits,
): Promise<GrammarOutput> {
  const { readPackage } = await import("./package.ts");
  // The place is only in the manifest's text: its header, read as a document's header is.
  const locate = (text: string) => {
    const blocks = textToBlocks(text.replace(/\r\n?/g, "\n"));
    return readHeader(blocks, Math.min(blocks.length, HEADER_BLOCKS)).location;
  };
  const result = await readPackage(bytes, fileName, limits.maxInflatedBytes, locate);
  if (result.items.length === 0) {
    throw new ImportError("not_minutes", "publiceringspakken har ingen punkter");
  }
  const sure = (v: unknown) => (v ? 1 : 0);
  return {
    result,
    confidence: {
      document: 1,
      body: sure(result.body),
      start: sure(result.start),
      location: result.location ? 0.8 : 0,
      items: result.items.map((i) => ({
        number: i.number,
        title: 1,
        access: 1,
        sections: 1,
        decision: 1,
        absent: 1,
      })),
    },
  };
}

/** Parses a document's bytes into the result and the confidence of each field. */
export async function parseBytes(
  bytes: Uint8Array,
  fileName: string,
  limits: ParseLimits,
): Promise<GrammarOutput> {
  const deadline = Date.now() + limits.timeoutMs;
  try {
    // A ZIP that is no Word file is a publication package (a .docx name keeps the Word reading).
    if (
      sniff(bytes).kind === "zip" &&
      !/\.docx$/i.test(fileName) &&
      (await import("./package.ts")).isPackageZip(bytes)
    ) {
      return await parsePackage(bytes, fileName, limits);
    }
    const converted = await convert(bytes, fileName, limits, { cancelled: false });
    if ("text" in converted) {
      return parseTextWithConfidence(converted.text, fileName, deadline);
    }
    return blocksToResult(converted.blocks, { source: fileName, format: converted.format, deadline });
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
}

/** The plain text of a document for the search index; null when it holds no text we can read. */
export async function extractTextOf(bytes: Uint8Array, limits: ParseLimits): Promise<string | null> {
  const detected = sniff(bytes);
  let blocks: Block[];
  if (detected.kind === "pdf") {
    const { pdfToBlocks } = await import("./convert-pdf.ts");
    blocks = await pdfToBlocks(bytes, { cancelled: false }, limits.maxPdfPages, limits.maxMemoryMb);
  } else if (detected.kind === "zip") {
    if (!zipHasWordDocument(bytes)) {
      return null;
    }
    const { docxToBlocks } = await import("./convert-docx.ts");
    blocks = await docxToBlocks(bytes, limits.maxInflatedBytes);
  } else if (detected.kind === "binary") {
    return null;
  } else if (looksLikeHtml(detected.text)) {
    const { htmlToBlocks } = await import("./convert-html.ts");
    blocks = await htmlToBlocks(detected.text, false);
  } else {
    return detected.text.replace(/\r\n?/g, "\n").trim() || null;
  }
  const text = blocks
    .map((b) => plainText(b.text.replace(/\t/g, " ")))
    .join("\n")
    .trim();
  return text === "" ? null : text;
}
