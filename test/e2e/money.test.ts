import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { listFunds } from "../../src/modules/funds/index.ts";
import { listAllInitiatives } from "../../src/modules/initiatives/index.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium, logIn } from "./browser.ts";

const SHOTS =
  process.env.TVAERS_SCREENSHOTS === "1" ? join("docs", "screenshots") : join(tmpdir(), "tvaers-shots");

/** Funds and initiative pages in Chromium: no script, no WCAG 2.1 A/AA violations, logged out and in. */
describe("Funds and initiatives in Chromium (axe)", () => {
  let demo: DemoApp;
  let browser: Browser;
  let pages: Record<string, string>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
    const svc = { db: demo.database.db, actor: SYSTEM_ACTOR };
    const fund = (await listFunds(svc, {})).items[0];
    const initiative = (await listAllInitiatives(svc, {})).find((i) => i.title.startsWith("Kom trygt hjem"));
    const res = await fetch(`${demo.url}/indsatser/${initiative?.id}`);
    const statusReport = /href="(\/indsatser\/status\/\d+)"/.exec(await res.text())?.[1] as string;
    pages = {
      funds: "/puljer",
      fund: `/puljer/${fund?.id}`,
      initiatives: "/indsatser",
      initiativesFiltered: `/indsatser?klynge=${encodeURIComponent("Sundhedsklynge Syd")}&status=yellow`,
      map: "/indsatser/kort",
      initiative: `/indsatser/${initiative?.id}`,
      statusReport,
    };
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function check(
    cookies: Parameters<Awaited<ReturnType<Browser["newContext"]>>["addCookies"]>[0],
    who: string,
  ) {
    const context = await browser.newContext({ locale: "da-DK", viewport: { width: 1200, height: 900 } });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const report: Record<string, string[]> = {};
    for (const [name, path] of Object.entries(pages)) {
      const res = await page.goto(`${demo.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.locator("script").count(), path).toBe(0);
      report[name] = await axeViolations(page);
      if (who === "public" || name === "fund") {
        await page.screenshot({ path: join(SHOTS, `${name}-${who}.png`), fullPage: true });
      }
    }
    await context.close();
    return report;
  }

  it("logged out: no axe violations", async () => {
    expect(await check([], "public")).toEqual(Object.fromEntries(Object.keys(pages).map((k) => [k, []])));
  });

  it("logged in as the secretariat (forms shown): no axe violations; the map's municipalities are links without script", async () => {
    const noScript = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
    const page = await noScript.newPage();
    await logIn(page, demo.url, "admin@tvaers.local", "Klit-Fyrtaarn-2026");
    await page.goto(`${demo.url}${pages.map}`);
    const link = page.locator(".tv-map a").first();
    await Promise.all([page.waitForURL(/kommune=/), link.click()]);
    expect(await page.textContent("#kort-liste")).toMatch(/indsatser i/);
    const cookies = await noScript.cookies();
    await noScript.close();
    expect(await check(cookies, "secretariat")).toEqual(
      Object.fromEntries(Object.keys(pages).map((k) => [k, []])),
    );
  });
});
