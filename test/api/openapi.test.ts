import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { buildApp } from "../../src/server/app.ts";
import { operationIdOf } from "../../src/server/openapi.ts";

type Op = { operationId?: string; responses: Record<string, { content?: Record<string, unknown> }> };
type Paths = Record<string, Record<string, Op>>;
const VERB =
  /^(list|get|create|update|set|delete|search|check|log(In|Out)|change|confirm|reject|approve|publish|cancel|close|refer|reorder|transition|attach|preview|upload)([A-Z]|$)/;

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

  it("names every operation with a unique, verb-first operationId", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const ids: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.operationId, `${method} ${path}`).toMatch(VERB);
        ids.push(op.operationId as string);
      }
    }
    expect(ids.length).toBeGreaterThan(150);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths["/api/v1/meetings"].get.operationId).toBe("listMeetings");
    expect(doc.paths["/api/v1/meetings/{id}"].patch.operationId).toBe("updateMeeting");
    expect(doc.paths["/api/v1/meetings/{id}/agenda.pdf"].get.operationId).toBe("getMeetingAgendaPdf");
    // Stable: the name comes from the method and the path alone.
    expect(operationIdOf("delete", "/api/v1/saved-searches/{id}")).toBe("deleteSavedSearch");
    expect(operationIdOf("post", "/api/v1/meetings/{id}/cancel")).toBe("cancelMeeting");
    expect(operationIdOf("post", "/api/v1/bodies")).toBe("createBody");
  });

  it("declares the media types file responses really send", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const types = (path: string) => Object.keys(doc.paths[path].get.responses["200"].content ?? {});
    expect(types("/api/v1/meetings/{id}/agenda.pdf")).toEqual(["application/pdf"]);
    expect(types("/api/v1/meetings/{id}/minutes.docx")).toEqual([
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]);
    expect(types("/api/v1/calendar.ics")).toEqual(["text/calendar"]);
    expect(types("/api/v1/feed.atom")).toEqual(["application/atom+xml"]);
    expect(types("/api/v1/search/feed")).toEqual(["application/atom+xml"]);
    expect(types("/api/v1/funds/{id}/status.xlsx")).toEqual([
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
    expect(types("/api/v1/funds/{id}/status.csv")).toEqual(["text/csv"]);
    expect(types("/api/v1/documents/{id}/content")).toEqual([
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]);
    expect(types("/api/v1/attachments/{id}/content")).toEqual(["*/*"]);
    // What the route sends is what the document says.
    for (const [url, path] of [
      ["/api/v1/calendar.ics", "/api/v1/calendar.ics"],
      ["/api/v1/feed.atom", "/api/v1/feed.atom"],
    ] as const) {
      const sent = (await app.inject({ method: "GET", url })).headers["content-type"];
      expect(types(path)).toContain(String(sent).split(";")[0]);
    }
  });

  it("documents only the errors an operation can give, on every operation", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const [path, ops] of Object.entries(doc.paths as Paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const statuses = Object.keys(op.responses);
        expect(
          statuses.some((s) => /^4\d\d$/.test(s)),
          `${method} ${path}`,
        ).toBe(true);
        if (!path.includes("{")) {
          expect(statuses, `${method} ${path}`).not.toContain("404");
        }
        if (method === "get") {
          expect(statuses, `${method} ${path}`).not.toContain("409");
          expect(statuses, `${method} ${path}`).not.toContain("413");
        }
      }
    }
    expect(Object.keys(doc.paths["/healthz"].get.responses)).toEqual(expect.arrayContaining(["401", "503"]));
    expect(Object.keys(doc.paths["/api/v1/calendar.ics"].get.responses)).not.toContain("400");
    const oparl = doc.paths["/oparl/v1.1/{kind}/{id}"].get.responses;
    expect(Object.keys(oparl)).toEqual(expect.arrayContaining(["400", "404"]));
    expect(JSON.stringify(oparl["404"])).toContain("https://schema.oparl.org/1.1/Error");
    expect(Object.keys(doc.paths["/api/v1/meetings/{id}"].delete.responses)).toEqual(
      expect.arrayContaining(["400", "401", "403", "404", "409"]),
    );
  });

  it("names the server from TVAERS_PUBLIC_URL, and none without it", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.servers).toBeUndefined();
    const named = await buildApp({
      config: testConfig({ publicUrl: "https://tvaers.example.dk" }),
      database,
    });
    const named_doc = (await named.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(named_doc.servers).toEqual([expect.objectContaining({ url: "https://tvaers.example.dk" })]);
    await named.close();
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
