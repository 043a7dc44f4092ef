import type { Block } from "./blocks.ts";
import { htmlToBlocks } from "./convert-html.ts";
import { zipHasWordDocument } from "./detect.ts";
import { ImportError } from "./import.errors.ts";

/** Converts a Word document via mammoth's HTML, which keeps heading styles and bold runs. */
export async function docxToBlocks(bytes: Uint8Array): Promise<Block[]> {
  if (!zipHasWordDocument(bytes)) {
    throw new ImportError("docx_invalid");
  }
  const mammoth = await import("mammoth");
  let html: string;
  try {
    const result = await mammoth.default.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
  } catch (err) {
    throw new ImportError("docx_invalid", undefined, { cause: err });
  }
  return htmlToBlocks(html, false);
}
