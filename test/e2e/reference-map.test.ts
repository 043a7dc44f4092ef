import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { loadDemoIndicators } from "../../src/modules/indicators/index.ts";
import { loadIndicatorValues, saveDefinitions } from "../../src/modules/indicators/indicators.load.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { loadReference, shippedReferenceData } from "../../src/modules/reference/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { createTestDatabase } from "../helpers/databases.ts";
import { axeViolations, launchChromium } from "./browser.ts";

/**
 * The map of Denmark beside the demo region's own map, and the reference data page, in Chromium:
 * no script, no WCAG 2.1 A/AA violations, every municipality drawn once; the indicator pages (the
 * demo's fictional indicators, and a real-area indicator with its choropleth) likewise.
 */
describe("The map of Denmark in Chromium (axe)", () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let base = "";
  let browser: Browser;
  const demo = {
    get url() {
      return base;
    },
  };

  // Not the whole demo (minutes of loading on a busy machine): the reference data, two fictional
  // municipalities in a fictional region (which keep their own map), and the demo's fictional indicators.
  beforeAll(async () => {
    const created = await createTestDatabase("pglite");
    drop = created.drop;
    const svc = { db: created.database.db, actor: SYSTEM_ACTOR };
    await loadReference(svc, shippedReferenceData());
    for (const name of ["Havbjerg Kommune", "Klitmose Kommune"]) {
      await createParty(svc, {
        type: "municipality",
        name,
        region: "Region Vestkyst",
        municipalityCode: null,
      });
    }
    await created.database.db.transaction((tx) => loadDemoIndicators({ db: tx, actor: SYSTEM_ACTOR }));
    app = await buildApp({ config: testConfig(), database: created.database });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    base = typeof address === "object" && address ? `http://127.0.0.1:${address.port}` : "";
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await drop?.();
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

  it("passes axe on the indicator pages: list, a fictional demo indicator, an area, and a choropleth", async () => {
    const svc = { db: app.database.db, actor: SYSTEM_ACTOR };
    await saveDefinitions(svc, [
      {
        code: "e2e-maal",
        name: "Testmåling",
        definition: "Genereret af testen",
        unit: "antal",
        direction: "higher_is_better",
        source: "test",
        sourceUrl: null,
        rhythm: "year",
        aggregation: "sum",
        internal: false,
        fictional: true,
      },
    ]);
    const codes = shippedReferenceData()
      .areas.filter((a) => a.kind === "municipality")
      .map((a) => a.code);
    const rows = codes.flatMap((code, i) =>
      ["2024", "2025"].map((year) => ({ line: 0, cells: ["e2e-maal", code, year, String((i * 37) % 100)] })),
    );
    await loadIndicatorValues(svc, {
      fileName: "e2e.csv",
      format: "csv",
      sheet: { header: ["indicator", "area_code", "period", "value"], rows },
    });
    const context = await browser.newContext({ locale: "da-DK", viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const report: Record<string, string[]> = {};
    const paths = [
      "/indikatorer",
      "/indikatorer/demo-genindlaeggelser",
      "/indikatorer/omraade/region/demo-vestkyst",
      "/indikatorer/e2e-maal?omraade=region:1083",
    ];
    for (const path of paths) {
      const res = await page.goto(`${demo.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.locator("script").count(), path).toBe(0);
      report[path] = await axeViolations(page);
    }
    expect(report).toEqual(Object.fromEntries(paths.map((p) => [p, []])));
    expect(await page.locator("svg.tv-dk-map polygon[data-code]").count()).toBe(98);
    await page.goto(`${demo.url}/indikatorer/demo-genindlaeggelser`);
    expect(await page.getByText("Fiktive demodata").count()).toBeGreaterThan(0);
    await context.close();
  }, 180_000);
});
