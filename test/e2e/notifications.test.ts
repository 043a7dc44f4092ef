import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium, logIn } from "./browser.ts";

/**
 * The notification pages in a real browser without JavaScript: the public subscribes on a body page,
 * confirms and unsubscribes; a member's settings and saved searches; the admin's outbox. No WCAG 2.1
 * A/AA violations (axe) on any of them.
 */
describe("Notification pages in Chromium (axe, no JavaScript)", { timeout: 120_000 }, () => {
  let demo: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function check(page: Page, path: string, report: Record<string, string[]>) {
    const res = await page.goto(`${demo.url}${path}`);
    expect(res?.status(), path).toBe(200);
    report[path] = await axeViolations(page);
  }

  it("the public subscribes, confirms and unsubscribes without JavaScript", async () => {
    const context = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.url}/organer`);
    const body = (await page.getAttribute("main a[href^='/organer/']", "href")) as string;
    await page.goto(`${demo.url}${body}`);
    await page.fill("#sub-email", "borger@example.dk");
    await page.click("form:has(#sub-email) button[type=submit]");
    expect(await page.textContent("main")).toContain("borger@example.dk");
    const [row] = (
      (await demo.database.db.execute(
        sql`select token from public_subscriptions where email = 'borger@example.dk'`,
      )) as unknown as { rows: Array<{ token: string }> }
    ).rows;
    const token = row?.token as string;

    // With JavaScript (for axe): the body page, the search page, the confirmation and unsubscribe pages.
    const axe = await browser.newContext({ locale: "da-DK" });
    const report: Record<string, string[]> = {};
    const p = await axe.newPage();
    for (const path of [body, "/soeg?q=referat", `/abonnement/${token}`, `/afmeld/${token}`]) {
      await check(p, path, report);
    }
    await axe.close();
    expect(report).toEqual(Object.fromEntries(Object.keys(report).map((k) => [k, []])));

    await page.goto(`${demo.url}/abonnement/${token}`);
    await page.click("main form button[type=submit]");
    expect(await page.textContent("main")).toContain("Abonnementet er bekræftet");
    await page.goto(`${demo.url}/afmeld/${token}`);
    await page.click("main form button[type=submit]");
    expect(await page.textContent("main")).toContain("Du er afmeldt");
    await context.close();
  });

  it("a member's settings and saved searches, and the admin's outbox, have no axe violations", async () => {
    const report: Record<string, string[]> = {};
    for (const [email, password, paths] of [
      [
        "medlem@tvaers.local",
        "Referat-Laesning-2026",
        ["/mine-notifikationer", "/soeg?q=referat", "/soeg/gemte"],
      ],
      ["admin@tvaers.local", "Klit-Fyrtaarn-2026", ["/admin/udsendelser"]],
    ] as const) {
      const noScript = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
      const login = await noScript.newPage();
      await logIn(login, demo.url, email, password);
      const cookies = await noScript.cookies();
      await noScript.close();
      const context = await browser.newContext({ locale: "da-DK" });
      await context.addCookies(cookies);
      const page = await context.newPage();
      for (const path of paths) {
        await check(page, path, report);
      }
      await context.close();
    }
    expect(report).toEqual(Object.fromEntries(Object.keys(report).map((k) => [k, []])));
  });
});
