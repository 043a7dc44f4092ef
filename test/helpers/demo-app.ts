import type { FastifyInstance } from "fastify";
import { testConfig } from "../../src/config.ts";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { demoData } from "../../src/modules/demo/demo.data.ts";
import { loadDemo } from "../../src/modules/demo/demo.service.ts";
import { buildApp } from "../../src/server/app.ts";
import { installEffects } from "../../src/server/effects.ts";
import { templateFolder } from "./databases.ts";

export interface DemoApp {
  app: FastifyInstance;
  database: Database;
  /** http://127.0.0.1:<port> when listening, else "" */
  url: string;
  close(): Promise<void>;
}

/** The app on a fresh in-memory PGlite with the demo data; listens on a random port when asked. */
export async function startDemoApp(opts: { listen?: boolean } = {}): Promise<DemoApp> {
  // The install's demo template holds what loadDemo writes this week (test/demo-template.test.ts proves it).
  const folder = templateFolder({ demo: true });
  const database = await createDatabase({ databaseUrl: undefined, dataDir: folder?.dataDir ?? "memory://" });
  await database.migrate();
  if (folder?.kind !== "demo") {
    installEffects();
    await loadDemo(database.db, demoData);
  }
  const app = await buildApp({ config: testConfig(), database });
  // Without a template the demo's publications left their documents to the after-commit work.
  await app.background.drain();
  let url = "";
  if (opts.listen) {
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    url = typeof address === "object" && address ? `http://127.0.0.1:${address.port}` : "";
  } else {
    await app.ready();
  }
  return {
    app,
    database,
    url,
    async close() {
      await app.close();
      await database.close();
      folder?.remove();
    },
  };
}
