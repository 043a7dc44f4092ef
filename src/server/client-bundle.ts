/**
 * The pages' progressive-enhancement scripts (src/client/*.ts), bundled by Vite. There is no build
 * step for the user: the first buildApp() of a process builds the bundle into
 * node_modules/.cache/tvaers-client/<hash of the sources and Vite's version> when that folder is
 * missing, and later starts (and every test suite) reuse it. See docs/decisions/008-client-scripts.md.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CLIENT_SRC = join(ROOT, "src", "client");
const CACHE = join(ROOT, "node_modules", ".cache", "tvaers-client");

/** One page script: its file, the files it imports, and what a browser downloads for it (gzipped). */
export interface ClientEntry {
  name: string;
  file: string;
  imports: string[];
  gzipBytes: number;
}
export interface ClientBundle {
  hash: string;
  dir: string;
  entries: Map<string, ClientEntry>;
  /** milliseconds spent: 0 when the cached bundle was used */
  buildMs: number;
}

/** Every source file of src/client (recursively), sorted, for the hash. */
function sourceFiles(dir = CLIENT_SRC): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? sourceFiles(join(dir, d.name)) : [join(dir, d.name)]))
    .filter((f) => f.endsWith(".ts"))
    .sort();
}

/** Entry points: the top-level files of src/client (shared code lives in src/client/lib/). */
function entryFiles(): string[] {
  return sourceFiles().filter((f) => dirname(f) === CLIENT_SRC);
}

function sourceHash(): string {
  const h = createHash("sha256");
  const viteVersion = (
    JSON.parse(readFileSync(require.resolve("vite/package.json"), "utf8")) as { version: string }
  ).version;
  h.update(`vite ${viteVersion}\n`);
  for (const f of sourceFiles()) {
    h.update(`${f.slice(CLIENT_SRC.length)}\n`);
    h.update(readFileSync(f));
  }
  return h.digest("hex").slice(0, 12);
}

type Manifest = Record<string, { file: string; name?: string; isEntry?: boolean; imports?: string[] }>;

function readBundle(hash: string, dir: string, buildMs: number): ClientBundle {
  const manifest = JSON.parse(readFileSync(join(dir, ".vite", "manifest.json"), "utf8")) as Manifest;
  const entries = new Map<string, ClientEntry>();
  const importsOf = (key: string, seen = new Set<string>()): string[] => {
    for (const dep of manifest[key]?.imports ?? []) {
      if (!seen.has(dep)) {
        seen.add(dep);
        importsOf(dep, seen);
      }
    }
    return [...seen];
  };
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) {
      continue;
    }
    const name = key.replace(/^.*\//, "").replace(/\.ts$/, "");
    const imports = importsOf(key).map((k) => manifest[k]?.file ?? k);
    const gzipBytes = [chunk.file, ...imports].reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).byteLength,
      0,
    );
    entries.set(name, { name, file: chunk.file, imports, gzipBytes });
  }
  return { hash, dir, entries, buildMs };
}

async function buildInto(dir: string): Promise<void> {
  const { build } = await import("vite");
  const input = Object.fromEntries(entryFiles().map((f) => [f.slice(CLIENT_SRC.length + 1, -3), f]));
  await build({
    configFile: false,
    logLevel: "warn",
    root: CLIENT_SRC,
    publicDir: false,
    build: {
      outDir: dir,
      emptyOutDir: true,
      manifest: true,
      minify: true,
      target: "es2020",
      modulePreload: false,
      rollupOptions: {
        input,
        output: { entryFileNames: "[name]-[hash].js", chunkFileNames: "[name]-[hash].js" },
      },
    },
  });
}

let current: Promise<ClientBundle> | null = null;
let ready: ClientBundle | null = null;

/** Builds the bundle unless this version of the sources is already built; once per process. */
export function ensureClientBundle(): Promise<ClientBundle> {
  current ??= (async () => {
    const hash = sourceHash();
    const dir = join(CACHE, hash);
    if (existsSync(join(dir, ".vite", "manifest.json"))) {
      ready = readBundle(hash, dir, 0);
      return ready;
    }
    const started = performance.now();
    // Several processes (test workers) may build at once: each into its own folder, the first rename wins.
    const tmp = join(CACHE, `${hash}.tmp-${process.pid}-${Date.now()}`);
    mkdirSync(CACHE, { recursive: true });
    await buildInto(tmp);
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true });
    }
    ready = readBundle(hash, dir, performance.now() - started);
    return ready;
  })();
  return current;
}

/** The script URLs of a page script (entry last), for the layout; empty before the bundle is ready. */
export function clientScriptUrls(name: string): string[] {
  const entry = ready?.entries.get(name);
  if (!ready || !entry) {
    return [];
  }
  return [`/static/js/${ready.hash}/${entry.file}`];
}

/** GET /static/js/<hash>/<file>: the bundle's files, cacheable forever (the hash names the version). */
export async function clientScriptRoutes(app: FastifyInstance) {
  app.get<{ Params: { hash: string; file: string } }>(
    "/static/js/:hash/:file",
    { schema: { hide: true } },
    async (req, reply) => {
      const bundle = await ensureClientBundle();
      const { hash, file } = req.params;
      if (hash !== bundle.hash || !/^[\w-]+\.js$/.test(file)) {
        return reply.callNotFound();
      }
      const bytes = await readFile(join(bundle.dir, file)).catch(() => null);
      if (!bytes) {
        return reply.callNotFound();
      }
      return reply
        .header("cache-control", "public, max-age=31536000, immutable")
        .header("x-content-type-options", "nosniff")
        .type("text/javascript; charset=utf-8")
        .send(bytes);
    },
  );
}
