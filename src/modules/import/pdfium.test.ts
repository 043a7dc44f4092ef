import { describe, expect, it } from "vitest";
import { seedToPdf } from "../../../test/fixtures/seed-documents.ts";
import { pdfToBlocks } from "./convert-pdf.ts";
import { ImportError } from "./import.errors.ts";

const MINUTES = `# Referat\n\nØkonomiudvalget\nMødedato: 3. maj 2024 kl. 14.00\n\n## Punkt 1: Godkendelse af dagsorden\n\n**Beslutning:** Godkendt *uden* bemærkninger.\n`;

const idle = { cancelled: false };

describe("PDF text through PDFium", () => {
  it("reads headings by their size, bold and italic runs by their font names", async () => {
    const blocks = await pdfToBlocks(await seedToPdf(MINUTES), idle);
    const level = (text: string) => blocks.find((b) => b.text.includes(text))?.level;
    expect(level("Referat")).toBe(1);
    expect(level("Punkt 1: Godkendelse af dagsorden")).toBe(2);
    expect(level("Økonomiudvalget")).toBe(0);
    // bold and italic runs are marked as pdf.js marked them (a run's trailing space inside its marks)
    const decision = blocks.find((b) => b.text.includes("Beslutning"))?.text;
    expect(decision).toMatch(/^\*\*Beslutning: ?\*\* ?Godkendt \*uden ?\* ?bemærkninger\.$/);
  });

  it("refuses a file whose PDFium heap would pass the memory limit, and reads the next file afresh", async () => {
    const pdf = await seedToPdf(MINUTES);
    // 40 MB of trailing padding: copying it into PDFium's heap needs more than a 24 MB cap allows.
    const padded = new Uint8Array(pdf.length + 40 * 1024 * 1024).fill(0x20);
    padded.set(pdf);
    const refused = await pdfToBlocks(padded, idle, 2000, 24).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).code).toBe("limit_memory");
    const blocks = await pdfToBlocks(pdf, idle);
    expect(blocks.some((b) => /Godkendt \*uden/.test(b.text))).toBe(true);
  });
});
