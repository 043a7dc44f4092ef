import { sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium } from "./browser.ts";

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows);

/**
 * The public's e-mail alerts of a search in a real browser without JavaScript, in Danish: subscribe on
 * /soeg, open the confirmation link from the queued mail, confirm, unsubscribe. No WCAG 2.1 A/AA
 * violations (axe) on the pages of the walk.
 */
describe("Search alerts for the public in Chromium (no JavaScript, axe)", { timeout: 120_000 }, () => {
  let demo: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
    // Loading the demo takes minutes on a busy shared two-core machine.
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it("subscribes to a search, confirms by the mailed link and unsubscribes", async () => {
    const address = "soeger@example.dk";
    const context = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.url}/soeg?q=genoptr%C3%A6ning`);
    expect(await page.textContent("main")).toContain("Eller få besked uden konto");
    await page.fill("#alert-email", address);
    await page.click("form[action='/soeg/abonner'] button[type=submit]");
    expect(await page.textContent("main")).toContain(`Vi har sendt en mail til ${address}`);

    // The confirmation waits in the outbox (the demo has no SMTP server): follow its link as a reader would.
    const [mail] = rowsOf<{ text: string; subject: string }>(
      await demo.database.db.execute(
        sql`select text, subject from notification_outbox where topic = 'search-confirm' and to_address = ${address}`,
      ),
    );
    expect(mail?.subject).toBe("Bekræft e-mail om nyt for søgningen »genoptræning«");
    const link = /https?:\/\/[^\s]+\/soeg\/abonnement\/[A-Za-z0-9_-]+/.exec(mail?.text ?? "")?.[0] as string;
    expect(link).toBeTruthy();
    const path = new URL(link).pathname;
    const token = path.split("/").at(-1) as string;
    await page.goto(`${demo.url}${path}`);
    expect(await page.textContent("main")).toContain(
      "Bekræft, at du vil have en e-mail til soeger@example.dk",
    );
    await page.click("main form button[type=submit]");
    expect(await page.textContent("main")).toContain("Det er bekræftet");
    const [confirmed] = rowsOf<{ confirmed: boolean }>(
      await demo.database.db.execute(
        sql`select confirmed_at is not null as confirmed from search_subscriptions where token = ${token}`,
      ),
    );
    expect(confirmed?.confirmed).toBe(true);

    // With JavaScript (for axe): the search page, the confirmation and the unsubscribe page.
    const axe = await browser.newContext({ locale: "da-DK" });
    const p = await axe.newPage();
    const report: Record<string, string[]> = {};
    for (const url of ["/soeg?q=genoptr%C3%A6ning", path, `/soeg/afmeld/${token}`]) {
      const res = await p.goto(`${demo.url}${url}`);
      expect(res?.status(), url).toBe(200);
      report[url] = await axeViolations(p);
    }
    await axe.close();
    expect(report).toEqual(Object.fromEntries(Object.keys(report).map((k) => [k, []])));

    await page.goto(`${demo.url}/soeg/afmeld/${token}`);
    expect(await page.textContent("main")).toContain(
      "Vil du afmelde e-mails om nyt for søgningen »genoptræning«?",
    );
    await page.click("main form button[type=submit]");
    expect(await page.textContent("main")).toContain("Du er afmeldt");
    const left = rowsOf<{ n: number }>(
      await demo.database.db.execute(
        sql`select count(*)::int as n from search_subscriptions where token = ${token}`,
      ),
    );
    expect(left[0]?.n).toBe(0);
    await context.close();
  });
});
