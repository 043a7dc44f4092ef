import { createServer } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Ctx } from "../../src/server/context.ts";
import { createTestDatabase, type DbKind } from "./databases.ts";
import { type CookieBrowser, TestProvider } from "./oidc-provider.ts";

export interface OidcTestApp {
  app: FastifyInstance;
  database: Database;
  system: Ctx;
  /** Tværs, listening: http://127.0.0.1:<port> */
  base: string;
  /** "Region Vestkyst" (unknown persons pending) and "Kystby Kommune" (unknown persons refused) */
  rv: TestProvider;
  kk: TestProvider;
}

/** A port on 127.0.0.1 where nothing listens (a provider that is down). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 9;
}

/**
 * Tværs listening on 127.0.0.1 with three providers configured through TVAERS_OIDC_PROVIDERS (parsed by
 * loadConfig as at start): two real oidc-provider instances on their own ports, and one that is down.
 */
export function useOidcApp(kind: DbKind, env: Record<string, string> = {}): () => OidcTestApp {
  let current: OidcTestApp | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const [rv, kk, dead, created] = await Promise.all([
      TestProvider.start(),
      TestProvider.start(),
      deadPort(),
      createTestDatabase(kind),
    ]);
    drop = created.drop;
    const providers = [
      {
        id: "rv",
        label: "Region Vestkyst",
        issuer: rv.issuer,
        clientId: "tvaers-rv",
        clientSecret: "rv-hemmelighed-1234567890",
        scopes: "openid email profile groups",
        onUnknown: "pending",
        groupParties: {},
      },
      {
        id: "kk",
        label: "Kystby Kommune",
        issuer: kk.issuer,
        clientId: "tvaers-kk",
        clientSecret: "kk-hemmelighed-1234567890",
        onUnknown: "refuse",
      },
      {
        id: "nede",
        label: "Region Nede",
        issuer: `http://127.0.0.1:${dead}`,
        clientId: "x",
        clientSecret: "y",
      },
    ];
    const config = loadConfig({
      TVAERS_DATA_DIR: "memory://",
      TVAERS_DEMO: "0",
      LOG_LEVEL: "silent",
      TVAERS_OIDC_PROVIDERS: JSON.stringify(providers),
      ...env,
    });
    const app = await buildApp({ config, database: created.database });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    await rv.register({
      clientId: "tvaers-rv",
      clientSecret: "rv-hemmelighed-1234567890",
      appBase: base,
      providerId: "rv",
    });
    await kk.register({
      clientId: "tvaers-kk",
      clientSecret: "kk-hemmelighed-1234567890",
      appBase: base,
      providerId: "kk",
    });
    current = {
      app,
      database: created.database,
      system: { db: created.database.db, actor: SYSTEM_ACTOR },
      base,
      rv,
      kk,
    };
  });
  afterAll(async () => {
    await current?.app.close();
    await Promise.all([current?.rv.stop(), current?.kk.stop()]);
    await drop?.();
  });
  return () => {
    if (!current) {
      throw new Error("useOidcApp: not ready");
    }
    return current;
  };
}

/** The hidden _csrf of the first form on a page (the browser then holds the matching cookie). */
export async function csrfOf(browser: CookieBrowser, url: string): Promise<string> {
  const html = await (await browser.fetch(url)).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) {
    throw new Error(`no _csrf on ${url}`);
  }
  return token;
}

/** Logs in with e-mail and password through the /log-ind form; returns Tværs' answer. */
export async function passwordLogin(browser: CookieBrowser, base: string, email: string, password: string) {
  const _csrf = await csrfOf(browser, `${base}/log-ind`);
  return browser.fetch(`${base}/log-ind`, { form: { _csrf, email, password, next: "/arbejdsrum" } });
}

/** Who the browser is logged in as at Tværs (the API's /auth/me), or null. */
export async function whoAmI(
  browser: CookieBrowser,
  base: string,
): Promise<{ id: number; email: string } | null> {
  const res = await browser.fetch(`${base}/api/v1/auth/me`);
  return res.status === 200 ? ((await res.json()) as { id: number; email: string }) : null;
}
