import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    // test/e2e runs too: Chromium through playwright-core (see test/e2e/browser.ts).
    exclude: ["node_modules/**"],
    // Browser walks (test/e2e) and whole-demo suites run beside each other on 2 cores: a minute each.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Node 24 resolves drizzle-orm's files slowly; the preload works around it (src/cli/preload.ts).
    execArgv: ["--import", "./src/cli/preload.ts"],
  },
});
