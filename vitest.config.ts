import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    // test/e2e runs too: Chromium through playwright-core (see test/e2e/browser.ts).
    exclude: ["node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Node 24 resolves drizzle-orm's files slowly; the preload works around it (src/cli/preload.ts).
    execArgv: ["--import", "./src/cli/preload.ts"],
  },
});
