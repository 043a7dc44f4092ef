import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toLocalDateTime } from "../../src/lib/time.ts";
import { bodies } from "../../src/modules/bodies/index.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium } from "./browser.ts";

/**
 * The whole cycle of one meeting as issue 16 lists it, with the mouse, by the secretary and the chair on
 * two devices: create the meeting, items (one closed, with a closed attachment), publish the agenda, a
 * supplementary agenda, move the meeting, hold it (an apology, everyone else present, a substitute,
 * "indstillingen godkendt"), close it, a follow-up from the server's proposal, send a case to another body
 * (whose secretariat sees it waiting), the chair sends the minutes back with a comment, the secretary fixes
 * them, the chair approves, the secretary publishes — at a desktop and a phone size. It counts clicks (a
 * click on a link or button, a click into a text field, two for a select) and page loads per stage,
 * asserts that no request goes to /api/, that the public page shows nothing of the closed item, runs axe
 * on the new page states, and keeps a screenshot of each stage (docs/screenshots with
 * TVAERS_SCREENSHOTS=1; the figures go to cycle-counts.json beside them).
 */
const SHOTS =
  process.env.TVAERS_SCREENSHOTS === "1" ? join("docs", "screenshots") : join(tmpdir(), "tvaers-shots");
const SECRETARY = ["sekretariat@tvaers.local", "Dagsorden-Bilag-2026"] as const;
const CHAIR = ["formand@tvaers.local", "Klokke-Ordstyrer-2026"] as const;
const SIZES = [
  { name: "1280", viewport: { width: 1280, height: 900 } },
  { name: "390", viewport: { width: 390, height: 844 } },
] as const;

/** The closed item's attachment: its title must never reach the public page. */
const CLOSED_ATTACHMENT = "Fordeling af akutpladser (lukket bilag)";
/** A one-page PDF, small enough to write here. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

interface Counter {
  clicks: number;
  loads: number;
  loginClicks: number;
  loginLoads: number;
}

/** The main region's text as a reader sees it: without the soft hyphens long words carry for line breaks. */
async function mainText(page: Page): Promise<string> {
  return ((await page.textContent("main")) ?? "").replace(/\u00ad/g, "");
}

function walker(page: Page, count: Counter, phone: boolean) {
  let inLogin = false;
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) {
      if (inLogin) {
        count.loginLoads++;
      } else {
        count.loads++;
      }
    }
  });
  const tick = (n = 1) => {
    if (inLogin) {
      count.loginClicks += n;
    } else {
      count.clicks += n;
    }
  };
  /** A click that leads to a new page. */
  const go = async (selector: string) => {
    tick();
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };
  /** A choice in a select: two clicks (open, pick). */
  const select = async (selector: string, value: string) => {
    tick(2);
    await page.selectOption(selector, value);
  };
  /** A click into a filled text field, clearing it, then typing. */
  const retype = async (selector: string, text: string) => {
    tick();
    await page.fill(selector, "");
    await page.click(selector);
    await page.keyboard.type(text);
  };
  /** A click into a text field, then typing. */
  const type = async (selector: string, text: string) => {
    tick();
    await page.click(selector);
    await page.keyboard.type(text);
  };
  /** Opens the main menu on a phone (the "Menu" button) before a menu link. */
  const menu = async (selector: string) => {
    if (phone) {
      tick();
      await page.click("summary.tv-menu-button");
    }
    await go(selector);
  };
  /**
   * An irreversible step: the click opens the confirming dialog on the same page (no page load), and the
   * click on its "yes" sends the form.
   */
  const confirmed = async (selector: string, says: string, onOpen?: () => Promise<void>) => {
    tick();
    await page.click(selector);
    await page.waitForSelector("dialog.tv-dialog[open]");
    expect(((await page.textContent("dialog.tv-dialog")) ?? "").replace(/\u00ad/g, "")).toContain(says);
    await onOpen?.();
    await go("dialog.tv-dialog [data-confirm-yes]");
  };
  const logIn = async (base: string, [email, password]: readonly [string, string]) => {
    inLogin = true;
    await page.goto(`${base}/log-ind`);
    await type("#email", email);
    await type("#password", password);
    await go("form:has(#password) button[type=submit]");
    inLogin = false;
  };
  const logOut = async () => {
    inLogin = true;
    if (phone) {
      tick();
      await page.click("summary.tv-menu-button");
    }
    await go("form.tv-logout button");
    inLogin = false;
  };
  return { go, type, select, retype, menu, logIn, logOut, tick, confirmed };
}

