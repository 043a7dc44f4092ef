import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import {
  getMeetingRow,
  listLatestMinutes,
  listMeetingItems,
  type MeetingSummary,
  meetingPath,
} from "../../src/modules/meetings/index.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium, logIn } from "./browser.ts";

/**
 * The portal in a real browser: every page type, logged out and logged in, must have no WCAG 2.1
 * A/AA violations (axe-core, which needs the browser's JavaScript to run its checks; the pages
 * themselves carry no script, which the first test asserts). Logging in is done with JavaScript off.
 * Screenshots go to docs/screenshots when TVAERS_SCREENSHOTS=1 (to refresh the committed ones),
 * else to a temporary folder.
 */
const SHOTS =
  process.env.TVAERS_SCREENSHOTS === "1" ? join("docs", "screenshots") : join(tmpdir(), "tvaers-shots");

// A browser and axe on a shared 2-core machine: generous limits, no timing asserted.
describe("Portal in Chromium (axe, no JavaScript)", { timeout: 120_000 }, () => {
  let demo: DemoApp;
  let browser: Browser;
  let pages: Record<string, string>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
    const svc = { db: demo.database.db, actor: SYSTEM_ACTOR };
    // The latest published minutes with a closed item: attendance, "Lukket punkt" and attachments.
    let minutes: MeetingSummary | undefined;
    for (const m of await listLatestMinutes(svc, { limit: 50 })) {
      const items = await listMeetingItems(svc, await getMeetingRow(svc.db, m.id));
      if (items.some((i) => i.access === "closed")) {
        minutes = m;
        break;
      }
    }
    if (!minutes) {
      throw new Error("Demodata uden offentliggjorte referater");
    }
    const sitemap = await (await fetch(`${demo.url}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
    pages = {
      front: "/",
      bodies: "/organer",
      body: locs.find((p) => p.startsWith("/organer/")) as string,
      meeting: meetingPath(minutes, { name: minutes.bodyName, shortName: minutes.bodyShortName }),
      calendar: `/kalender?maaned=${minutes.start.slice(0, 7)}`,
      person: locs.find((p) => p.startsWith("/personer/")) as string,
      login: "/log-ind",
      notFound: "/findes-ikke",
    };
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function checkAll(context: BrowserContext, who: string) {
    const page = await context.newPage();
    const report: Record<string, string[]> = {};
    for (const [name, path] of Object.entries(pages)) {
      const res = await page.goto(`${demo.url}${path}`);
      expect(res?.status(), path).toBe(name === "notFound" ? 404 : 200);
      expect(await page.getAttribute("html", "lang")).toBe("da");
      expect((await page.title()).length).toBeGreaterThan(3);
      expect(await page.locator("script").count(), `${path} has no script`).toBe(0);
      report[name] = await axeViolations(page);
      if (name === "meeting" && who === "public") {
        expect(await page.textContent("main")).toContain("Lukket punkt");
      }
      // Logged in, only the pages that look different get a picture (keeps docs/screenshots small).
      if (who === "public" || name === "front" || name === "meeting") {
        await page.screenshot({ path: join(SHOTS, `${name}-${who}.png`), fullPage: name !== "meeting" });
      }
    }
    await page.close();
    return report;
  }

  const DANISH = { locale: "da-DK", viewport: { width: 1200, height: 900 } };

  it("logged out: no axe violations on any page type", async () => {
    const context = await browser.newContext(DANISH);
    const report = await checkAll(context, "public");
    await context.close();
    expect(report).toEqual(Object.fromEntries(Object.keys(pages).map((k) => [k, []])));
  });

  it("logged in as a member (logged in with JavaScript off): no axe violations", async () => {
    const noScript = await browser.newContext({ ...DANISH, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await logIn(page, demo.url, "medlem@tvaers.local", "Referat-Laesning-2026");
    expect(await page.textContent("header")).toContain("Tina Kvist Madsen");
    const cookies = await noScript.cookies();
    await noScript.close();
    const context = await browser.newContext(DANISH);
    await context.addCookies(cookies);
    const report = await checkAll(context, "member");
    await context.close();
    expect(report).toEqual(Object.fromEntries(Object.keys(pages).map((k) => [k, []])));
  });

  it("English: the language switch sets the language of every page", async () => {
    const context = await browser.newContext(DANISH);
    const page = await context.newPage();
    await page.goto(`${demo.url}${pages.meeting}`);
    await Promise.all([page.waitForURL(`${demo.url}${pages.meeting}`), page.click("a[hreflang=en]")]);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("h2#toc-h")).toBe("Contents");
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${demo.url}/organer`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.screenshot({ path: join(SHOTS, "bodies-english.png") });
    await context.close();
  });

  /** The distinct top offsets of the main menu's links (one value: the menu is one line). */
  async function menuTops(page: import("playwright-core").Page): Promise<number[]> {
    const tops = await page.$$eval("nav.tv-nav .nav-link", (links) =>
      links.map((a) => Math.round(a.getBoundingClientRect().top)),
    );
    return [...new Set(tops)];
  }

  it("desktop widths 1024–1920: the main menu is one line, logged out and in English", async () => {
    const context = await browser.newContext({ ...DANISH, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const width of [1024, 1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ["/?lang=da", "/?lang=en"]) {
        await page.goto(`${demo.url}${path}`);
        expect(await page.isVisible("summary.tv-menu-button"), `${width} ${path}`).toBe(false);
        expect(await page.isVisible("nav.tv-nav a[href='/kalender']"), `${width} ${path}`).toBe(true);
        expect(await menuTops(page), `${width} ${path}`).toHaveLength(1);
      }
    }
    await page.goto(`${demo.url}/?lang=da`);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.getAttribute("link[rel=icon]", "href")).toBe("/favicon.ico");
    await page.screenshot({ path: join(SHOTS, "front-1280.png") });
    await context.close();
    const withScript = await browser.newContext({ ...DANISH, viewport: { width: 1280, height: 900 } });
    const checked = await withScript.newPage();
    await checked.goto(`${demo.url}/`);
    expect(await menuTops(checked)).toHaveLength(1);
    expect(await axeViolations(checked)).toEqual([]);
    await withScript.close();
  });

  it("a phone (390×844): the menu folds behind 'Menu' without JavaScript and the h1 starts high", async () => {
    const context = await browser.newContext({
      ...DANISH,
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${demo.url}${pages.meeting}`);
    expect(await page.isVisible("summary.tv-menu-button")).toBe(true);
    expect(await page.isVisible("nav.tv-nav a[href='/kalender']")).toBe(false);
    expect(await page.isVisible("#tv-search-q")).toBe(false);
    const h1 = await page.locator("main h1").first().boundingBox();
    expect(h1?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(400);
    await page.goto(`${demo.url}/`);
    const frontH1 = await page.locator("main h1").first().boundingBox();
    expect(frontH1?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(400);
    await page.screenshot({ path: join(SHOTS, "front-390.png") });
    // Pressed (keyboard), the menu and the tools open; every link stacked, one per line.
    await page.focus("summary.tv-menu-button");
    await page.keyboard.press("Enter");
    expect(await page.isVisible("nav.tv-nav a[href='/kalender']")).toBe(true);
    expect(await page.isVisible("#tv-search-q")).toBe(true);
    expect((await menuTops(page)).length).toBeGreaterThan(5);
    await page.screenshot({ path: join(SHOTS, "front-390-menu.png") });
    await page.goto(`${demo.url}${pages.meeting}`);
    // Printed, the meeting reads like minutes: no menu, tools, breadcrumbs or footer.
    await page.emulateMedia({ media: "print" });
    for (const selector of [
      "nav.tv-nav",
      ".tv-tools",
      "summary.tv-menu-button",
      "nav.breadcrumbs",
      "footer",
    ]) {
      expect(await page.isVisible(selector), selector).toBe(false);
    }
    expect(await page.isVisible("h1")).toBe(true);
    await context.close();
    // axe (needs script) on both states of the phone header.
    const withScript = await browser.newContext({ ...DANISH, viewport: { width: 390, height: 844 } });
    const checked = await withScript.newPage();
    await checked.goto(`${demo.url}/`);
    expect(await checked.isVisible("nav.tv-nav a[href='/kalender']")).toBe(false);
    expect(await axeViolations(checked)).toEqual([]);
    await checked.click("summary.tv-menu-button");
    expect(await checked.isVisible("nav.tv-nav a[href='/kalender']")).toBe(true);
    expect(await axeViolations(checked)).toEqual([]);
    await withScript.close();
  });
});
