import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../src/config.ts";
import { createDatabase } from "../src/db/client.ts";
import { exportAll } from "../src/modules/backup/index.ts";
import { demoData } from "../src/modules/demo/demo.data.ts";
import { loadDemo } from "../src/modules/demo/demo.service.ts";
import { buildTemplates, seedDataDir, type TemplateMeta } from "../src/modules/demo/template.ts";
import { drainBackground } from "../src/server/background.ts";
import { backgroundTasks } from "../src/server/effects.ts";
import { startServer } from "../src/server/main.ts";

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A value without what differs between two loads by design: clock times and password salts. */
function normalize(value: unknown): unknown {
  if (typeof value === "string") {
    return ISO_TIME.test(value) ? "<tid>" : value;
  }
  if (Array.isArray(value)) {
    return value.map(normalize);
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "passwordHash")
        .map(([key, v]) => [key, normalize(v)]),
    );
  }
  return value;
}

/**
 * An export as compared: the audit log differs by design (times and actor of its one demo entry), and so
 * do the bytes of the frozen PDF/Word editions (they carry the moment they were made): their files are
 * left out and the editions compared by which exist (kind, edition, format, number, reason).
 */
function comparable(tables: Record<string, Record<string, unknown>[]>) {
  const frozen = new Set((tables.publishedDocuments ?? []).map((d) => d.sha256));
  const rest = {
    ...tables,
    storedFiles: (tables.storedFiles ?? []).filter((f) => !frozen.has(f.sha256)),
    // … and what they show includes the moment of approval, a clock time too: compare which editions exist.
    publishedDocuments: (tables.publishedDocuments ?? []).map(
      ({ sha256: _s, size: _z, contentHash: _h, ...d }) => d,
    ),
  };
  return normalize(
    Object.fromEntries(Object.entries(rest).filter(([name]) => name !== "auditLog")),
  ) as Record<string, unknown[]>;
}

describe("Database templates (made by npm ci, copied by the first start)", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "tvaers-template-test-"));
  const root = path.join(scratch, "templates");
  const now = new Date();
  let made: TemplateMeta[] = [];

  beforeAll(async () => {
    made = await buildTemplates({ root, now });
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("makes an empty and a demo template with their keys", () => {
    expect(made.map((m) => m.kind)).toEqual(["empty", "demo"]);
    expect(made[1]?.meetings).toBe(14);
    expect(made[0]?.key).not.toBe(made[1]?.key);
    expect(existsSync(path.join(root, "demo", "PG_VERSION"))).toBe(true);
    // no half-built folder is left beside them
    expect(readdirSync(root).sort()).toEqual(["demo", "empty"]);
  });

  it("a folder seeded from the demo template holds exactly what the services write", async () => {
    const dataDir = path.join(scratch, "seeded");
    expect(seedDataDir(dataDir, { demo: true, now, root })?.kind).toBe("demo");
    const seeded = await createDatabase({ databaseUrl: undefined, dataDir });
    const direct = await createDatabase({ databaseUrl: undefined, dataDir: "memory://" });
    try {
      await seeded.migrate();
      await direct.migrate();
      await loadDemo(direct.db, demoData, now);
      // The template holds the demo's frozen editions; the services make them after the commit.
      await drainBackground(direct.db, backgroundTasks());
      const a = comparable((await exportAll(seeded.db)).tables);
      const b = comparable((await exportAll(direct.db)).tables);
      expect(Object.keys(a).length).toBeGreaterThan(20);
      expect(a.agendaItems?.length).toBeGreaterThanOrEqual(96);
      expect(a).toEqual(b);
    } finally {
      await seeded.close();
      await direct.close();
    }
  }, 120_000);

  it("uses a template only when it still fits, and only for a new, empty folder", () => {
    const nextWeek = new Date(now.getTime() + 7 * 86_400_000);
    // the demo's dates are moved to the week of the start: another week falls back to the empty template
    expect(seedDataDir(path.join(scratch, "next-week"), { demo: true, now: nextWeek, root })?.kind).toBe(
      "empty",
    );
    expect(seedDataDir(path.join(scratch, "no-demo"), { demo: false, now, root })?.kind).toBe("empty");
    const used = path.join(scratch, "in-use");
    mkdirSync(used);
    writeFileSync(path.join(used, "PG_VERSION"), "17");
    expect(seedDataDir(used, { demo: true, now, root })).toBeNull();
    expect(
      seedDataDir(path.join(scratch, "no-templates"), { demo: true, now, root: path.join(scratch, "x") }),
    ).toBeNull();
    expect(seedDataDir("memory://", { demo: true, now, root })).toBeNull();
    // a template whose key no longer matches (other migrations, code or PGlite) is not used
    const stale = path.join(scratch, "stale");
    mkdirSync(path.join(stale, "empty"), { recursive: true });
    writeFileSync(
      path.join(stale, "empty", "tvaers-template.json"),
      JSON.stringify({ kind: "empty", key: "0".repeat(64), createdAt: now.toISOString() }),
    );
    expect(seedDataDir(path.join(scratch, "from-stale"), { demo: false, now, root: stale })).toBeNull();
    expect(existsSync(path.join(scratch, "from-stale"))).toBe(false);
  });

  it("the first start serves the demo from the template and says so", async () => {
    const lines: string[] = [];
    const dataDir = path.join(scratch, "served");
    const config = { ...testConfig(), dataDir, demo: true, templateDir: root, port: 0, host: "127.0.0.1" };
    const { app, database } = await startServer(config, (line) => lines.push(line));
    try {
      expect(lines[0]).toBe("Demodata indlæst: 14 møder. Log ind med:");
      expect(lines.some((l) => l.includes("skabelon"))).toBe(true);
      expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
      const login = demoData.users[0];
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: login?.email, password: login?.password },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);
});
