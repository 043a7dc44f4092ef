import { execFile, execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parseText } from "../../src/modules/import/index.ts";
import { encryptedPdf, makeZip, pdfWithoutText } from "../fixtures/bad-documents.ts";
import { seedToPdf } from "../fixtures/seed-documents.ts";
import { importDir, repoRoot, seeds } from "./helpers.ts";

const run = promisify(execFile);
const bin = path.join(repoRoot, "bin/tvaers.js");

async function tvaers(dataDir: string, args: string[], cwd = dataDir) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, TVAERS_DATA_DIR: path.join(dataDir, "db"), DATABASE_URL: "", TVAERS_DEMO: "0" },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The database as the export command sees it, without the export's own timestamp. */
async function exported(dir: string) {
  const res = await tvaers(dir, ["export"]);
  expect(res.code).toBe(0);
  return JSON.parse(res.stdout).tables;
}

// Each fresh embedded database costs seconds to create on disk: these tests get minutes, not the default 30 s.
describe("tvaers import", { timeout: 180_000, concurrent: true }, () => {
  const dirs: string[] = [];
  const tmp = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tvaers-import-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it("prints only the FORMAT.md JSON in a dry run, scoring ≥ 0.98 against each golden file", async () => {
    const dir = await tmp();
    for (const seed of seeds) {
      const res = await tvaers(
        dir,
        ["import", "--dry-run", "--json", path.join("../shared/seeds", seed.file)],
        repoRoot,
      );
      expect(res.code).toBe(0);
      const out = path.join(dir, `${seed.id}.json`);
      await writeFile(out, res.stdout);
      expect(JSON.parse(res.stdout).items.length).toBeGreaterThan(0);
      const score = execFileSync(
        "python3",
        [
          path.join(importDir, "check-golden.py"),
          path.join(importDir, "golden", `${seed.id}.json`),
          out,
          "--min",
          "0",
        ],
        { encoding: "utf8" },
      );
      expect(Number(/score: \d+\/\d+ = ([\d.]+)/.exec(score)?.[1])).toBeGreaterThanOrEqual(0.98);
    }
  });

  it("refuses bad documents with a clear message, in Danish or English, and writes nothing", async () => {
    const dir = await tmp();
    const bad = path.join(dir, "bad");
    await mkdir(bad);
    const pdf = await seedToPdf(
      "Referat\nØkonomiudvalget\n3. maj 2024\n\nPunkt 1: Godkendelse af dagsorden\n",
    );
    const files: Record<string, [Uint8Array | string, RegExp]> = {
      "tom.txt": ["", /Filen er tom/],
      "affald.pdf": [Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /genkendes ikke/],
      "afkortet.pdf": [pdf.subarray(0, Math.floor(pdf.length / 3)), /beskadiget/],
      "krypteret.pdf": [await encryptedPdf(), /adgangskode/],
      "scannet.pdf": [await pdfWithoutText(), /intet tekstlag/],
      "zip.docx": [makeZip({ "hej.txt": "hej" }), /ligner et Word-dokument/],
      "roman.txt": ["Der var engang en konge.\n\nHan havde tre sønner.\n", /ligner ikke en dagsorden/],
      "kæmpe.pdf": ["", /for stor/],
    };
    for (const [name, [content]] of Object.entries(files)) {
      await writeFile(path.join(bad, name), content);
    }
    await truncate(path.join(bad, "kæmpe.pdf"), 200 * 1024 * 1024);

    const dry = await tvaers(dir, [
      "import",
      "--dry-run",
      "--json",
      ...Object.keys(files).map((f) => path.join(bad, f)),
    ]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toBe("");
    for (const [name, [, message]] of Object.entries(files)) {
      expect(dry.stderr.split("\n").find((l) => l.includes(name))).toMatch(message);
    }
    const english = await tvaers(dir, [
      "import",
      "--dry-run",
      "--lang",
      "en",
      path.join(bad, "krypteret.pdf"),
    ]);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain("The PDF is password protected");

    expect((await tvaers(dir, ["migrate"])).code).toBe(0);
    const before = await exported(dir);
    const single = await tvaers(dir, ["import", path.join(bad, "scannet.pdf")]);
    expect(single.code).toBe(1);
    expect(single.stderr).toContain("PDF'en har intet tekstlag");
    const all = await tvaers(dir, ["import", bad]);
    expect(all.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(dir, "import-report.json"), "utf8"));
    expect(report.totals).toEqual({ imported: 0, updated: 0, duplicate: 0, failed: 8 });
    expect(await exported(dir)).toEqual(before);
  });

  it("imports a folder: the good documents and their attachment files, the bad one reported, exit 1", async () => {
    const dir = await tmp();
    const docs = path.join(dir, "arkiv", "2023");
    await mkdir(docs, { recursive: true });
    for (const seed of seeds) {
      await writeFile(path.join(docs, seed.file), seed.text);
    }
    await writeFile(path.join(docs, "ødelagt.pdf"), "%PDF-1.7\n1 0 obj");
    const third = seeds[2];
    const title = third
      ? parseText(third.text, third.file).items.flatMap((i) => i.attachments)[0]
      : undefined;
    if (!third || !title) {
      throw new Error("seed 002 should list attachments");
    }
    const stem = third.file.replace(/\.txt$/, "");
    await mkdir(path.join(docs, `${stem}_bilag`));
    await writeFile(
      path.join(docs, `${stem}_bilag`, `01 ${title.replace(/[/\\:]/g, " ")}.pdf`),
      "bilagets indhold",
    );

    const res = await tvaers(dir, ["import", path.join(dir, "arkiv"), "--report", "rapport.json"]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain("3 importeret");
    expect(res.stdout).toContain("ødelagt.pdf");
    const report = JSON.parse(await readFile(path.join(dir, "rapport.json"), "utf8"));
    expect(report.totals).toEqual({ imported: 3, updated: 0, duplicate: 0, failed: 1 });
    const failed = report.documents.find((d: { status: string }) => d.status === "failed");
    expect(failed.file).toContain("ødelagt.pdf");
    expect(failed.reason).toMatch(/beskadiget/);
    expect(report.documents.find((d: { file: string }) => d.file.includes(stem)).attachmentFiles).toBe(1);
    const tables = await exported(dir);
    expect(tables.meetings).toHaveLength(3);
    // One attachment file; the rest of the file store is the published minutes' frozen editions.
    const frozen = new Set(tables.publishedDocuments.map((d: { sha256: string }) => d.sha256));
    expect(tables.storedFiles.filter((f: { sha256: string }) => !frozen.has(f.sha256))).toHaveLength(1);
    expect(frozen.size).toBeGreaterThan(0);

    const again = await tvaers(dir, ["import", path.join(dir, "arkiv")]);
    expect(again.code).toBe(1);
    const second = JSON.parse(await readFile(path.join(dir, "import-report.json"), "utf8"));
    expect(second.totals).toEqual({ imported: 0, updated: 0, duplicate: 3, failed: 1 });
    expect(await exported(dir)).toEqual(tables);
  });
});
