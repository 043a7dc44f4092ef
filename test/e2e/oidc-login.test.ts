import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { createTestDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { TestProvider } from "../helpers/oidc-provider.ts";
import { axeViolations, launchChromium, logIn } from "./browser.ts";

/**
 * Logging in with one's own organisation in Chromium: the button on /log-ind, the provider's own login
 * and consent pages (oidc-provider on 127.0.0.1), Tværs' "awaiting approval" page, the secretariat's
 * approval page, and the next login landing in Arbejdsrum with the closed item readable. axe (WCAG 2.1
 * A/AA) on Tværs' new page states.
 */
describe("Login through an organisation's provider in Chromium", { timeout: 180_000 }, () => {
  let provider: TestProvider;
  let app: FastifyInstance;
  let browser: Browser;
  let base = "";
  let w: World;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    let created: Awaited<ReturnType<typeof createTestDatabase>>;
    [provider, created, browser] = await Promise.all([
      TestProvider.start(),
      createTestDatabase("pglite"),
      launchChromium(),
    ]);
    drop = created.drop;
    const settings = [
      {
        id: "rv",
        label: "Region Vestkyst",
        issuer: provider.issuer,
        clientId: "tvaers",
        clientSecret: "e2e-hemmelighed",
      },
    ];
    const config = loadConfig({
      TVAERS_DATA_DIR: "memory://",
      TVAERS_DEMO: "0",
      LOG_LEVEL: "silent",
      TVAERS_OIDC_PROVIDERS: JSON.stringify(settings),
    });
    app = await buildApp({ config, database: created.database });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    await provider.register({
      clientId: "tvaers",
      clientSecret: "e2e-hemmelighed",
      appBase: base,
      providerId: "rv",
    });
    w = await seedWorld({ db: created.database.db, actor: SYSTEM_ACTOR });
    provider.accounts.set("mette.medlem", {
      name: "Mette Medlem",
      email: "medlem@test.dk",
      email_verified: true,
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.stop();
    await drop?.();
  });

  async function clickProviderButton(page: Page) {
    await page.goto(`${base}/log-ind`);
    await Promise.all([
      page.waitForURL((u) => u.port !== new URL(base).port),
      page.click("text=Log ind med Region Vestkyst"),
    ]);
  }

  it("first login at the provider's own pages, approval by the secretariat, then straight into Arbejdsrum", async () => {
    const context = await browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    await page.goto(`${base}/log-ind`);
    expect(await axeViolations(page)).toEqual([]);

    await clickProviderButton(page);
    // The provider's own login page, then its consent page.
    await page.fill("input[name=login]", "mette.medlem");
    await page.fill("input[name=password]", "hvad-som-helst");
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    await Promise.all([page.waitForURL(`${base}/**`), page.click("button[type=submit]")]);
    expect(await page.textContent("h1")).toBe("Din konto afventer godkendelse");
    expect(await axeViolations(page)).toEqual([]);

    // The secretariat of SSU approves: Mette is a member, but has a login already, so an admin must.
    const admin = await (await browser.newContext({ locale: "da-DK" })).newPage();
    await logIn(admin, base, "admin@test.dk", "korrekt-hest-batteri");
    await admin.goto(`${base}/adgang/afventende`);
    expect(await admin.textContent("main")).toContain("Mette Medlem");
    expect(await axeViolations(admin)).toEqual([]);
    await admin.selectOption("select[name=personId]", String(w.people.member.id));
    await Promise.all([admin.waitForNavigation(), admin.click("text=Godkend")]);
    expect(await admin.textContent("main")).toContain("Ingen venter på godkendelse.");

    // The provider remembers Mette and her consent: one click, and she is in Arbejdsrum.
    await page.goto(`${base}/log-ind`);
    await Promise.all([
      page.waitForURL(`${base}/arbejdsrum`),
      page.click("text=Log ind med Region Vestkyst"),
    ]);
    expect(await page.textContent("h1")).toBe("Arbejdsrum");
    const item = await page.request.get(`${base}/api/v1/items/${w.items.closed.id}`);
    expect((await item.json()).redacted).toBe(false);
    await context.close();
  });
});
