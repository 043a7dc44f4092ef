/**
 * `npm run bench start`: wall-clock time from `npm start` to the first 200 from /healthz on a new data
 * folder — the way a newcomer meets Tværs — with the install's templates, without them, and a second start
 * of the same folder, beside a bare Fastify process started the same way in the same run.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_TEMPLATE_ROOT, templateKey } from "../src/modules/demo/template.ts";

const PORT = 3990;
const runs = Number(process.env.BENCH_START_RUNS ?? 3);

async function untilHealthy(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server stopped (exit ${child.exitCode})`);
    }
    try {
      if ((await fetch(url)).status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts a command, waits for its /healthz (or /), stops it; returns milliseconds to the first 200. */
async function timeStart(command: string, args: string[], env: Record<string, string>, url: string) {
  const started = performance.now();
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: "ignore", detached: true });
  try {
    await untilHealthy(url, child);
    return performance.now() - started;
  } finally {
    // npm start runs the server in a child of its own: stop the whole group.
    process.kill(-(child.pid as number), "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function benchStart(): Promise<void> {
  const fresh = ["empty", "demo"].every((kind) => {
    try {
      const meta = JSON.parse(
        readFileSync(path.join(DEFAULT_TEMPLATE_ROOT, kind, "tvaers-template.json"), "utf8"),
      ) as { key: string };
      return meta.key === templateKey(kind as "empty" | "demo");
    } catch {
      return false;
    }
  });
  if (!fresh) {
    // The templates are made by the install; after a code change, make them as the install would.
    const started = performance.now();
    spawnSync("npm", ["run", "--silent", "tvaers", "--", "prepare"], { stdio: "inherit" });
    const ms = performance.now() - started;
    process.stdout.write(
      `templates were stale; tvaers prepare (part of npm ci) took ${(ms / 1000).toFixed(1)} s\n`,
    );
  }
  const scratch = mkdtempSync(path.join(tmpdir(), "tvaers-start-"));
  const bare = path.join(scratch, "bare.mjs");
  writeFileSync(
    bare,
    `import Fastify from ${JSON.stringify(path.resolve("node_modules/fastify/fastify.js"))};
const app = Fastify(); app.get("/healthz", async () => ({ ok: true }));
await app.listen({ port: ${PORT}, host: "127.0.0.1" });`,
  );
  const url = `http://127.0.0.1:${PORT}/healthz`;
  const cases: { name: string; ms: number[] }[] = [];
  const measure = async (name: string, once: (i: number) => Promise<number>) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      ms.push(await once(i));
    }
    cases.push({ name, ms });
  };
  const serve = (dataDir: string, extra: Record<string, string> = {}) =>
    timeStart(
      "npm",
      ["start", "--silent"],
      { PORT: String(PORT), HOST: "127.0.0.1", LOG_LEVEL: "warn", TVAERS_DATA_DIR: dataDir, ...extra },
      url,
    );
  try {
    await measure("bare Fastify (node, one route)", () => timeStart("node", [bare], {}, url));
    await measure("npm start, new folder, templates (after npm ci)", (i) =>
      serve(path.join(scratch, `t${i}`)),
    );
    await measure("npm start, new folder, no templates", (i) =>
      serve(path.join(scratch, `n${i}`), { TVAERS_TEMPLATE_DIR: "off" }),
    );
    await measure("npm start, same folder again", () => serve(path.join(scratch, "t0")));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const baseline = median(cases[0]?.ms ?? [1]);
  process.stdout.write(`\nStart to first 200 from /healthz (${runs} runs each; demo on; target ≤ 5 s)\n`);
  console.table(
    cases.map((c) => ({
      case: c.name,
      "median s": (median(c.ms) / 1000).toFixed(2),
      "runs s": c.ms.map((m) => (m / 1000).toFixed(2)).join(" "),
      "× bare": (median(c.ms) / baseline).toFixed(1),
    })),
  );
}
