import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, "../bin/tvaers.js");

async function tvaers(dataDir: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, TVAERS_DATA_DIR: dataDir, DATABASE_URL: "", TVAERS_DEMO: "0", ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each command starts its own embedded database on disk (initdb and migrations): seconds each,
// more on a busy machine, so these tests get a generous limit.
describe("the tvaers command", { timeout: 180_000 }, () => {
  const dirs: string[] = [];
  const tmp = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tvaers-cli-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it("migrates, creates the first admin, exports and restores losslessly", async () => {
    const a = await tmp();
    const b = await tmp();
    expect((await tvaers(a, ["migrate"])).code).toBe(0);
    const created = await tvaers(a, ["user", "create", "--email", "chef@region.dk", "--admin"], {
      TVAERS_PASSWORD: "en-god-lang-adgangskode",
    });
    expect(created.stderr).toContain("administrator");
    expect(created.code).toBe(0);
    const demo = await tvaers(a, ["demo"]);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain("ikke tom");
    const exportFile = path.join(a, "eksport.json");
    expect((await tvaers(a, ["export", "--out", exportFile])).code).toBe(0);
    const restored = await tvaers(b, ["restore", exportFile]);
    expect(restored.code).toBe(0);
    const again = await tvaers(b, ["export"]);
    const first = JSON.parse(await readFile(exportFile, "utf8"));
    const second = JSON.parse(again.stdout);
    const note = second.tables.auditLog.pop();
    expect(note).toMatchObject({ tableName: "database", action: "restore", actor: "cli:restore" });
    expect(second.tables).toEqual(first.tables);
    const verified = await tvaers(b, ["audit", "verify"]);
    expect(verified.stderr).toMatch(/Revisionsloggen er hel: \d+ poster/);
    expect(verified.code).toBe(0);
    expect(first.tables.users[0].email).toBe("chef@region.dk");
    const refused = await tvaers(b, ["restore", exportFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Fejl: Databasen er ikke tom/);
  });

  it("refuses a short password with a Danish message", async () => {
    const dir = await tmp();
    const res = await tvaers(dir, ["user", "create", "--email", "x@y.dk", "--password", "kort"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("mindst 10 tegn");
  });
});
