import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { encryptedPdf, makeZip, pdfWithoutText } from "../../../test/fixtures/bad-documents.ts";
import { seedToDocx, seedToPdf } from "../../../test/fixtures/seed-documents.ts";
import { ImportError, importErrorMessage, parseDocument, parseFile, parseText } from "./index.ts";

const MINUTES = `Referat\nØkonomiudvalget\nMødedato: 3. maj 2024 kl. 14.00\n\nPunkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n`;

async function codeOf(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    const error = err as ImportError;
    expect(error.messageDa.length).toBeGreaterThan(5);
    expect(error.messageEn.length).toBeGreaterThan(5);
    return error.code;
  }
  return "no error";
}

const parse = (bytes: Uint8Array, fileName: string, extra: { maxBytes?: number; timeoutMs?: number } = {}) =>
  parseDocument({ bytes, fileName, ...extra });

describe("bad input", () => {
  it("rejects an empty file", async () => {
    expect(await codeOf(parse(new Uint8Array(), "tom.pdf"))).toBe("empty_file");
    expect(await codeOf(parse(new TextEncoder().encode("  \n\n "), "tom.txt"))).toBe("empty_file");
  });

  it("rejects binary garbage", async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(await codeOf(parse(garbage, "referat.txt"))).toBe("unsupported_format");
  });

  it("rejects a truncated PDF", async () => {
    const pdf = await seedToPdf(MINUTES);
    expect(await codeOf(parse(pdf.subarray(0, Math.floor(pdf.length / 3)), "referat.pdf"))).toBe(
      "pdf_invalid",
    );
    expect(await codeOf(parse(new TextEncoder().encode("%PDF-1.7\n1 0 obj"), "referat.pdf"))).toBe(
      "pdf_invalid",
    );
  });

  it("rejects an encrypted PDF", async () => {
    expect(await codeOf(parse(await encryptedPdf(), "referat.pdf"))).toBe("pdf_encrypted");
  });

  it("rejects a PDF without a text layer", async () => {
    const error = await parse(await pdfWithoutText(), "scannet.pdf").catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe("pdf_no_text_layer");
    expect(importErrorMessage(error, "da")).toBe("PDF'en har intet tekstlag – den er sandsynligvis scannet");
    expect(importErrorMessage(error, "en")).toBe("The PDF has no text layer – it is probably scanned");
  });

  it("rejects a ZIP that is not a Word document, and a damaged DOCX", async () => {
    const zip = makeZip({ mimetype: "application/epub+zip", "content.opf": "<package/>" });
    expect(await codeOf(parse(zip, "referat.docx"))).toBe("docx_invalid");
    const docx = await seedToDocx(MINUTES);
    const broken = docx.slice();
    broken.fill(0x41, 200, docx.length - 200);
    expect(await codeOf(parse(broken, "referat.docx"))).toBe("docx_invalid");
    const fake = makeZip({ "word/document.xml": "not xml at all" });
    expect(await codeOf(parse(fake, "referat.docx"))).toBe("docx_invalid");
  });

  it("rejects a file over the size limit, before reading it from disk", async () => {
    const bytes = new TextEncoder().encode(MINUTES);
    expect(await codeOf(parse(bytes, "referat.txt", { maxBytes: 10 }))).toBe("file_too_large");
    const dir = mkdtempSync(path.join(tmpdir(), "tvaers-import-"));
    const file = path.join(dir, "referat.txt");
    writeFileSync(file, MINUTES);
    expect(await codeOf(parseFile(file, { maxBytes: 10 }))).toBe("file_too_large");
    expect((await parseFile(file)).items).toHaveLength(1);
    expect(await codeOf(parseFile(path.join(dir, "findes-ikke.txt")))).toBe("file_not_found");
  });

  it("rejects a document that is not minutes", async () => {
    const prose = "Kære alle\n\nTak for en god sommer. Vi ses til efteråret.\n\nHilsen Jens";
    expect(await codeOf(parse(new TextEncoder().encode(prose), "brev.txt"))).toBe("not_minutes");
    expect(await codeOf(() => parseText(prose))).toBe("not_minutes");
    const page =
      "<!doctype html><html><body><nav>Punkt 1: Menu</nav><p>Velkommen til vores hjemmeside.</p></body></html>";
    expect(await codeOf(parse(new TextEncoder().encode(page), "index.html"))).toBe("not_minutes");
  });

  it("stops at the time limit", async () => {
    const pdf = await seedToPdf(MINUTES);
    expect(await codeOf(parse(pdf, "referat.pdf", { timeoutMs: 1 }))).toBe("timeout");
  });

  it("detects the format from the content, not the name", async () => {
    const pdf = await seedToPdf(MINUTES);
    const result = await parse(pdf, "referat.txt");
    expect(result.format).toBe("pdf");
    expect(result.items[0]?.title).toBe("Godkendelse af dagsorden");
    const html = new TextEncoder().encode(
      `<!DOCTYPE html><html><body><h1>Referat</h1><p>Punkt 1: Budget</p></body></html>`,
    );
    expect((await parse(html, "referat.md")).format).toBe("html");
  });

  it("gives a generic message for errors that are not ImportErrors", () => {
    expect(importErrorMessage(new Error("x"), "da")).toBe("Filen kunne ikke læses");
  });
});
