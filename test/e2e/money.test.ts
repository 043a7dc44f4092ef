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

/**
 * Funds and initiative pages in Chromium: no script, no WCAG 2.1 A/AA violations, logged out and in; a
 * secretary creates a fund, an initiative and its documents by keyboard without JavaScript.
 */
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

  it("a secretary without JavaScript, by keyboard: creates a fund with parties, an initiative and its documents; no axe violations on the new pages", {
    timeout: 240_000,
  }, async () => {
    const context = await browser.newContext({
      locale: "da-DK",
      javaScriptEnabled: false,
      viewport: { width: 1200, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    /** the new pages as this secretary saw them, for axe afterwards (axe needs script, the flow does not) */
    const seen: Record<string, string> = {};
    const type = async (selector: string, text: string) => {
      await page.focus(selector);
      await page.keyboard.type(text);
    };
    /** Focus a button (or link) and press Enter, waiting for the next page. */
    const press = async (role: "button" | "link", name: string, url: RegExp) => {
      await page.getByRole(role, { name, exact: true }).focus();
      await Promise.all([page.waitForURL(url), page.keyboard.press("Enter")]);
    };
    await logIn(page, demo.url, "sekretariat@tvaers.local", "Dagsorden-Bilag-2026");

    // a fund: the list's link, the form, then its parties and key
    await page.goto(`${demo.url}/puljer`);
    await press("link", "Opret en pulje", /\/puljer\/ny$/);
    seen.fundNew = page.url();
    await page.getByLabel("Forum").selectOption({ label: "Sundhedssamarbejdsudvalget" });
    await type("#fund-name", "Pulje til tværsektorielle forsøg");
    await type("#fund-description", "Midler til forsøg på tværs af sektorer.");
    await press("button", "Opret puljen", /\/rediger\?oprettet=1/);
    expect(await page.textContent("main")).toContain("Puljen er oprettet.");
    seen.fundEdit = page.url().split("?")[0] as string;
    await page.getByLabel("Havbjerg Kommune", { exact: true }).selectOption("key");
    await page.getByLabel("Klitmose Kommune", { exact: true }).selectOption("key");
    await page.getByLabel("Region Vestkyst", { exact: true }).selectOption("out");
    await press("button", "Gem parterne", /\/rediger\?gemt=1/);
    expect(await page.textContent("main")).toContain("Ændringen er gemt.");

    // an initiative: a failed try first (Danish errors at the fields), then the real one
    await page.goto(`${demo.url}/indsatser`);
    await press("link", "Opret en indsats", /\/indsatser\/ny$/);
    seen.initiativeNew = page.url();
    await press("button", "Opret indsatsen", /\/indsatser\/ny$/);
    expect(await page.textContent(".alert-error")).toContain("Skal udfyldes.");
    expect(await page.getAttribute("#init-title", "aria-invalid")).toBe("true");
    await type("#init-title", "Fælles sprog om rehabilitering");
    await type("#init-focusArea", "Sammenhængende forløb for ældre og kronisk syge");
    await type("#init-targetGroup", "Borgere efter operation");
    await type("#init-theme", "Genoptræning");
    await page.focus("#init-klynge-0");
    await page.keyboard.press("Space");
    await page.fill("#init-periodFrom", "2027-01-01");
    await press(
      "button",
      "Opret indsatsen",
      /\/indsatser\/\d+-faelles-sprog-om-rehabilitering\?gemt=oprettet/,
    );
    expect(await page.textContent("main")).toContain("Indsatsen er oprettet.");
    expect(await page.textContent("main")).toContain("Dokumenter på en indsats er offentlige.");
    seen.initiative = page.url().split("?")[0] as string;

    // documents: a link to a page of Tværs and an uploaded file
    await type("#doclink-title", "Kort over indsatserne");
    await type("#doclink-url", "/indsatser/kort");
    await press("button", "Tilføj linket", /gemt=dokument/);
    expect(await page.textContent("main")).toContain("Dokumentet er tilføjet.");
    await page.goto(seen.initiative as string);
    await page.setInputFiles("#docfile-file", {
      name: "evalueringsplan.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
    });
    await type("#docfile-title", "Evalueringsplan");
    await press("button", "Læg filen op", /gemt=dokument/);
    expect(await page.locator("#docdel-list > li > a").allTextContents()).toEqual([
      "Kort over indsatserne",
      "Evalueringsplan",
    ]);
    const fileHref = (await page.locator("#docdel-list > li > a").nth(1).getAttribute("href")) as string;
    const file = await context.request.get(`${demo.url}${fileHref}`);
    expect(file.headers()["content-disposition"]).toContain('filename="evalueringsplan.pdf"');
    await press("link", "Ret indsatsen", /\/rediger$/);
    seen.initiativeEdit = page.url();
    const cookies = await context.cookies();
    await context.close();

    // axe on every new page, and on the new-initiative form showing its errors
    const withScript = await browser.newContext({ locale: "da-DK", viewport: { width: 1200, height: 900 } });
    await withScript.addCookies(cookies);
    const view = await withScript.newPage();
    const violations: Record<string, string[]> = {};
    for (const [name, url] of Object.entries(seen)) {
      const res = await view.goto(url);
      expect(res?.status(), url).toBe(200);
      expect(await view.locator("script").count(), url).toBe(0);
      violations[name] = await axeViolations(view);
      await view.screenshot({ path: join(SHOTS, `${name}-secretariat.png`), fullPage: true });
    }
    await view.goto(seen.initiativeNew as string);
    await Promise.all([view.waitForURL(/\/indsatser\/ny$/), view.click("form.tv-form button[type=submit]")]);
    expect(await view.textContent(".alert-error")).toContain("Skal udfyldes.");
    violations.initiativeNewErrors = await axeViolations(view);
    await withScript.close();
    expect(Object.keys(violations)).toHaveLength(6);
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  });
});
