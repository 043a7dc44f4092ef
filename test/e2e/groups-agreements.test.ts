import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAgreements } from "../../src/modules/agreements/index.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { listBodies } from "../../src/modules/bodies/index.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium } from "./browser.ts";

const SHOTS =
  process.env.TVAERS_SCREENSHOTS === "1" ? join("docs", "screenshots") : join(tmpdir(), "tvaers-shots");

/**
 * The whole story in Chromium without JavaScript, driving the secretariat's forms as the demo secretary:
 * set up an ad hoc group at a meeting, record its report, continue it with a revised mandate, close it;
 * draft an agreement, run a hearing with three responses and a handled matrix, approve it, find it in the
 * toolbox. axe finds no WCAG 2.1 A/AA violations on these pages, logged out or in.
 */
describe("Working groups and agreements in Chromium (forms without script, axe)", () => {
  let demo: DemoApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let sss: { id: number };
  const axe: Record<string, string[]> = {};
  const created: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
    const svc = { db: demo.database.db, actor: SYSTEM_ACTOR };
    sss = (await listBodies(svc, { limit: 200 })).items.find((b) => b.shortName === "SSS") as { id: number };
    context = await browser.newContext({
      locale: "da-DK",
      javaScriptEnabled: false,
      viewport: { width: 1200, height: 900 },
    });
    page = await context.newPage();
    // The login form's own button: the header has a search form with a submit button too.
    await page.goto(`${demo.url}/log-ind`);
    await page.fill("#email", "sekretariat@tvaers.local");
    await page.fill("#password", "Dagsorden-Bilag-2026");
    await Promise.all([
      page.waitForNavigation({ waitUntil: "domcontentloaded" }),
      page.click("main button[type=submit]"),
    ]);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.close();
  });

  /** Submits a form and waits for the page after it; a form shown again with errors fails with its message. */
  const submit = async (form: string) => {
    await Promise.all([
      page.waitForNavigation({ waitUntil: "domcontentloaded" }),
      page.click(`form:has(#${form}-h) button[type=submit]`),
    ]);
    if (!page.url().includes("gemt=1")) {
      throw new Error(`${form}: ${await page.locator(".alert-error").allTextContents()}`);
    }
  };

  it("sets up an ad hoc group under SSS with its mandate, decided at an SSS meeting", async () => {
    await page.goto(`${demo.url}/organer/${sss.id}/grupper`);
    await page.fill("#setup-name", "Ad hoc gruppe om medicinlister");
    await page.selectOption("#setup-kind", "ad_hoc_group");
    await page.fill(
      "#setup-purpose",
      "Gruppen skal lave en fælles medicinliste for kommuner, hospital og almen praksis.",
    );
    await page.fill("#setup-periodFrom", "2026-10-07");
    await page.fill("#setup-periodTo", "2027-06-30");
    await page.fill(
      "#setup-composition",
      "2 | Kommunerne | Sygeplejerske | fast\n1 | PLO-Vestkyst | Praktiserende læge | fleksibel",
    );
    await page.fill("#setup-deliverables", "2026-11-15 Statusnotat til SSS\n2027-05-31 Anbefaling til SSS");
    await page.selectOption("#setup-itemId", { index: 1 });
    await submit("setup");
    expect(await page.textContent("main")).toContain("Ad hoc gruppe om medicinlister");
    await Promise.all([
      page.waitForNavigation({ waitUntil: "domcontentloaded" }),
      page.click("main a:text('Ad hoc gruppe om medicinlister')"),
    ]);
    expect(page.url()).toMatch(/\/kommissorium$/);
    created.mandate = new URL(page.url()).pathname;
    expect(await page.textContent("main")).toContain("Statusnotat til SSS");
  }, 120_000);

  it("records the report at a later meeting, continues the group with a revised mandate and closes it", async () => {
    await page.selectOption("#report-deliverable", "Statusnotat til SSS");
    await page.fill("#report-on", "2026-11-20");
    await submit("report");
    expect(await page.textContent("main")).toContain("Afrapportering");
    await page.fill("#revise-periodTo", "2027-12-31");
    await page.fill("#revise-deliverables", "2026-11-15 Statusnotat til SSS\n2027-11-30 Plan for udbredelse");
    await page.fill("#revise-changeNote", "Perioden forlænges, og gruppen laver en plan for udbredelse.");
    await page.check("#revise-continued");
    await page.check("#revise-approved");
    await page.fill("#revise-on", "2026-11-21");
    await submit("revise");
    const main = await page.textContent("main");
    expect(main).toContain("Videreført");
    expect(main).toContain("Plan for udbredelse");
    await page.selectOption("#status-change", "closed");
    await page.fill("#status-on", "2026-11-22");
    await submit("status");
    expect(await page.textContent(".tv-facts")).toContain("Nedlagt");
    await page.screenshot({ path: join(SHOTS, "mandate-secretariat.png"), fullPage: true });
  }, 120_000);

  it("drafts an agreement, runs a hearing with three responses and a handled matrix, approves it and finds it in the toolbox", async () => {
    await page.goto(`${demo.url}/aftaler/ny`);
    await page.fill("#new-title", "Samarbejdsaftale om fælles medicinliste");
    await page.fill("#new-theme", "Medicin");
    await page.fill("#new-summary", "Én medicinliste for borgeren på tværs af sektorer.");
    await page.selectOption("#new-ownerBodyId", String(sss.id));
    await page.fill("#new-contactName", "Anders Bech Mølgaard");
    await page.fill("#new-text", "# Aftalen\n\nHøringsudkast.");
    await submit("new");
    created.agreement = new URL(page.url()).pathname;
    await page.fill("#hearing-startsOn", "2026-09-01");
    await page.fill("#hearing-endsOn", "2026-10-31");
    await page.fill("#hearing-invitees", "Havbjerg Kommune\nKlitmose Kommune\nPLO-Vestkyst");
    await submit("hearing");
    for (const [party, text] of [
      ["Havbjerg Kommune", "Listen bør også vise dosisdispensering.\n\nApotekerne skal inddrages."],
      ["Klitmose Kommune", "Vi støtter aftalen."],
      ["PLO-Vestkyst", "Lægerne skal kunne se listen i journalsystemet."],
    ] as const) {
      await page.selectOption("#response-partyName", party);
      await page.fill("#response-receivedOn", "2026-10-20");
      await page.fill("#response-text", text);
      await submit("response");
    }
    expect(await page.textContent("main")).toContain("3 høringssvar modtaget");
    const handlings = ["changed", "adjusted", "not_changed", "changed"];
    for (const [i, handling] of handlings.entries()) {
      const form = page.locator("form.tv-remark-form").nth(i);
      await form.locator("select").selectOption(handling);
      await form.locator("textarea").fill(`Svar ${i + 1}`);
      await Promise.all([
        page.waitForNavigation({ waitUntil: "domcontentloaded" }),
        form.locator("button[type=submit]").click(),
      ]);
    }
    expect(await page.textContent("main")).toContain(
      "Ikke ændret: 1 · Drøftet og justeret: 1 · Ændret: 2 · Ikke behandlet: 0",
    );
    await page.selectOption("#approve-bodyId", String(sss.id));
    await page.fill("#approve-on", "2026-11-18");
    await submit("approve");
    expect(await page.textContent(".tv-facts")).toContain("Godkendt");
    await page.goto(`${demo.url}/vaerktoejskasse`);
    await page.fill("#toolbox-q", "medicinliste");
    await Promise.all([
      page.waitForNavigation({ waitUntil: "domcontentloaded" }),
      page.click("form[action='/vaerktoejskasse'] button[type=submit]"),
    ]);
    expect(page.url()).toContain("q=medicinliste");
    expect(await page.textContent("main")).toContain("Samarbejdsaftale om fælles medicinliste");
  }, 120_000);

  it("has no axe violations on the toolbox, agreement, mandate and groups pages, logged out and in", async () => {
    const svc = { db: demo.database.db, actor: SYSTEM_ACTOR };
    const agreement = (await listAgreements(svc, {})).find((a) => a.title.includes("overvægt"));
    const bodies = (await listBodies(svc, { limit: 200 })).items;
    const akut = bodies.find((b) => b.shortName === "Ad hoc akut");
    const publicPages = {
      toolbox: "/vaerktoejskasse",
      toolboxSearch: "/vaerktoejskasse?q=kronisk&tema=Kronisk+sygdom",
      agreement: `/aftaler/${agreement?.id}`,
      mandate: `/organer/${akut?.id}/kommissorium`,
      groups: `/organer/${sss.id}/grupper`,
    };
    // axe runs in the page, so it needs script: the secretary's session is carried into a context with it.
    const secretaryPages = {
      ...publicPages,
      newAgreement: "/aftaler/ny",
      createdAgreement: created.agreement as string,
      createdMandate: created.mandate as string,
    };
    for (const [who, cookies, list] of [
      ["public", [], publicPages],
      ["secretariat", await context.cookies(), secretaryPages],
    ] as const) {
      const withScript = await browser.newContext({
        locale: "da-DK",
        viewport: { width: 1200, height: 900 },
      });
      await withScript.addCookies([...cookies]);
      const p = await withScript.newPage();
      for (const [name, path] of Object.entries(list)) {
        const res = await p.goto(`${demo.url}${path}`);
        expect(res?.status(), path).toBe(200);
        axe[`${name}-${who}`] = await axeViolations(p);
        await p.screenshot({ path: join(SHOTS, `${name}-${who}.png`), fullPage: true });
      }
      await withScript.close();
    }
    expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((k) => [k, []])));
  }, 120_000);
});
