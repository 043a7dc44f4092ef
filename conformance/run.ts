/**
 * `npm run conformance`: starts the app on the demo data and runs every conformance check against it,
 * one line per check (`PASS|FAIL <name>: <detail>`); exits 1 when any check fails. Each module in
 * MODULES exports `checks: Check[]`.
 */
import { startConformanceApp } from "./app.ts";
import { type Check, CheckFailed, type ConformanceContext } from "./check.ts";

const MODULES = ["./oparl.ts", "./openapi.ts", "./pdf.ts", "./docx.ts"];

async function main(): Promise<number> {
  const started = performance.now();
  const demo = await startConformanceApp();
  let cookie: string | undefined;
  const ctx: ConformanceContext = {
    demo,
    fetch: (path, init) => fetch(path.startsWith("http") ? path : `${demo.url}${path}`, init),
    async adminCookie() {
      if (!cookie) {
        const res = await fetch(`${demo.url}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(demo.admin),
        });
        const set = res.headers.get("set-cookie") ?? "";
        cookie = set.split(";")[0] ?? "";
        if (res.status !== 200 || !cookie) {
          throw new CheckFailed(`log-in as ${demo.admin.email} answered ${res.status}`);
        }
      }
      return cookie;
    },
  };
  let failed = 0;
  let passed = 0;
  try {
    for (const file of MODULES) {
      const { checks } = (await import(file)) as { checks: Check[] };
      for (const check of checks) {
        const t0 = performance.now();
        try {
          const detail = await check.run(ctx);
          passed += 1;
          process.stdout.write(`PASS ${check.name}: ${detail} (${Math.round(performance.now() - t0)} ms)\n`);
        } catch (err) {
          failed += 1;
          const message = err instanceof CheckFailed ? err.message : String((err as Error)?.stack ?? err);
          process.stdout.write(`FAIL ${check.name}: ${message}\n`);
        }
      }
    }
  } finally {
    await demo.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`conformance took ${seconds} s\nconformance: ${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
