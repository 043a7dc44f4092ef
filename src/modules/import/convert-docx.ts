import type { Block } from "./blocks.ts";
import { htmlToBlocks } from "./convert-html.ts";
import { ImportError } from "./import.errors.ts";
import { DEFAULT_LIMITS } from "./limits.ts";
import { checkDeclaredSizes, InflateBudget, listZip, readEntry, storedZip } from "./unzip.ts";

/** Pictures and embedded files: never inflated, since the text is all the importer reads. */
const SKIPPED = /^word\/(?:media|embeddings)\/|\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|bin|xlsx|pptx)$/i;

/**
 * The Word parts inflated under the cap (checked while inflating: a ZIP bomb is never inflated in
 * full), rewritten as a stored ZIP for mammoth, with pictures left empty.
 */
async function boundedDocx(bytes: Uint8Array, maxInflatedBytes: number): Promise<Uint8Array> {
  const entries = listZip(bytes);
  if (!entries.some((e) => e.name === "word/document.xml")) {
    throw new ImportError("docx_invalid");
  }
  const budget = new InflateBudget(maxInflatedBytes);
  const read = entries.filter((e) => !e.name.endsWith("/") && !SKIPPED.test(e.name));
  checkDeclaredSizes(read, budget);
  const files: Array<[string, Uint8Array]> = [];
  for (const entry of entries) {
    if (entry.name.endsWith("/")) {
      continue;
    }
    files.push([
      entry.name,
      SKIPPED.test(entry.name) ? new Uint8Array() : await readEntry(bytes, entry, budget),
    ]);
  }
  return storedZip(files);
}

/** Converts a Word document via mammoth's HTML, which keeps heading styles and bold runs. */
export async function docxToBlocks(
  bytes: Uint8Array,
  maxInflatedBytes = DEFAULT_LIMITS.maxInflatedBytes,
): Promise<Block[]> {
  const stored = await boundedDocx(bytes, maxInflatedBytes);
  const mammoth = await import("mammoth");
  let html: string;
  try {
    const result = await mammoth.default.convertToHtml(
      { buffer: Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) },
      { convertImage: mammoth.default.images.imgElement(async () => ({ src: "" })) },
    );
    html = result.value;
  } catch (err) {
    throw new ImportError("docx_invalid", undefined, { cause: err });
  }
  return htmlToBlocks(html, false);
}
