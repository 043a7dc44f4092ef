import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { type Config, testConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Ctx } from "../../src/server/context.ts";
import { createTestDatabase, type DbKind } from "./databases.ts";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** a context with full rights, for arranging data through the services */
  system: Ctx;
  /** injects a request, optionally as a user (by bearer token) */
  request(opts: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
}

/** A fresh app on a fresh database for one suite (settings as `testConfig`, with `config` over them); closed after the suite. */
export function useTestApp(kind: DbKind, config: Partial<Config> = {}): () => TestApp {
  let current: TestApp | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase(kind);
    drop = created.drop;
    const app = await buildApp({ config: testConfig(config), database: created.database });
    current = {
      app,
      database: created.database,
      system: { db: created.database.db, actor: SYSTEM_ACTOR },
      // A write's after-commit work (frozen documents, attachments' text) is done before the next step,
      // as the listening server's background worker would do it moments later.
      request: async ({ token, headers, ...opts }) => {
        const reading = opts.method === undefined || opts.method === "GET" || opts.method === "HEAD";
        if (reading) {
          // What the arrangement wrote through services (e.g. attachments' text) is done before a read.
          await app.background.drain();
        }
        const res = await app.inject({
          ...opts,
          headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        });
        // A refused or failed request wrote nothing, so it left no after-commit work either.
        if (!reading && res.statusCode < 400) {
          await app.background.drain();
        }
        return res;
      },
    };
  });
  afterAll(async () => {
    await current?.app.close();
    await drop?.();
  });
  return () => {
    if (!current) {
      throw new Error("useTestApp: the app is not ready (used outside a test?)");
    }
    return current;
  };
}
