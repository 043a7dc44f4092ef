import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { type Config, testConfig } from "../src/config.ts";
import { createDatabase, type Database } from "../src/db/client.ts";
import { demoData } from "../src/modules/demo/demo.data.ts";
import { loadDemo } from "../src/modules/demo/demo.service.ts";
import { seedDataDir } from "../src/modules/demo/template.ts";
import { buildApp } from "../src/server/app.ts";
import { installEffects } from "../src/server/effects.ts";

export interface ConformanceApp {
  app: FastifyInstance;
  database: Database;
  /** http://127.0.0.1:<port> */
  url: string;
  /** a demo log-in with every right, for checks that change data through the API */
  admin: { email: string; password: string };
  close(): Promise<void>;
}

/**
 * The app on the demo data, listening on a free loopback port: a copy of the install's demo template
 * when it fits (made by `npm ci`), else a fresh in-memory database with the demo loaded.
 */
export async function startConformanceApp(settings: Partial<Config> = {}): Promise<ConformanceApp> {
  const folder = mkdtempSync(path.join(tmpdir(), "tvaers-conformance-"));
  const dataDir = path.join(folder, "data");
  const seeded = seedDataDir(dataDir, { demo: true });
  const database = await createDatabase({
    databaseUrl: undefined,
    dataDir: seeded?.kind === "demo" ? dataDir : "memory://",
  });
  await database.migrate();
  if (seeded?.kind !== "demo") {
    installEffects();
    await loadDemo(database.db, demoData);
  }
  const app = await buildApp({ config: testConfig(settings), database });
  // The demo's publications leave their frozen documents to the after-commit work: finish it first.
  await app.background.drain();
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const url = typeof address === "object" && address ? `http://127.0.0.1:${address.port}` : "";
  const admin = demoData.users.find((u) => u.isAdmin) ?? demoData.users[0];
  if (!admin) {
    throw new Error("The demo has no log-in.");
  }
  return {
    app,
    database,
    url,
    admin: { email: admin.email, password: admin.password },
    async close() {
      await app.close();
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
