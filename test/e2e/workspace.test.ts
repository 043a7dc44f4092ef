import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toLocalDateTime } from "../../src/lib/time.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { bodies } from "../../src/modules/bodies/index.ts";
import { getMeetingRow, listMeetingItems, meetings } from "../../src/modules/meetings/index.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium } from "./browser.ts";

/**
 * The secretariat's workspace in Chromium: axe (WCAG 2.1 A/AA) on every workspace page type, and a
 * keyboard-only run (Tab, Enter, Space and typed text) from an empty meeting to published minutes.
 * Screenshots go to docs/screenshots when TVAERS_SCREENSHOTS=1.
 */
const SHOTS =
  process.env.TVAERS_SCREENSHOTS === "1" ? join("docs", "screenshots") : join(tmpdir(), "tvaers-shots");
const DANISH = { locale: "da-DK", viewport: { width: 1200, height: 900 } };
const SECRETARY = ["sekretariat@tvaers.local", "Dagsorden-Bilag-2026"] as const;
const CHAIR = ["formand@tvaers.local", "Klokke-Ordstyrer-2026"] as const;

/** Presses Tab until the focused element matches the selector (reading focus is not input). */
async function tabTo(page: Page, selector: string, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab nåede aldrig ${selector}`);
}

/** Tab to the element and press Enter, waiting for the navigation it causes. */
async function enter(page: Page, selector: string) {
  await tabTo(page, selector);
  await Promise.all([page.waitForLoadState("load"), page.waitForNavigation(), page.keyboard.press("Enter")]);
}

/**
 * An irreversible step with the keyboard: Enter on its button opens the confirming dialog on the same
 * page (src/client/confirm.ts) with the focus on "yes", and Enter there sends the form.
 */
async function enterConfirmed(page: Page, selector: string, says: string) {
  await tabTo(page, selector);
  await page.keyboard.press("Enter");
  await page.waitForSelector("dialog.tv-dialog[open]");
  expect(await page.textContent("dialog.tv-dialog")).toContain(says);
  expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-confirm-yes"))).toBe(true);
  await Promise.all([page.waitForLoadState("load"), page.waitForNavigation(), page.keyboard.press("Enter")]);
}

async function keyboardLogIn(page: Page, base: string, [email, password]: readonly [string, string]) {
  await page.goto(`${base}/log-ind`);
  await tabTo(page, "#email");
  await page.keyboard.type(email);
  await tabTo(page, "#password");
  await page.keyboard.type(password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

describe("Workspace in Chromium (axe, keyboard only)", { timeout: 240_000 }, () => {
  let demo: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const ssuId = async () => {
    const rows = await demo.database.db.select().from(bodies);
    return (rows.find((b) => b.shortName === "SSU") ?? rows[0])?.id as number;
  };

  it("keyboard only: the secretary builds an agenda, holds the meeting, the chair approves, the minutes are published", async () => {
    const context = await browser.newContext(DANISH);
    const page = await context.newPage();
    const base = demo.url;
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // Every step through pages: no request of the whole cycle goes to the API.
    const apiCalls: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith("/api/")) {
        apiCalls.push(`${r.method()} ${r.url()}`);
      }
    });
    await keyboardLogIn(page, base, SECRETARY);
    await enter(page, "nav a[href='/arbejdsrum']");
    expect(await page.textContent("h1")).toBe("Arbejdsrum");
    const ssu = await ssuId();
    await enter(page, `main a[href='/arbejdsrum/organer/${ssu}']`);
    const yesterday = toLocalDateTime(new Date(Date.now() - 24 * 3600_000)).slice(0, 10);
    await tabTo(page, "#date");
    await page.keyboard.type(yesterday);
    await tabTo(page, "#location");
    await page.keyboard.type("Regionshuset, mødelokale 2");
    await enter(page, "form[action$='/moeder'] button[type=submit]");
    expect(await page.textContent("main")).toContain("Godkendelse af dagsorden");
    for (const title of ["Sammenhængende forløb", "Rehabilitering på tværs", "Akutpladser i kommunerne"]) {
      await tabTo(page, "#title");
      await page.keyboard.type(title);
      await tabTo(page, "#durationMinutes");
      await page.keyboard.type("20");
      await enter(page, "form[action$='/punkter'] button[type=submit]");
    }
    const titles = () =>
      page.$$eval("#agenda tbody tr td:nth-child(2) a", (as) => as.map((a) => a.textContent));
    expect(await titles()).toEqual([
      "Godkendelse af dagsorden",
      "Godkendelse af referat",
      "Sammenhængende forløb",
      "Rehabilitering på tværs",
      "Akutpladser i kommunerne",
      "Eventuelt",
    ]);
    // Reorder with the keyboard: "Akutpladser" one up.
    const akutRow = await page.$eval("#agenda tbody tr:nth-child(5)", (tr) =>
      tr.getAttribute("data-item-id"),
    );
    await enter(page, `#agenda tr[data-item-id='${akutRow}'] input[value=op] ~ button`);
    expect((await titles())[3]).toBe("Akutpladser i kommunerne");
    // The second step says what will happen (a dialog on the page); confirming does it.
    await enterConfirmed(
      page,
      "form input[value=agenda_published] ~ input[name=version] ~ button",
      "Offentliggør dagsordenen?",
    );
    expect(await page.textContent("main")).toContain("Dagsordenen er offentliggjort.");
    await enter(page, "nav.tv-steps a[href$='/moedet']");
    // Attendance: the chair is present (type-ahead in a focused list: "T" = "Til stede").
    await tabTo(page, "select[id^=st-]");
    await page.keyboard.type("T");
    await enter(page, "form[action$='/fremmoede'] button[type=submit]");
    expect(await page.textContent("main")).toContain("Fremmødet er gemt.");
    await tabTo(page, "form[data-autosave] textarea[name=decisionText]");
    await page.keyboard.type("Dagsordenen blev godkendt.");
    await tabTo(page, "form[data-autosave] select[name=outcome]");
    await page.keyboard.type("G");
    await enter(page, "form[data-autosave] button[type=submit]");
    expect(await page.inputValue("form[data-autosave] textarea[name=decisionText]")).toBe(
      "Dagsordenen blev godkendt.",
    );
    await enterConfirmed(
      page,
      "form input[value=minutes_draft] ~ input[name=version] ~ button",
      "Formandskabet får besked",
    );
    expect(await page.textContent("main")).toContain("Referatet venter på formandens godkendelse.");
    const minutesUrl = page.url().split("?")[0] as string;
    await enter(page, "form.tv-logout button");
    // The chair approves.
    await keyboardLogIn(page, base, CHAIR);
    await enter(page, "nav a[href='/arbejdsrum']");
    await enter(page, `main a[href='${new URL(minutesUrl).pathname}']`);
    await enter(page, "form input[value=minutes_approved] ~ input[name=version] ~ button");
    expect(await page.textContent("main")).toContain("Referatet er godkendt.");
    await enter(page, "form.tv-logout button");
    // Publishing is the secretariat's step.
    await keyboardLogIn(page, base, SECRETARY);
    await enter(page, "nav a[href='/arbejdsrum']");
    await enter(page, `main a[href='${new URL(minutesUrl).pathname}']`);
    await enterConfirmed(
      page,
      "form input[value=minutes_published] ~ input[name=version] ~ button",
      "Det kan ikke fortrydes.",
    );
    expect(await page.textContent("main")).toContain("Referatet er offentliggjort.");
    expect(await page.textContent(".tv-steps")).toContain("Referat offentliggjort");
    expect(errors).toEqual([]);
    expect(apiCalls).toEqual([]);
    await context.close();
  });

  it("axe: no violations on any workspace page type (secretary, scripts on)", async () => {
    const context = await browser.newContext(DANISH);
    const page = await context.newPage();
    await keyboardLogIn(page, demo.url, SECRETARY);
    const svc = { db: demo.database.db, actor: SYSTEM_ACTOR };
    const ssu = await ssuId();
    const all = await demo.database.db.select().from(meetings);
    const ofSsu = all.filter((m) => m.bodyId === ssu);
    const coming = ofSsu.find((m) => m.status === "agenda_published") as (typeof all)[number];
    const published = ofSsu.find((m) => m.status === "minutes_published") as (typeof all)[number];
    const item = (await listMeetingItems(svc, await getMeetingRow(svc.db, coming.id)))[2];
    const pages: Record<string, string> = {
      dashboard: "/arbejdsrum",
      body: `/arbejdsrum/organer/${ssu}`,
      agenda: `/arbejdsrum/moeder/${coming.id}`,
      item: `/arbejdsrum/moeder/${coming.id}/punkter/${item?.id}`,
      conduct: `/arbejdsrum/moeder/${coming.id}/moedet`,
      agendaApproval: `/arbejdsrum/moeder/${coming.id}/dagsorden-godkendelse`,
      approvalSettings: `/arbejdsrum/organer/${ssu}/godkendelse`,
      minutes: `/arbejdsrum/moeder/${published.id}/referat`,
      imports: "/arbejdsrum/import",
      change: `/arbejdsrum/moeder/${coming.id}/ret`,
    };
    const report: Record<string, string[]> = {};
    for (const [name, path] of Object.entries(pages)) {
      const res = await page.goto(`${demo.url}${path}`);
      expect(res?.status(), path).toBe(200);
      report[name] = await axeViolations(page);
      // Scripts come from files only (the CSP forbids inline script), and only where a page enhances.
      const scripts = await page.$$eval("script", (list) =>
        list.map((x) => (x.textContent ? "inline" : x.getAttribute("src"))),
      );
      expect(
        scripts.every((src) => src?.startsWith("/static/js/")),
        path,
      ).toBe(true);
      await page.screenshot({
        path: join(SHOTS, `ws-${name}.png`),
        fullPage: name !== "conduct" && name !== "minutes",
      });
    }
    // The second step before closing the meeting, as a dialog on the page: nothing changes until it is
    // confirmed, and "Fortryd" closes it again.
    await page.goto(`${demo.url}/arbejdsrum/moeder/${coming.id}/moedet`);
    const before = page.url();
    await page.click("form input[value=minutes_draft] ~ input[name=version] ~ button");
    await page.waitForSelector("dialog.tv-dialog[open]");
    expect(await page.textContent("dialog.tv-dialog h2")).toContain("Luk mødet");
    report.confirm = await axeViolations(page);
    await page.click("dialog.tv-dialog [data-confirm-no]");
    expect(await page.$("dialog.tv-dialog")).toBeNull();
    expect(page.url()).toBe(before);
    // Without scripts the same step is a page of its own.
    const plain = await browser.newContext({ ...DANISH, javaScriptEnabled: false });
    const plainPage = await plain.newPage();
    await plainPage.context().addCookies(await page.context().cookies());
    await plainPage.goto(`${demo.url}/arbejdsrum/moeder/${coming.id}/moedet`);
    await Promise.all([
      plainPage.waitForNavigation(),
      plainPage.click("form input[value=minutes_draft] ~ input[name=version] ~ button"),
    ]);
    expect(await plainPage.textContent("h1")).toContain("Luk mødet");
    await plain.close();
    // The same page for axe (which needs scripts): the form sent past the dialog's listener.
    await Promise.all([
      page.waitForNavigation(),
      page.evaluate(() =>
        document.querySelector("form input[value=minutes_draft]")?.closest("form")?.submit(),
      ),
    ]);
    expect(await page.textContent("h1")).toContain("Luk mødet");
    report.confirmPage = await axeViolations(page);
    // Form errors beside the fields.
    await page.goto(`${demo.url}/arbejdsrum/moeder/${coming.id}`);
    await page.click("form[action$='/punkter'] button[type=submit]");
    expect(await page.textContent("#title-error")).toContain("Skriv punktets titel.");
    report.agendaErrors = await axeViolations(page);
    // Import review: a small Markdown document.
    const doc = join(tmpdir(), "referat-test.md");
    writeFileSync(
      doc,
      "# Referat\n\nSundhedssamarbejdsudvalget\n\nMødedato: 5. marts 2025 kl. 9.00\n\nSted: Regionshuset\n\n## 1. Godkendelse af dagsorden (Åben)\n\n### Beslutning\n\nGodkendt.\n\n## 2. Eventuelt\n\n### Beslutning\n\nIntet.\n",
    );
    await page.goto(`${demo.url}/arbejdsrum/import`);
    await page.setInputFiles("#files", doc);
    await Promise.all([page.waitForNavigation(), page.click("form[enctype] button[type=submit]")]);
    expect(page.url()).toContain("/arbejdsrum/import/");
    expect(await page.textContent(".tv-source")).toContain("Godkendelse af dagsorden");
    report.importReview = await axeViolations(page);
    await page.screenshot({ path: join(SHOTS, "ws-import-review.png"), fullPage: true });
    // Conflict: two tabs save the same item.
    const other = await context.newPage();
    const itemUrl = `${demo.url}${pages.item}`;
    await Promise.all([page.goto(itemUrl), other.goto(itemUrl)]);
    await other.fill("#title", "Titel fra den anden fane");
    await Promise.all([other.waitForNavigation(), other.click("button[value=gem]")]);
    await page.fill("#title", "Min egen titel");
    await Promise.all([page.waitForNavigation(), page.click("button[value=gem]")]);
    expect(await page.textContent("h1")).toBe("En anden har gemt først");
    report.conflict = await axeViolations(page);
    await page.screenshot({ path: join(SHOTS, "ws-conflict.png"), fullPage: true });
    await context.close();
    expect(report).toEqual(Object.fromEntries(Object.keys(report).map((k) => [k, []])));
  });
});
