import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { buildApp } from "../../src/server/app.ts";
import type { TestApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/databases.ts";
import { TestProvider } from "../helpers/oidc-provider.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { type Operation, operations } from "./openapi.ts";
import { type Built, buildRequest, OIDC_PROVIDER } from "./requests.ts";
import { NOT_FOUND_ONLY, RULES } from "./rules.ts";
import { ROLES, type Role, type SecurityWorld, seedSecurityWorld } from "./world.ts";

/**
 * The authorization matrix: every route Fastify registers × every role, allowed or refused as
 * docs/security.md and rules.ts say. The routes come from buildApp's onRoute, so a new route without a
 * rule fails here. Refused requests must change nothing; allowed ones must get past the rights check.
 */
// Thousands of requests on a busy two-core machine: minutes, not seconds.
describe("Authorization matrix: every route × every role", { timeout: 300_000 }, () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  let provider: TestProvider | undefined;
  let s: SecurityWorld;
  const routes: { method: string; path: string }[] = [];
  let ops = new Map<string, Operation>();

  beforeAll(async () => {
    const created = await createTestDatabase("pglite");
    drop = created.drop;
    // A real provider on loopback, so the OpenID routes answer as in production (not 404 for want of one).
    provider = await TestProvider.start();
    const client = { clientId: "tvaers-rv", clientSecret: "rv-hemmelighed-1234567890" };
    await provider.register({ ...client, appBase: "http://localhost:80", providerId: OIDC_PROVIDER });
    const oidc = {
      id: OIDC_PROVIDER,
      label: "Region Vestkyst",
      issuer: provider.issuer,
      ...client,
      scopes: "openid email profile",
      onUnknown: "pending" as const,
      groupsClaim: "groups",
      groupParties: {},
    };
    const app = await buildApp({
      config: testConfig({ oidcProviders: [oidc] }),
      database: created.database,
      onRoute: (route) => {
        for (const method of [route.method].flat()) {
          if (method !== "HEAD" && method !== "OPTIONS") {
            routes.push({ method, path: route.url });
          }
        }
      },
    });
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
    ops = new Map(operations(doc).map((op) => [`${op.method} ${op.path}`, op]));
    s = await seedSecurityWorld(t);
  }, 120_000);
  afterAll(async () => {
    await t?.app.close();
    await drop?.();
    await provider?.stop();
  });

  const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
  const send = (b: Built, role: Role) =>
    t.request({
      method: b.method as "GET",
      url: b.url,
      payload: b.payload as string,
      headers: b.headers,
      token: s.tokens[role],
    });
  const request = (route: { method: string; path: string }) => buildRequest(s, ops.get(key(route)) ?? route);

  it("has a rule for every registered route", () => {
    expect(routes.length).toBeGreaterThan(200);
    const missing = routes.map(key).filter((k) => !RULES[k]);
    expect(
      missing,
      `Routes without an authorization rule: add them to test/security/rules.ts and docs/security.md:\n${missing.join("\n")}`,
    ).toEqual([]);
  });

  it("refuses every role a route does not allow (401 anonymous, 403 others, 404 where hidden) and changes nothing", async () => {
    const before = await snapshot(t.database);
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const rule = RULES[key(route)];
      if (!rule) {
        continue;
      }
      for (const role of ROLES.filter((x) => !rule.allow.includes(x))) {
        const res = await send(request(route), role);
        const expected = role === "anonymous" ? 401 : 403;
        const page = !route.path.startsWith("/api/") && !route.path.startsWith("/oparl");
        const form = page && route.method === "POST";
        const toLogin = page && res.statusCode === 303 && String(res.headers.location).startsWith("/log-ind");
        // A member who opens an editor's page is sent to the reading view they may see (no dead end).
        const toReading =
          page &&
          route.method === "GET" &&
          res.statusCode === 303 &&
          /^\/(moeder\/\d+|arbejdsrum\/moeder\/\d+\/referat)$/.test(String(res.headers.location));
        const ok =
          res.statusCode === expected ||
          (rule.hidden === true && res.statusCode === 404) ||
          (page && role === "anonymous" && (toLogin || (form && res.statusCode === 403))) ||
          (form && (res.statusCode === 403 || res.statusCode === 400)) ||
          toReading;
        if (!ok) {
          wrong.push(
            `${key(route)} as ${role}: ${res.statusCode} (expected ${expected}${rule.hidden ? " or 404" : ""})`,
          );
        }
        checked++;
      }
    }
    process.stdout.write(`authorization: ${checked} refusals checked over ${routes.length} routes\n`);
    expect(wrong).toEqual([]);
    expect(await snapshot(t.database)).toBe(before);
  });

  it("lets every allowed role through: no 401/403, no 5xx", async () => {
    // Reads first, then writes, deletions last and children before parents.
    const deleteOrder = [
      "tokens",
      "saved-searches",
      "imports",
      "absences",
      "attendance",
      "attachments",
      "consultations",
      "grants",
      "actions",
      "items",
      "memberships",
      "meetings",
      "cases",
      "funds",
      "initiatives",
      "users",
      "persons",
      "parties",
      "bodies",
    ];
    // Logging out with a bearer token revokes it (issue 18.10): each role's logout comes after everything else.
    const rank = (r: { method: string; path: string }) =>
      r.path === "/api/v1/auth/logout"
        ? 100
        : r.method === "GET"
          ? 0
          : r.method !== "DELETE"
            ? 1
            : 2 + deleteOrder.indexOf(r.path.split("/")[3] ?? "");
    const ordered = [...routes].sort((a, b) => rank(a) - rank(b));
    const wrong: string[] = [];
    let checked = 0;
    let passed = 0;
    for (const route of ordered) {
      const rule = RULES[key(route)];
      if (!rule) {
        continue;
      }
      for (const role of rule.allow) {
        const res = await send(request(route), role);
        checked++;
        if (res.statusCode < 300) {
          passed++;
        }
        const refused = res.statusCode === 401 || res.statusCode === 403;
        // A deletion may find its target already deleted by the role before; a page form gets junk fields.
        const form = !route.path.startsWith("/api/") && route.method === "POST";
        const gone =
          res.statusCode === 404 && route.method !== "DELETE" && !form && !NOT_FOUND_ONLY.has(key(route));
        if (refused || gone || res.statusCode >= 500) {
          wrong.push(`${key(route)} as ${role}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    process.stdout.write(`authorization: ${checked} allowed requests, ${passed} answered 2xx\n`);
    expect(wrong).toEqual([]);
  });
});
