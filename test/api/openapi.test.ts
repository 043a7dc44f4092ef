import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { buildApp } from "../../src/server/app.ts";

describe("OpenAPI and operations", () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let database: Database;
  const routes: string[] = [];

  beforeAll(async () => {
    database = await createDatabase({ databaseUrl: undefined, dataDir: "memory://" });
    await database.migrate();
    app = await buildApp({
      config: testConfig(),
      database,
      onRoute: (r) => {
        for (const method of [r.method].flat()) {
          if (method !== "HEAD" && r.url.startsWith("/api/v1")) {
            routes.push(`${method} ${r.url}`);
          }
        }
      },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("describes every API route, with the error shape on writes", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) {
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`);
      }
    }
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
    const write = doc.paths["/api/v1/meetings"].post;
    expect(Object.keys(write.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "409"]));
    expect(write.responses["400"].content["application/json"].schema.properties.error).toBeDefined();
  });

  it("serves a browsable reference and a health check", async () => {
    const docs = await app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body.toLowerCase()).toContain("swagger");
    const health = await app.inject({ method: "GET", url: "/healthz" });
    expect(health.json()).toEqual({ status: "ok", database: "pglite" });
  });

  it("answers 503 from the health check when the database is gone", async () => {
    const db2 = await createDatabase({ databaseUrl: undefined, dataDir: "memory://" });
    const app2 = await buildApp({ config: testConfig(), database: db2 });
    await db2.close();
    const health = await app2.inject({ method: "GET", url: "/healthz" });
    expect(health.statusCode).toBe(503);
    await app2.close();
  });

  it("answers an unknown address with the error shape", async () => {
    const res = await app.inject({ method: "GET", url: "/api/v1/findesikke" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });
});
