import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { seedToDocx, seedToHtml, seedToPdf } from "../../../test/fixtures/seed-documents.ts";
import { SYNTHETIC } from "../../../test/fixtures/synthetic-documents.ts";
import { ImportError, parseDocument, ZImportResult } from "./index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seedsDir = path.resolve(repoRoot, "../shared/seeds");

/** mulberry32: a small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (bytes: Uint8Array, rnd: () => number) => Uint8Array;
const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);

const MUTATIONS: Record<string, Mutation> = {
  flip: (bytes, rnd) => {
    const out = bytes.slice();
    for (let k = 1 + int(rnd, 20); k > 0 && out.length > 0; k--) {
      out[int(rnd, out.length)] = int(rnd, 256);
    }
    return out;
  },
  truncate: (bytes, rnd) => bytes.slice(0, int(rnd, bytes.length + 1)),
  cut: (bytes, rnd) => {
    const a = int(rnd, bytes.length);
    const b = a + int(rnd, Math.max(1, bytes.length - a));
    return new Uint8Array([...bytes.subarray(0, a), ...bytes.subarray(b)]);
  },
  repeat: (bytes, rnd) => {
    const a = int(rnd, bytes.length);
    const piece = bytes.subarray(a, a + int(rnd, 2000));
    return new Uint8Array([...bytes.subarray(0, a), ...piece, ...piece, ...bytes.subarray(a)]);
  },
  shuffleLines: (bytes, rnd) => {
    const lines = new TextDecoder().decode(bytes).split("\n");
    for (let k = int(rnd, 40); k > 0 && lines.length > 1; k--) {
      const i = int(rnd, lines.length);
      const j = int(rnd, lines.length);
      [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
    }
    return new TextEncoder().encode(lines.join("\n"));
  },
  junkLines: (bytes, rnd) => {
    const lines = new TextDecoder().decode(bytes).split("\n");
    const junk = [
      "Punkt 3:",
      "## ",
      "**Beslutning**",
      "1.",
      "Fraværende",
      "deltog ikke",
      "....... 4",
      "<div>",
      "kl. 99:99",
    ];
    for (let k = 1 + int(rnd, 10); k > 0; k--) {
      lines.splice(int(rnd, lines.length + 1), 0, junk[int(rnd, junk.length)] ?? "");
    }
    return new TextEncoder().encode(lines.join("\n"));
  },
};

interface Base {
  name: string;
  bytes: Uint8Array;
}

const textBases: Base[] = [];
const binaryBases: Base[] = [];

beforeAll(async () => {
  const encode = (s: string) => new TextEncoder().encode(s);
  const seeds = readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(path.join(seedsDir, f), "utf8"));
  // Seeds are cut to their first part so thousands of runs stay quick.
  const texts = [...SYNTHETIC, ...seeds.map((s) => s.slice(0, 12_000))];
  for (const [i, text] of texts.entries()) {
    textBases.push({ name: `text${i}.txt`, bytes: encode(text) });
    textBases.push({ name: `page${i}.html`, bytes: seedToHtml(text) });
  }
  for (const [i, text] of SYNTHETIC.entries()) {
    binaryBases.push({ name: `doc${i}.docx`, bytes: await seedToDocx(text) });
    binaryBases.push({ name: `doc${i}.pdf`, bytes: await seedToPdf(text) });
  }
}, 60_000);

const outcomes = { parsed: 0, rejected: 0 };

async function check(base: Base, mutated: Uint8Array, label: string): Promise<void> {
  try {
    const result = await parseDocument({ bytes: mutated, fileName: base.name, timeoutMs: 5_000 });
    const parsed = ZImportResult.safeParse(result);
    if (!parsed.success) {
      throw new Error(`${label}: invalid result ${parsed.error.message}`);
    }
    outcomes.parsed += 1;
  } catch (err) {
    if (!(err instanceof ImportError)) {
      throw new Error(`${label}: ${err instanceof Error ? err.stack : String(err)}`);
    }
    outcomes.rejected += 1;
  }
}

describe("fuzz", () => {
  it("returns a valid result or an ImportError for 3,000 mutated text, Markdown and HTML documents", async () => {
    const rnd = prng(20_240_501);
    const names = Object.keys(MUTATIONS);
    for (let n = 0; n < 3_000; n++) {
      const base = textBases[int(rnd, textBases.length)];
      const name = names[int(rnd, names.length)] ?? "flip";
      const mutate = MUTATIONS[name];
      if (!base || !mutate) {
        continue;
      }
      await check(base, mutate(base.bytes, rnd), `#${n} ${name} ${base.name}`);
    }
    expect(textBases.length).toBeGreaterThan(0);
  }, 60_000);

  it("returns a valid result or an ImportError for 500 mutated PDF and DOCX files", async () => {
    const rnd = prng(7);
    const names = ["flip", "truncate", "cut", "repeat"];
    for (let n = 0; n < 500; n++) {
      const base = binaryBases[int(rnd, binaryBases.length)];
      const name = names[int(rnd, names.length)] ?? "flip";
      const mutate = MUTATIONS[name];
      if (!base || !mutate) {
        continue;
      }
      await check(base, mutate(base.bytes, rnd), `#${n} ${name} ${base.name}`);
    }
    expect(binaryBases.length).toBe(10);
  }, 60_000);

  it("exercised both outcomes", () => {
    expect(outcomes.parsed).toBeGreaterThan(100);
    expect(outcomes.rejected).toBeGreaterThan(100);
  });
});
