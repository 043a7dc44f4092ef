import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { loadReference, shippedReferenceData } from "../../src/modules/reference/index.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium } from "./browser.ts";

/**
 * The map of Denmark beside the demo region's own map, and the reference data page, in Chromium:
 * no script, no WCAG 2.1 A/AA violations, every municipality drawn once.
 */
describe("The map of Denmark in Chromium (axe)", () => {
  let demo: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
    await loadReference({ db: demo.database.db, actor: SYSTEM_ACTOR }, shippedReferenceData());
    // the demo is loaded whole when the install's template is older than the migrations
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it("passes axe on the map (unfiltered and filtered) and on /referencedata", async () => {
    const context = await browser.newContext({ locale: "da-DK", viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const report: Record<string, string[]> = {};
    for (const path of ["/indsatser/kort", "/indsatser/kort?dk-region=ostdanmark", "/referencedata"]) {
      const res = await page.goto(`${demo.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.locator("script").count(), path).toBe(0);
      report[path] = await axeViolations(page);
    }
    expect(report).toEqual({
      "/indsatser/kort": [],
      "/indsatser/kort?dk-region=ostdanmark": [],
      "/referencedata": [],
    });
    await page.goto(`${demo.url}/indsatser/kort`);
    expect(await page.locator("svg.tv-dk-map polygon[data-code]").count()).toBe(98);
    // the fictional demo region keeps its own small map
    expect(await page.getByRole("heading", { name: "Kort over demoregionen" }).count()).toBe(1);
    await context.close();
  }, 180_000);
});
