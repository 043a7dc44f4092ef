import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { ERROR_STATUS } from "../../src/server/errors.ts";
import type { TestApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/databases.ts";
import { type JsonSchema, type Operation, operations } from "./openapi.ts";
import { type Built, buildRequest } from "./requests.ts";
import { type SecurityWorld, seedSecurityWorld } from "./world.ts";

/**
 * Fuzzing the API: every operation of the OpenAPI document gets invalid bodies, path and query
 * parameters (wrong types, missing required fields, unknown fields, huge strings, negative and huge
 * numbers, bad enum values, impossible dates, malformed JSON), as an admin and anonymously. The
 * generator is seeded, so a failure names a request that can be replayed. No answer may be a 5xx,
 * and every error must have the documented shape (docs/errors.md): { error: { code, message, fields? } }
 * with the code's own status.
 */

/** mulberry32: small, seeded, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick<T>(list: readonly T[]): T {
      return list[Math.floor(next() * list.length)] as T;
    },
  };
}
type Rng = ReturnType<typeof rng>;

const HUGE = "æøå<script>".repeat(20_000);
const BAD_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  -2147483649,
  1e16,
  1e308,
  1.5,
  "",
  "abc",
  "-1",
  "2025-02-30",
  "2025-13-01T25:61",
  "0000-00-00",
  "99999-01-01",
  "ikke-en-værdi",
  "\u0000",
  "' or 1=1 --",
  "%s%n",
  "../../etc/passwd",
  HUGE,
  [],
  [1, "to", null],
  {},
  { nested: { deeper: [1] } },
];
const BAD_PARAMS = [
  "abc",
  "-1",
  "0",
  "1.5",
  "1e5",
  "99999999999999999999999",
  "9007199254740993",
  "%00",
  "%27%20or%201%3D1",
  "2025-02-30",
  "x".repeat(5000),
  "%F0%9F%92%A9",
  "[]",
  "null",
];

function schemaType(schema: JsonSchema | undefined): string | undefined {
  if (!schema) {
    return undefined;
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    return schemaType(union.find((s) => s.type !== "null"));
  }
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
}

/** A value of the wrong kind for the schema. */
function wrongValue(schema: JsonSchema | undefined, r: Rng): unknown {
  const type = schemaType(schema);
  const byType: Record<string, unknown[]> = {
    integer: ["12", -1, -2147483649, 1e16, 1.5, 1e308, null, [], {}, true],
    number: ["12", -1e308, 1e308, null, [], {}, "NaN"],
    string: [12, null, true, [], {}, HUGE, "", "2025-02-30", "2025-13-45T99:99", "\u0000\uffff"],
    boolean: ["true", 1, null, [], {}],
    array: [{}, "a", 1, null, [null, null], Array.from({ length: 2000 }, (_, i) => i)],
    object: ["a", 1, null, [], { unknown: 1 }],
  };
  if (schema?.enum) {
    return r.pick(["ikke-en-værdi", 3, null, "", String(schema.enum[0]).toUpperCase()]);
  }
  return r.pick(byType[type ?? ""] ?? BAD_VALUES);
}

interface Fuzzed extends Built {
  what: string;
}

function bodyMutations(base: Built, op: Operation, r: Rng): Fuzzed[] {
  const schema = op.body?.schema;
  const json = op.body?.type === "application/json";
  const out: Fuzzed[] = [];
  const withBody = (what: string, payload: unknown, headers = base.headers): Fuzzed => ({
    ...base,
    headers,
    payload: payload as object,
    what,
  });
  if (!json) {
    // Binary or multipart routes: wrong content types, empty and malformed bodies.
    out.push(withBody("json instead of the media type", { a: 1 }));
    out.push(withBody("empty body", "", { ...base.headers, "content-type": op.body?.type ?? "text/plain" }));
    out.push(
      withBody("broken multipart", "--x\r\nContent-Disposition: form-data\r\n\r\n", {
        "content-type": "multipart/form-data; boundary=x",
      }),
    );
    return out;
  }
  const sampleBody =
    base.payload && typeof base.payload === "object" && !Buffer.isBuffer(base.payload)
      ? (base.payload as Record<string, unknown>)
      : {};
  const props = Object.entries(schema?.properties ?? {});
  out.push(withBody("malformed JSON", '{"title": "x",', { "content-type": "application/json" }));
  out.push(withBody("JSON of the wrong kind", "[1,2,3]", { "content-type": "application/json" }));
  out.push(withBody("JSON string", '"tekst"', { "content-type": "application/json" }));
  out.push(withBody("empty JSON body", "", { "content-type": "application/json" }));
  out.push(withBody("form body", "a=1&b=2", { "content-type": "application/x-www-form-urlencoded" }));
  out.push(withBody("empty object", {}));
  out.push(withBody("extra field", { ...sampleBody, ukendtFelt: "x", __proto__x: { polluted: true } }));
  for (const key of schema?.required ?? []) {
    const { [key]: _, ...rest } = sampleBody;
    out.push(withBody(`missing ${key}`, rest));
  }
  for (const [key, prop] of props) {
    const value = r.next() < 0.6 ? wrongValue(prop, r) : r.pick(BAD_VALUES);
    out.push(withBody(`bad ${key}`, { ...sampleBody, [key]: value }));
  }
  // A few whole bodies of random garbage.
  for (let i = 0; i < 2; i++) {
    const garbage: Record<string, unknown> = {};
    for (const [key, prop] of props) {
      garbage[key] = r.next() < 0.5 ? wrongValue(prop, r) : r.pick(BAD_VALUES);
    }
    out.push(withBody(`garbage ${i}`, garbage));
  }
  return out;
}

function paramMutations(base: Built, op: Operation, r: Rng): Fuzzed[] {
  const out: Fuzzed[] = [];
  const [path, query = ""] = base.url.split("?");
  const names = [...op.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  if (names.length > 0) {
    // Replace each path parameter in turn by a bad value, keeping the others valid.
    const segments = (path ?? "").split("/");
    const templ = op.path.split("/");
    templ.forEach((seg, i) => {
      if (seg.startsWith(":")) {
        for (const bad of [r.pick(BAD_PARAMS), r.pick(BAD_PARAMS), "-1"]) {
          const copy = [...segments];
          copy[i] = bad;
          out.push({
            ...base,
            url: `${copy.join("/")}${query ? `?${query}` : ""}`,
            what: `path ${seg}=${bad}`,
          });
        }
      }
    });
  }
  for (const p of op.parameters.filter((x) => x.in === "query")) {
    const values = [r.pick(BAD_PARAMS), encodeURIComponent(String(wrongValue(p.schema, r)).slice(0, 3000))];
    for (const v of values) {
      const params = new URLSearchParams(query);
      params.delete(p.name);
      const qs = `${params.toString()}${params.toString() ? "&" : ""}${p.name}=${v}`;
      out.push({ ...base, url: `${path}?${qs}`, what: `query ${p.name}=${v.slice(0, 40)}` });
    }
    // the parameter twice, as an array
    out.push({
      ...base,
      url: `${path}?${p.name}=1&${p.name}=2${query ? `&${query}` : ""}`,
      what: `query ${p.name} twice`,
    });
  }
  out.push({ ...base, url: `${path}?${query}${query ? "&" : ""}ukendt=1&x[y]=z`, what: "unknown query" });
  return out;
}

describe("Fuzzing every API operation with invalid input", () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  let s: SecurityWorld;
  let ops: Operation[] = [];

  beforeAll(async () => {
    const created = await createTestDatabase("pglite");
    drop = created.drop;
    const app = await buildApp({ config: testConfig(), database: created.database });
    await app.ready();
    t = {
      app,
      database: created.database,
      system: { db: created.database.db, actor: SYSTEM_ACTOR },
      request: ({ token, headers, ...opts }) =>
        app.inject({
          ...opts,
          headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        }),
    };
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    // The session-ending operations last, so the admin's token lives through the run.
    const last = (op: Operation) => (/\/auth\/|\/tokens/.test(op.path) ? 1 : 0);
    ops = operations(doc)
      .filter((op) => op.path.startsWith("/api/"))
      .sort((a, b) => last(a) - last(b));
    s = await seedSecurityWorld(t);
  }, 120_000);
  afterAll(async () => {
    await t?.app.close();
    await drop?.();
  });

  it("answers every invalid request with a 4xx in the documented error shape, never a 5xx", async () => {
    const r = rng(0x7a3e5);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    expect(ops.length).toBeGreaterThan(100);
    for (const op of ops) {
      const base = buildRequest(s, op);
      const requests = [...bodyMutations(base, op, r), ...paramMutations(base, op, r)];
      for (const role of ["admin", "anonymous"] as const) {
        for (const req of requests) {
          const res = await t.request({
            method: req.method as "POST",
            url: req.url,
            payload: req.payload as string,
            headers: { accept: "application/json", ...req.headers },
            token: s.tokens[role],
          });
          sent++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const label = `${role} ${op.method} ${op.path} [${req.what.slice(0, 60)}] ${req.url.slice(0, 100)}`;
          if (res.statusCode >= 500) {
            failures.push(`${label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            continue;
          }
          if (res.statusCode >= 400) {
            let body: { error?: { code?: string; message?: string; fields?: unknown } } = {};
            try {
              body = res.json();
            } catch {
              failures.push(`${label} → ${res.statusCode} not JSON: ${res.body.slice(0, 100)}`);
              continue;
            }
            const code = body.error?.code as keyof typeof ERROR_STATUS | undefined;
            const okShape =
              code !== undefined &&
              ERROR_STATUS[code] === res.statusCode &&
              typeof body.error?.message === "string" &&
              (body.error.message?.length ?? 0) > 0 &&
              (body.error.fields === undefined || Array.isArray(body.error.fields)) &&
              Object.keys(body).length === 1;
            if (!okShape) {
              failures.push(`${label} → ${res.statusCode} shape: ${res.body.slice(0, 200)}`);
            }
          }
        }
      }
    }
    console.info(
      `fuzz: ${sent} requests over ${ops.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    if (failures.length > 0) {
      writeFileSync(join(tmpdir(), "tvaers-fuzz-failures.txt"), failures.join("\n"));
    }
    expect(sent).toBeGreaterThan(2000);
    expect(failures.slice(0, 30), `${failures.length} failures`).toEqual([]);
  }, 600_000);
});
