import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, MIGRATIONS_FOLDER } from "../../db/client.ts";
import { demoWeekShift } from "./demo.dates.ts";

/**
 * Database templates, made once by `npm ci` (the `postinstall` script runs `tvaers prepare`) so that the
 * first start copies a folder instead of running PGlite's initdb (4 s here), the migrations and the demo
 * load (3.5 s). A template is used only when its key still matches: the PGlite version, the migrations,
 * the source code and, for the demo, the week the demo's dates were moved to. Otherwise the start does
 * the work itself, as it always did. docs/decisions/011-start-up.md has the figures.
 */
export type TemplateKind = "empty" | "demo";

export interface TemplateMeta {
  kind: TemplateKind;
  key: string;
  /** demo only: how many meetings the demo wrote */
  meetings?: number;
  createdAt: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** node_modules/.cache/tvaers: made by the install, removed with node_modules. */
export const DEFAULT_TEMPLATE_ROOT = path.join(ROOT, "node_modules", ".cache", "tvaers");
const META_FILE = "tvaers-template.json";
const notOurs = (src: string) => path.basename(src) !== META_FILE;

function hashTree(hash: ReturnType<typeof createHash>, dir: string, skip: (name: string) => boolean): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      hashTree(hash, full, skip);
    } else if (!skip(entry.name)) {
      hash.update(path.relative(ROOT, full)).update("\0").update(readFileSync(full)).update("\0");
    }
  }
}

/** What a template of this kind must have been made from to be used now. */
export function templateKey(kind: TemplateKind, now = new Date()): string {
  const hash = createHash("sha256");
  const pglite = JSON.parse(
    readFileSync(path.join(ROOT, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8"),
  ) as { version: string };
  hash.update(`pglite ${pglite.version}\0`);
  hashTree(hash, MIGRATIONS_FOLDER, () => false);
  if (kind === "demo") {
    // The demo goes through the services, so any source file may change what it writes.
    hashTree(hash, path.join(ROOT, "src"), (name) => name.includes(".test."));
    hash.update(`week ${demoWeekShift(now)}`);
  }
  return hash.digest("hex");
}

function readMeta(dir: string): TemplateMeta | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, META_FILE), "utf8")) as TemplateMeta;
  } catch {
    return null;
  }
}

function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Fills a new, empty PGlite data folder from a template: the demo template when the demo is wanted
 * and its key matches, else the empty one. Returns what was copied, or null (the caller then runs
 * initdb, the migrations and the demo itself).
 */
export function seedDataDir(
  dataDir: string,
  opts: { demo: boolean; now?: Date; root?: string },
): TemplateMeta | null {
  if (dataDir === "memory://" || !isEmptyFolder(dataDir)) {
    return null;
  }
  const root = opts.root ?? DEFAULT_TEMPLATE_ROOT;
  const kinds: TemplateKind[] = opts.demo ? ["demo", "empty"] : ["empty"];
  for (const kind of kinds) {
    const dir = path.join(root, kind);
    const meta = readMeta(dir);
    if (!meta || meta.key !== templateKey(kind, opts.now)) {
      continue;
    }
    // Copy beside the target and rename, so a crash never leaves half a database behind.
    const partial = `${dataDir}.seeding-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(dir, partial, { recursive: true, filter: notOurs });
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(partial, dataDir);
    return meta;
  }
  return null;
}

async function buildOne(
  root: string,
  kind: TemplateKind,
  fill: (dataDir: string) => Promise<Omit<TemplateMeta, "kind" | "key" | "createdAt">>,
  now: Date,
): Promise<TemplateMeta> {
  const dir = path.join(root, kind);
  const partial = `${dir}.building-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const extra = await fill(partial);
  const meta: TemplateMeta = { kind, key: templateKey(kind, now), ...extra, createdAt: now.toISOString() };
  writeFileSync(path.join(partial, META_FILE), JSON.stringify(meta, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return meta;
}

/** Whether both templates exist and still fit this code, this week and this PGlite (nothing to make). */
export function templatesCurrent(opts: { root?: string; now?: Date } = {}): boolean {
  const root = opts.root ?? DEFAULT_TEMPLATE_ROOT;
  return (["empty", "demo"] as const).every(
    (kind) => readMeta(path.join(root, kind))?.key === templateKey(kind, opts.now),
  );
}

/** Makes both templates (what `tvaers prepare` and the install run). */
export async function buildTemplates(opts: { root?: string; now?: Date } = {}): Promise<TemplateMeta[]> {
  const root = opts.root ?? DEFAULT_TEMPLATE_ROOT;
  const now = opts.now ?? new Date();
  const empty = await buildOne(
    root,
    "empty",
    async (dataDir) => {
      const database = await createDatabase({ databaseUrl: undefined, dataDir });
      await database.migrate();
      await database.close();
      return {};
    },
    now,
  );
  const demo = await buildOne(
    root,
    "demo",
    async (dataDir) => {
      cpSync(path.join(root, "empty"), dataDir, { recursive: true, filter: notOurs });
      const database = await createDatabase({ databaseUrl: undefined, dataDir });
      try {
        const { loadDemo } = await import("./demo.service.ts");
        const { demoData } = await import("./demo.data.ts");
        // The demo's published meetings get their frozen documents here, once, like any publication.
        const { backgroundTasks, installEffects } = await import("../../server/effects.ts");
        const { drainBackground } = await import("../../server/background.ts");
        installEffects();
        const result = await loadDemo(database.db, demoData, now);
        await drainBackground(database.db, backgroundTasks());
        return { meetings: result.meetings };
      } finally {
        await database.close();
      }
    },
    now,
  );
  return [empty, demo];
}
