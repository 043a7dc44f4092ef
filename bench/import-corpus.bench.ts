/**
 * Import on real documents (`../shared/import/corpus/documents`, read at run time): PDF pages/s of
 * parseDocument beside `pdftotext` (poppler) on the same files in the same run, and files/s for a
 * folder of mixed documents imported in one process (the fixed cost per file).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseFile } from "../src/modules/import/parse.ts";
import { stopParseWorker } from "../src/modules/import/sandbox.ts";

const CORPUS = path.resolve(import.meta.dirname, "../../shared/import/corpus/documents");
const SEEDS = path.resolve(import.meta.dirname, "../../shared/seeds");

function pdfPageCount(file: string): number {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/** The documents of a mixed folder: the corpus and the seeds, repeated to `count` files. */
function mixedFolder(count: number): string[] {
  const files = [
    ...readdirSync(CORPUS)
      .filter((f) => !f.endsWith(".json") && !f.startsWith("README"))
      .map((f) => path.join(CORPUS, f)),
    ...readdirSync(SEEDS)
      .filter((f) => /^\d{3}_.*\.txt$/.test(f))
      .map((f) => path.join(SEEDS, f)),
  ];
  return Array.from({ length: count }, (_, i) => files[i % files.length] as string);
}

export async function benchImportCorpus(): Promise<void> {
  if (!existsSync(CORPUS)) {
    process.stdout.write(`(no corpus at ${CORPUS}; skipped)\n`);
    return;
  }
  const pdfs = readdirSync(CORPUS)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => path.join(CORPUS, f));
  const pages = pdfs.reduce((n, f) => n + pdfPageCount(f), 0);
  const out = mkdtempSync(path.join(tmpdir(), "tvaers-bench-"));
  // warm: the parsing worker and its converters are loaded once per process
  await parseFile(pdfs[0] as string);
  const rounds = 3;
  const poppler = await timed(() => {
    for (let r = 0; r < rounds; r++) {
      for (const f of pdfs) {
        execFileSync("pdftotext", ["-q", "-layout", f, path.join(out, "x.txt")]);
      }
    }
  });
  const ours = await timed(async () => {
    for (let r = 0; r < rounds; r++) {
      for (const f of pdfs) {
        await parseFile(f);
      }
    }
  });
  const popplerRate = (pages * rounds) / poppler;
  const ourRate = (pages * rounds) / ours;
  process.stdout.write(`\nReal PDFs (${pdfs.length} files, ${pages} pages, ${rounds} rounds, warm)\n`);
  console.table([
    {
      case: "pdftotext -layout (baseline, a process per file)",
      "pages/s": popplerRate.toFixed(0),
      ratio: "100 %",
    },
    {
      case: "parseDocument (target ≥ 0.35× pdftotext)",
      "pages/s": ourRate.toFixed(0),
      ratio: `${((ourRate / popplerRate) * 100).toFixed(1)} %`,
    },
  ]);

  const folder = mixedFolder(Number(process.env.BENCH_FILES ?? 200));
  let failed = 0;
  let bytes = 0;
  const seconds = await timed(async () => {
    for (const f of folder) {
      bytes += readFileSync(f).byteLength;
      await parseFile(f).catch(() => {
        failed += 1;
      });
    }
  });
  process.stdout.write(
    `\nMixed folder in one process (${folder.length} files, ${(bytes / 1e6).toFixed(1)} MB)\n`,
  );
  console.table([
    {
      case: "parse every file (target: fixed cost ≤ 1 s/file)",
      "files/s": (folder.length / seconds).toFixed(1),
      "s/file": (seconds / folder.length).toFixed(3),
      failed,
    },
  ]);
  rmSync(out, { recursive: true, force: true });
  await stopParseWorker();
}