describe("The secretary's cycle in Chromium: clicks, page loads, screenshots", { timeout: 900_000 }, () => {
  let demo: DemoApp;
  let browser: Browser;
  const figures: Record<string, Counter & { marks: Record<string, [number, number]> }> = {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
  }, 540_000);

  afterAll(async () => {
    if (Object.keys(figures).length > 0) {
      writeFileSync(join(SHOTS, "cycle-counts.json"), `${JSON.stringify(figures, null, 2)}\n`);
    }
    await browser?.close();
    await demo?.close();
  });

  for (const size of SIZES) {
    it(`${size.name} px: create, items, publish, supplement, hold, close, approve, publish — no /api/`, async () => {
      const phone = size.viewport.width < 600;
      const context = await browser.newContext({ locale: "da-DK", viewport: size.viewport });
      const page = await context.newPage();
      const base = demo.url;
      const count: Counter = { clicks: 0, loads: 0, loginClicks: 0, loginLoads: 0 };
      const w = walker(page, count, phone);
      // The running totals (clicks, loads) at the end of each stage, for the closing note's breakdown.
      const marks: Record<string, [number, number]> = {};
      const mark = (stage: string) => {
        marks[stage] = [count.clicks + count.loginClicks, count.loads + count.loginLoads];
      };
      const apiCalls: string[] = [];
      page.on("request", (r) => {
        if (new URL(r.url()).pathname.startsWith("/api/")) {
          apiCalls.push(`${r.method()} ${r.url()}`);
        }
      });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      const shot = (stage: string) =>
        page.screenshot({ path: join(SHOTS, `cycle-${size.name}-${stage}.png`), fullPage: false });
      const rows = await demo.database.db.select().from(bodies);
      const ssu = (rows.find((b) => b.shortName === "SSU") ?? rows[0])?.id as number;
      const target = rows.find((b) => b.name === "Strategisk Sundhedsstyregruppe");
      // The chair works on a device of her own: a second browser context, logged in once.
      const chairContext = await browser.newContext({ locale: "da-DK", viewport: size.viewport });
      const chairPage = await chairContext.newPage();
      const c = walker(chairPage, count, phone);
      chairPage.on("request", (r) => {
        if (new URL(r.url()).pathname.startsWith("/api/")) {
          apiCalls.push(`${r.method()} ${r.url()}`);
        }
      });
      chairPage.on("pageerror", (e) => errors.push(String(e)));

      await w.logIn(base, SECRETARY);
      await w.menu("nav a[href='/arbejdsrum']");
      await w.go(`main a[href='/arbejdsrum/organer/${ssu}']`);
      // Two days ago, then moved to yesterday, so that the meeting can be held in the same walk.
      const day = (daysAgo: number) => {
        const [y, m, d] = toLocalDateTime(new Date(Date.now() - daysAgo * 24 * 3600_000))
          .slice(0, 10)
          .split("-");
        return `${d}.${m}.${y}`;
      };
      await w.type("#date", day(2));
      await w.type("#location", `Regionshuset ${size.name}`);
      await w.go("form[action$='/moeder'] button[type=submit]");
      expect(await mainText(page)).toContain("Godkendelse af dagsorden");
      const meetingPath = new URL(page.url()).pathname;
      mark("created");
      await w.type("#title", "Sammenhængende forløb");
      await w.go("form[action$='/punkter'] button[type=submit]");
      // A closed item with a recommendation the server can propose a follow-up from, and a closed attachment.
      await w.type("#title", "Akutpladser i kommunerne");
      await w.select("#access", "closed");
      await w.go("form[action$='/punkter'] button[type=submit]");
      await w.go("main a:text('Akutpladser i kommunerne')");
      await w.type(
        "#recommendation-0",
        "sekretariatet udarbejder en fordelingsnøgle for akutpladserne senest 1. marts 2027.",
      );
      await w.go("button[name=handling][value=gem]");
      expect(await mainText(page)).toContain("Ændringerne er gemt.");
      w.tick();
      await page.setInputFiles("#file", {
        name: "akutpladser.pdf",
        mimeType: "application/pdf",
        buffer: PDF,
      });
      await w.type("#attTitle", CLOSED_ATTACHMENT);
      await w.go("form[action$='/bilag'] button[type=submit]");
      expect(await mainText(page)).toContain("Bilaget er uploadet.");
      mark("closed item and attachment");
      await w.go("main a:text('Tilbage til dagsordenen')");
      await w.confirmed(
        "form input[value=agenda_published] ~ input[name=version] ~ button",
        "Offentliggør dagsordenen?",
        async () => {
          expect(await axeViolations(page)).toEqual([]);
          await shot("0-confirm-dialog");
        },
      );
      expect(await mainText(page)).toContain("Dagsordenen er offentliggjort.");
      // The heading no longer says the agenda is being prepared.
      expect(await mainText(page)).not.toContain("Dagsorden under udarbejdelse");
      mark("published");

      // A supplementary agenda: one more item, a note, a second step.
      await w.type("#title", "Vinterberedskab");
      await w.go("form[action$='/punkter'] button[type=submit]");
      await w.type("#supplement-note", "Vinterberedskabet er kommet på efter aftale med formanden.");
      await w.confirmed(
        "form[action$='/tillaegsdagsorden'] button[type=submit]",
        "Bemærkningen ses kun af forummets medlemmer",
      );
      const main = (await mainText(page)) ?? "";
      expect(main).toContain("Tillægsdagsordenen er offentliggjort");
      expect(main).toMatch(/Punkt \d+ tilføjet/);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator("#agenda-changes-h").scrollIntoViewIfNeeded();
      await shot("1-agenda-supplement");
      mark("supplement");

      // Moving the meeting: a day later, at ten.
      await w.go("main a[href$='/ret']");
      await w.retype("#date", day(1));
      await w.retype("#time", "10:00");
      await w.go("form[action$='/ret'] button[type=submit]");
      expect(await mainText(page)).toMatch(
        /Ændringerne er gemt[\s\S]*kl\. 10:00|kl\. 10:00[\s\S]*Ændringerne er gemt/,
      );
      mark("moved");

      // Holding the meeting: one apology, everyone else present, and a substitute for the absent member.
      await w.go("nav.tv-steps a[href$='/moedet']");
      // One apology first, then "alle andre til stede" saves the rest as present in the same step.
      const absentee = await page.$eval(
        "form[action$='/fremmoede'] tr:has-text('Medlem ·') select",
        (el) => ({
          id: el.id,
          personId: el.id.replace("st-", ""),
        }),
      );
      await w.select(`#${absentee.id}`, "afbud");
      await w.go("form[action$='/fremmoede'] button[name=alle][value=present]");
      expect(await mainText(page)).toContain("Fremmødet er gemt.");
      expect(await page.$eval(`#${absentee.id}`, (el) => (el as HTMLSelectElement).value)).toBe("afbud");
      const substitute = await page.$eval(
        "#extra-person",
        (el, taken) =>
          [...(el as HTMLSelectElement).options].find((o) => !taken.includes(o.value))?.value ?? "",
        await page.$$eval("form[action$='/fremmoede'] select", (ss) =>
          ss.map((x) => x.id.replace("st-", "")),
        ),
      );
      await w.select("#extra-person", substitute);
      await w.select("#extra-for", absentee.personId);
      await w.go("form[action$='/fremmoede/ekstra'] button[type=submit]");
      expect(await mainText(page)).toMatch(/stedfortræder for/);
      await shot("2-conduct");
      mark("attendance");
      // "Indstillingen godkendt" on the closed item copies its recommendation into the decision.
      const akut = await page.$eval("section:has-text('Akutpladser i kommunerne') form[data-autosave]", (f) =>
        f.getAttribute("action"),
      );
      await w.go(`form[action='${akut}'] button[name=indstilling][value=godkendt]`);
      await w.confirmed(
        "form input[value=minutes_draft] ~ input[name=version] ~ button",
        "Formandskabet får besked",
      );
      expect(await mainText(page)).toContain("Referatet venter på formandens godkendelse.");
      await shot("3-minutes-draft");
      const minutesPath = new URL(page.url()).pathname;
      mark("decided and closed");

      // A follow-up from the server's proposal, and the other case sent on to another body.
      expect(await mainText(page)).toContain("fordelingsnøgle for akutpladserne");
      await w.go("form.tv-proposal button[type=submit]");
      expect(await mainText(page)).toContain("Opfølgningen er oprettet.");
      mark("follow-up");
      const refer = page.locator("details.tv-followups:has(form[action$='/videre'])").first();
      w.tick();
      await refer.locator("summary").click();
      const referSelect = `#${await refer.locator("select").getAttribute("id")}`;
      w.tick(2);
      await page.selectOption(referSelect, { label: target?.name ?? "" });
      await w.type(
        referSelect.replace("-body", "-remarks"),
        "Udvalget anbefaler, at styregruppen tager stilling til finansieringen.",
      );
      w.tick();
      await Promise.all([page.waitForNavigation(), refer.locator("button[type=submit]").click()]);
      expect(await mainText(page)).toContain("Sagen er sendt videre");
      mark("referred");
      // The receiving body's secretariat (here the same office) sees the case waiting.
      await w.menu("nav a[href='/arbejdsrum']");
      await w.go(`main a[href='/arbejdsrum/organer/${target?.id}#sager']`);
      expect(await mainText(page)).toMatch(
        /Sager til næste møde \(\d+\)[\s\S]*Sammenhængende forløb[\s\S]*indstillet fra/,
      );
      mark("receiver sees it");
      expect(await axeViolations(page)).toEqual([]);

      // The chair sends the minutes back with a comment.
      await c.logIn(base, CHAIR);
      await c.menu("nav a[href='/arbejdsrum']");
      await c.go(`main a[href='${minutesPath}']`);
      await c.type("#comment", "Punkt 4 mangler beslutningsteksten for Sammenhængende forløb.");
      await c.go("form[action$='/referat/tilbage'] button[type=submit]");
      expect(await mainText(chairPage)).toContain("Referatet er sendt tilbage");
      mark("chair sent back");
      await chairPage.screenshot({
        path: join(SHOTS, `cycle-${size.name}-4-sent-back.png`),
        fullPage: false,
      });

      // The secretary sees it on her front page, fixes the decision and closes the meeting again.
      await w.menu("nav a[href='/arbejdsrum']");
      expect(await mainText(page)).toContain("sendt tilbage af formandskabet");
      await w.go(`main a[href='${minutesPath.replace("/referat", "/moedet")}']`);
      expect(await mainText(page)).toContain("Punkt 4 mangler beslutningsteksten");
      const forloeb = await page.$eval("section:has-text('Sammenhængende forløb') form[data-autosave]", (f) =>
        f.getAttribute("action"),
      );
      await w.type(
        `form[action='${forloeb}'] textarea[name=decisionText]`,
        "Udvalget drøftede forløbene og sendte sagen videre til styregruppen.",
      );
      await w.select(`form[action='${forloeb}'] select[name=outcome]`, "approved");
      await w.go(`form[action='${forloeb}'] button[type=submit]:not([name])`);
      await w.confirmed(
        "form input[value=minutes_draft] ~ input[name=version] ~ button",
        "Formandskabet får besked",
      );
      mark("secretary fixed");

      // The chair approves.
      await c.menu("nav a[href='/arbejdsrum']");
      await c.go(`main a[href='${minutesPath}']`);
      await c.go("form input[value=minutes_approved] ~ input[name=version] ~ button");
      expect(await mainText(chairPage)).toContain("Referatet er godkendt.");
      mark("chair approved");
      await chairPage.screenshot({
        path: join(SHOTS, `cycle-${size.name}-5-approved-by-chair.png`),
        fullPage: false,
      });

      // The secretary publishes.
      await w.menu("nav a[href='/arbejdsrum']");
      await w.go(`main a[href='${minutesPath}']`);
      await w.confirmed(
        "form input[value=minutes_published] ~ input[name=version] ~ button",
        "Det kan ikke fortrydes.",
      );
      expect(await mainText(page)).toContain("Referatet er offentliggjort.");
      mark("minutes published");

      // The public page of the meeting, read by someone not logged in: the change log, and nothing of the
      // closed item's content.
      const publicContext = await browser.newContext({ locale: "da-DK", viewport: size.viewport });
      const publicPage = await publicContext.newPage();
      await publicPage.goto(`${base}${meetingPath.replace("/arbejdsrum", "")}`);
      const publicText = await mainText(publicPage);
      expect(publicText).toMatch(/Tillægsdagsorden[\s\S]*Punkt \d+ tilføjet/);
      expect(publicText).not.toContain("fordelingsnøgle");
      expect(publicText).not.toContain(CLOSED_ATTACHMENT);
      expect(publicText).toContain("Udvalget drøftede forløbene");
      expect(await axeViolations(publicPage)).toEqual([]);
      await publicPage.locator("#agenda-changes-h").scrollIntoViewIfNeeded();
      await publicPage.screenshot({ path: join(SHOTS, `cycle-${size.name}-6-public.png`), fullPage: false });
      await chairContext.close();
      await publicContext.close();

      figures[size.name] = { ...count, marks };
      expect(apiCalls).toEqual([]);
      expect(errors).toEqual([]);
      // Issue 16 measured ≈ 62 clicks and ≈ 40 loads for a smaller cycle that still needed the API four times.
      // This walk does the whole cycle the issue asks for (closed item and attachment, moving the meeting,
      // an apology with a substitute, a follow-up from a proposal, a referral and the receiving secretariat's
      // view, the chair sending the minutes back and approving them) with two people on two devices, each
      // logged in once. Measured (docs/screenshots/cycle-counts.json, per stage): 74 clicks and 40 loads on a
      // desktop, 80 clicks on a phone, whose menu is one more click each time it is used. The bounds keep it
      // from growing.
      expect(count.clicks + count.loginClicks).toBeLessThanOrEqual(phone ? 80 : 74);
      expect(count.loads + count.loginLoads).toBeLessThanOrEqual(40);
      await context.close();
    });
  }

  it("the chair approves the agenda before publication where the body requires it: setting, request, front page, approve — no /api/, axe clean, both sizes", async () => {
    const rows = await demo.database.db.select().from(bodies);
    const ssu = (rows.find((b) => b.shortName === "SSU") ?? rows[0])?.id as number;
    const apiCalls: string[] = [];
    const failures: string[] = [];
    const person = async (
      viewport: { width: number; height: number },
      [email, password]: readonly [string, string],
    ) => {
      const context = await browser.newContext({ locale: "da-DK", viewport });
      const page = await context.newPage();
      page.on("request", (r) => {
        if (new URL(r.url()).pathname.startsWith("/api/")) {
          apiCalls.push(`${r.method()} ${r.url()}`);
        }
      });
      page.on("response", (r) => {
        if (r.status() >= 400) {
          failures.push(`${r.status()} ${r.url()}`);
        }
      });
      await page.goto(`${demo.url}/log-ind`);
      await page.fill("#email", email);
      await page.fill("#password", password);
      await Promise.all([page.waitForNavigation(), page.click("form:has(#password) button[type=submit]")]);
      return { context, page };
    };
    const go = (page: Page, selector: string) =>
      Promise.all([page.waitForNavigation(), page.click(selector)]);
    for (const [n, size] of SIZES.entries()) {
      const sec = await person(size.viewport, SECRETARY);
      const chair = await person(size.viewport, CHAIR);
      if (n === 0) {
        // Only the chair changes the body's approval settings.
        await chair.page.goto(`${demo.url}/arbejdsrum/organer/${ssu}/godkendelse`);
        expect(await axeViolations(chair.page)).toEqual([]);
        await chair.page.check("#agendaApproval");
        await go(chair.page, "form[action$='/godkendelse'] button[type=submit]");
        expect(await mainText(chair.page)).toContain("Indstillingerne er gemt.");
      }
      await sec.page.goto(`${demo.url}/arbejdsrum/organer/${ssu}`);
      await sec.page.fill("#date", `1${n}.03.2027`);
      await sec.page.fill("#location", "Regionshuset");
      await go(sec.page, "form[action$='/moeder'] button[type=submit]");
      const agendaPath = new URL(sec.page.url()).pathname;
      // Publishing is refused until the chair has approved; the page offers the request instead.
      expect(await sec.page.$("form[action$='/anmod'] button[type=submit]")).not.toBeNull();
      await go(sec.page, "form[action$='/anmod'] button[type=submit]");
      expect(await mainText(sec.page)).toContain("Dagsordenen er sendt til formandskabets godkendelse");
      await chair.page.goto(`${demo.url}/arbejdsrum`);
      expect(await mainText(chair.page)).toContain("Dagsordener til din godkendelse");
      await go(chair.page, `main a[href='${agendaPath}/dagsorden-godkendelse']`);
      expect(await axeViolations(chair.page)).toEqual([]);
      await chair.page.screenshot({ path: join(SHOTS, `agenda-approval-${size.name}.png`), fullPage: false });
      await go(chair.page, "form[action$='/godkend'] button[type=submit]");
      expect(await mainText(chair.page)).toContain("Dagsordenen er godkendt");
      await sec.page.goto(`${demo.url}${agendaPath}`);
      expect(await mainText(sec.page)).toMatch(/Godkendt af [^,]+, /);
      expect(
        await sec.page.$("form input[value=agenda_published] ~ input[name=version] ~ button"),
      ).not.toBeNull();
      await sec.context.close();
      await chair.context.close();
    }
    expect(apiCalls).toEqual([]);
    expect(failures).toEqual([]);
  });
});
