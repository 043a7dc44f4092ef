import { type Block, plainText } from "./blocks.ts";
import { looksLikeHtml, sniff, zipHasWordDocument } from "./detect.ts";

/**
 * The plain text of a document (PDF, DOCX, HTML or text), for the search index: the importer's own
 * converters, without the minutes grammar. Null when the file holds no text we can read (an image,
 * a scanned PDF, a spreadsheet); throws only on a broken file, which the caller treats as no text.
 */
export async function extractPlainText(
  bytes: Uint8Array,
  signal = { cancelled: false },
): Promise<string | null> {
  const detected = sniff(bytes);
  let blocks: Block[];
  if (detected.kind === "pdf") {
    const { pdfToBlocks } = await import("./convert-pdf.ts");
    blocks = await pdfToBlocks(bytes, signal);
  } else if (detected.kind === "zip") {
    if (!zipHasWordDocument(bytes)) {
      return null;
    }
    const { docxToBlocks } = await import("./convert-docx.ts");
    blocks = await docxToBlocks(bytes);
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
