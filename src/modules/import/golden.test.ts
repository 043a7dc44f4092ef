import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seedToDocx, seedToHtml, seedToPdf } from "../../../test/fixtures/seed-documents.ts";
import { type ImportResult, parseDocument, parseText, ZImportResult } from "./index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seedsDir = path.resolve(repoRoot, "../shared/seeds");
const importDir = path.resolve(repoRoot, "../shared/import");
const checker = path.join(importDir, "check-golden.py");
const outDir = mkdtempSync(path.join(tmpdir(), "tvaers-golden-"));

const seeds = readdirSync(seedsDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort()
  .map((file) => ({ file, id: file.slice(0, 3), text: readFileSync(path.join(seedsDir, file), "utf8") }));

/** Runs the shared scorer and returns the overall score it prints. */
function score(id: string, format: string, result: ImportResult): number {
  expect(ZImportResult.safeParse(result).success).toBe(true);
  const out = path.join(outDir, `${id}.${format}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2));
  let stdout: string;
  try {
    stdout = execFileSync(
      "python3",
      [checker, path.join(importDir, "golden", `${id}.json`), out, "--min", "0"],
      {
        encoding: "utf8",
      },
    );
  } catch (err) {
    throw new Error(`check-golden.py failed for ${id} ${format}: ${String(err)}`);
  }
  const match = /score: \d+\/\d+ = ([\d.]+)/.exec(stdout);
  if (!match) {
    throw new Error(`no score in output:\n${stdout}`);
  }
  const value = Number(match[1]);
  if (value < 0.98) {
    console.log(`${id} ${format}\n${stdout}`);
  }
  return value;
}

describe("golden seeds", () => {
  it("finds the three seed documents", () => {
    expect(seeds.length).toBe(3);
  });

  for (const seed of seeds) {
    describe(seed.file, () => {
      it("scores ≥ 0.98 as text read from disk", async () => {
        const result = await parseDocument({
          bytes: new TextEncoder().encode(seed.text),
          fileName: seed.file,
        });
        expect(score(seed.id, result.format, result)).toBeGreaterThanOrEqual(0.98);
      });

      it("parses the same synchronously through parseText", () => {
        const result = parseText(seed.text, seed.file);
        expect(result.items.length).toBeGreaterThan(0);
        expect(score(seed.id, "parseText", result)).toBeGreaterThanOrEqual(0.98);
      });

      it("scores ≥ 0.98 as HTML with navigation and footer", async () => {
        const result = await parseDocument({ bytes: seedToHtml(seed.text), fileName: `${seed.id}.html` });
        expect(result.format).toBe("html");
        expect(score(seed.id, "html", result)).toBeGreaterThanOrEqual(0.98);
      });

      it("scores ≥ 0.98 as DOCX with heading styles", async () => {
        const result = await parseDocument({
          bytes: await seedToDocx(seed.text),
          fileName: `${seed.id}.docx`,
        });
        expect(result.format).toBe("docx");
        expect(score(seed.id, "docx", result)).toBeGreaterThanOrEqual(0.98);
      });

      it("scores ≥ 0.98 as PDF with larger bold headings", async () => {
        const result = await parseDocument({ bytes: await seedToPdf(seed.text), fileName: `${seed.id}.pdf` });
        expect(result.format).toBe("pdf");
        expect(score(seed.id, "pdf", result)).toBeGreaterThanOrEqual(0.98);
      });
    });
  }
});
