import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client.ts";

/**
 * Crash safety of the folder import: `tvaers import DIR` on an embedded database on disk is killed
 * with SIGKILL at seeded moments (after N progress lines on stderr) and started again. After each
 * kill the database opens, every imported document has its meeting, and no meeting is half-written
 * (its item count is the document's). A last run finishes, every document imported or a duplicate.
 */
const DOCS = 30;
const bin = path.resolve(import.meta.dirname, "../../bin/tvaers.js");
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const MONTHS = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
];

/** Minutes number i: a meeting of Sundhedsklynge Nord with 2–5 items. */
function minutes(i: number): { text: string; items: number } {
  const items = 2 + (i % 4);
  const year = 2019 + Math.floor(i / 12);
  const lines = [
    "# Beslutningsreferat",
    "",
    "**Udvalg:** Sundhedsklynge Nord – politisk niveau",
    `**Dato:** ${1 + (i % 27)}. ${MONTHS[i % 12]} ${year} kl. 09:00`,
    "**Sted:** Regionshuset",
    "",
  ];
  for (let n = 1; n <= items; n++) {
    lines.push(
      `## ${n}. Punkt ${n} på møde ${i}`,
      "",
      "### Sagsfremstilling",
      "",
      `Sagen om emne ${i}-${n}.`,
      "",
    );
    lines.push("### Beslutning", "", "Godkendt.", "");
  }
  return { text: lines.join("\n"), items };
}

/** Runs the import; with killAfter, SIGKILLs it after that many progress lines. */
function runImport(cwd: string, dataDir: string, docs: string, killAfter?: number) {
  return new Promise<{ code: number | null; signal: string | null; lines: number }>((resolve) => {
    const child = spawn(process.execPath, [bin, "import", docs], {
      cwd,
      env: { ...process.env, TVAERS_DATA_DIR: dataDir, DATABASE_URL: "", TVAERS_DEMO: "0" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let lines = 0;
    let buffer = "";
    child.stderr.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      lines += parts.filter((l) => l.startsWith("[")).length;
      if (killAfter !== undefined && lines >= killAfter && child.exitCode === null) {
        child.kill("SIGKILL");
      }
    });
    child.on("exit", (code, signal) => resolve({ code, signal, lines }));
  });
}

async function check(dataDir: string, expected: Map<string, number>) {
  const database = await createDatabase({ databaseUrl: undefined, dataDir });
  try {
    const res = (await database.db.execute(
      sql.raw(`select d.file_name, m.id as meeting,
                (select count(*)::int from agenda_items i where i.meeting_id = d.meeting_id) as items
         from imported_documents d left join meetings m on m.id = d.meeting_id`),
    )) as unknown as { rows: { file_name: string; meeting: number | null; items: number }[] };
    for (const row of res.rows) {
      expect(row.meeting, row.file_name).not.toBeNull();
      expect(row.items, row.file_name).toBe(expected.get(row.file_name));
    }
    // No meeting without its document either (a meeting written but its record lost).
    const meetings = (await database.db.execute(
      sql.raw("select count(*)::int as n from meetings"),
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(meetings.rows[0]?.n).toBe(res.rows.length);
    return res.rows.length;
  } finally {
    await database.close();
  }
}

it("survives kill -9 during a folder import and finishes on the next run", { timeout: 300_000 }, async () => {
  const root = await mkdtemp(path.join(tmpdir(), "tvaers-crash-"));
  dirs.push(root);
  const docs = path.join(root, "referater");
  const dataDir = path.join(root, "db");
  await mkdir(docs);
  const expected = new Map<string, number>();
  for (let i = 0; i < DOCS; i++) {
    const doc = minutes(i);
    const name = `referat-${String(i).padStart(2, "0")}.md`;
    expected.set(name, doc.items);
    await writeFile(path.join(docs, name), doc.text);
  }
  // Seeded moments: each run gets past what the runs before imported (duplicates are quick).
  const kills = [5, 17];
  const done: number[] = [];
  for (const killAfter of kills) {
    const run = await runImport(root, dataDir, docs, killAfter);
    expect(run.signal).toBe("SIGKILL");
    done.push(await check(dataDir, expected));
  }
  const last = await runImport(root, dataDir, docs);
  expect(last.code).toBe(0);
  expect(last.lines).toBe(DOCS);
  expect(await check(dataDir, expected)).toBe(DOCS);
  console.info(
    `crash: killed after ${kills.join(", ")} progress lines; documents in the database after each kill: ${done.join(", ")}; last run ${last.lines}/${DOCS}`,
  );
});
