import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "../../src/modules/import/index.ts";
import { importDir } from "./helpers.ts";

/**
 * The shared corpus of real documents (`../shared/import/corpus/documents`, read at test time,
 * nothing copied into the repository), scored by the shared `check-golden.py`. The floors only rise:
 * raise them when the importer gets better, never lower them.
 */
const FLOOR_OVERALL = 0.99;
const FLOOR_EACH = 0.95;

const corpus = path.join(importDir, "corpus/documents");
const documents = readdirSync(corpus)
  .filter((f) => !f.endsWith(".json") && !f.startsWith("README"))
  .sort();

describe("the real-document corpus", { timeout: 120_000 }, () => {
  const out = mkdtempSync(path.join(tmpdir(), "tvaers-corpus-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const totals = { hit: 0, total: 0 };

  it.each(documents)("scores %s at or above the floor", async (file) => {
    const golden = path.join(corpus, `${file.replace(/\.[^.]+$/, "")}.json`);
    const wanted = JSON.parse(readFileSync(golden, "utf8"));
    const bytes = new Uint8Array(readFileSync(path.join(corpus, file)));
    if (wanted.refuse) {
      await expect(parseDocument({ bytes, fileName: file })).rejects.toMatchObject({ code: "not_minutes" });
      totals.hit += 1;
      totals.total += 1;
      return;
    }
    const result = await parseDocument({ bytes, fileName: file });
    const actual = path.join(out, `${file}.json`);
    writeFileSync(actual, JSON.stringify(result));
    const report = execFileSync(
      "python3",
      [path.join(importDir, "check-golden.py"), golden, actual, "--min", "0"],
      { encoding: "utf8" },
    );
    const [, hit, total] = /score: (\d+)\/(\d+)/.exec(report) ?? [];
    totals.hit += Number(hit);
    totals.total += Number(total);
    expect(Number(hit) / Number(total), report).toBeGreaterThanOrEqual(FLOOR_EACH);
  });

  it("scores the whole corpus at or above the overall floor", () => {
    expect(totals.total).toBeGreaterThan(300);
    expect(totals.hit / totals.total).toBeGreaterThanOrEqual(FLOOR_OVERALL);
  });
});
