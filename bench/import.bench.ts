import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, parseText } from "../src/modules/import/index.ts";
import { seedToPdf } from "../test/fixtures/seed-documents.ts";
import { benchImportCorpus } from "./import-corpus.bench.ts";

const SEEDS = path.resolve(import.meta.dirname, "../../shared/seeds");

/** Runs `fn` repeatedly for about `ms` milliseconds; returns runs per second. */
async function rate(fn: () => unknown, ms = Number(process.env.BENCH_SECONDS ?? 5) * 400): Promise<number> {
  await fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    runs++;
  }
  return runs / ((performance.now() - start) / 1000);
}

async function pdfPages(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({ data: bytes.slice(), verbosity: 0 });
  const pages = (await task.promise).numPages;
  await task.destroy();
  return pages;
}

/** pdf.js text content alone: a reference (the import reads PDFs with PDFium, docs/decisions/013). */
async function extractOnly(bytes: Uint8Array): Promise<void> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  for (let i = 1; i <= doc.numPages; i++) {
    await (await doc.getPage(i)).getTextContent();
  }
  await task.destroy();
}

/** Import throughput on one core: text in MB/s and PDF in pages/s, each beside a baseline of the same run. */
export async function benchImport(): Promise<void> {
  const texts = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({ name: f, text: readFileSync(path.join(SEEDS, f), "utf8") }));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  const mb = bytes / 1024 / 1024;
  const baselineText = await rate(() => {
    for (const t of texts) {
      t.text.split("\n").filter((l) => /^\s*#|Punkt|Beslutning/.test(l)).length;
    }
  });
  const parsedText = await rate(() => {
    for (const t of texts) {
      parseText(t.text, t.name);
    }
  });

  const pdfs = await Promise.all(texts.map(async (t) => ({ name: t.name, bytes: await seedToPdf(t.text) })));
  let pages = 0;
  for (const p of pdfs) {
    pages += await pdfPages(p.bytes);
  }
  const baselinePdf = await rate(async () => {
    for (const p of pdfs) {
      await extractOnly(p.bytes);
    }
  });
  const parsedPdf = await rate(async () => {
    for (const p of pdfs) {
      await parseDocument({ bytes: p.bytes, fileName: p.name.replace(".txt", ".pdf") });
    }
  });
  process.stdout.write(
    `\nImport throughput, one core (${texts.length} seeds: ${mb.toFixed(3)} MB of text, ${pages} PDF pages)\n`,
  );
  console.table([
    { case: "text: split + scan lines (baseline)", "MB/s": (baselineText * mb).toFixed(1), ratio: "100 %" },
    {
      case: "text: parseText (target ≥ 5 MB/s)",
      "MB/s": (parsedText * mb).toFixed(1),
      ratio: `${((parsedText / baselineText) * 100).toFixed(1)} %`,
    },
  ]);
  console.table([
    {
      case: "PDF: pdf.js getTextContent only (reference)",
      "pages/s": (baselinePdf * pages).toFixed(0),
      ratio: "100 %",
    },
    {
      case: "PDF: parseDocument (target ≥ 100 pages/s)",
      "pages/s": (parsedPdf * pages).toFixed(0),
      ratio: `${((parsedPdf / baselinePdf) * 100).toFixed(1)} %`,
    },
  ]);
  await benchImportCorpus();
}
