import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium, logIn } from "./browser.ts";

/**
 * Matters between meetings in Chromium, without JavaScript (issue 21): the secretariat puts a matter to the
 * SSU's chair with a file, the chair decides it from the workspace front page, a member answers a written
 * procedure; at a desk and on a phone, with no request to /api/ and no 404.
 */
describe("Matters in Chromium: secretariat, chair and member", { timeout: 600_000 }, () => {
  let demo: DemoApp;
  let browser: Browser;
  const USERS = {
    secretary: ["sekretariat@tvaers.local", "Dagsorden-Bilag-2026"],
    chair: ["formand@tvaers.local", "Klokke-Ordstyrer-2026"],
    member: ["medlem@tvaers.local", "Referat-Laesning-2026"],
  } as const;
  const seen = { api: [] as string[], missing: [] as string[] };

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
  }, 480_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function as(who: keyof typeof USERS, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith("/api/")) {
        seen.api.push(r.url());
      }
    });
    page.on("response", (r) => {
      if (r.status() === 404) {
        seen.missing.push(r.url());
      }
    });
    await logIn(page, demo.url, USERS[who][0], USERS[who][1]);
    return page;
  }

  it.each([
    ["desk", { width: 1280, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const)("puts, decides and answers at the %s", async (name, viewport) => {
    const title = `Tidsplan for genoptræning (${name})`;
    const secretary = await as("secretary", viewport);
    await secretary.goto(`${demo.url}/arbejdsrum`);
    await Promise.all([
      secretary.waitForURL(/beslutningssager$/),
      secretary.click("a:has-text('Sager mellem møder: Sundhedssamarbejdsudvalget')"),
    ]);
    await secretary.selectOption("#procedure", "chair_decision");
    await secretary.fill("#title", title);
    await secretary.fill("#question", "Det indstilles, at formandskabet godkender tidsplanen.");
    await Promise.all([
      secretary.waitForURL(/gemt=forelagt/),
      secretary.click("form[action$='beslutningssager'] button[type=submit]"),
    ]);
    await secretary.setInputFiles("#file", {
      name: "tidsplan.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Tidsplan\n\nUge 1: opstart\n"),
    });
    await Promise.all([
      secretary.waitForURL(/gemt=bilag/),
      secretary.click("form[action$='/bilag'] button[type=submit]"),
    ]);
    expect(await secretary.textContent("main")).toContain("tidsplan.txt");
    await secretary.context().close();

    const chair = await as("chair", viewport);
    await chair.goto(`${demo.url}/arbejdsrum`);
    await Promise.all([chair.waitForURL(/beslutningssager\/\d+$/), chair.click(`a:has-text('${title}')`)]);
    await chair.selectOption("#decision", "approved_with_remark");
    await chair.fill("#remark", "Tidsplanen følges op på næste møde.");
    await Promise.all([
      chair.waitForURL(/gemt=besluttet/),
      chair.click("form[action$='/beslut'] button[type=submit]"),
    ]);
    expect(await chair.textContent("main")).toContain("Godkendt med bemærkning");
    expect(await chair.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    await chair.context().close();

    const member = await as("member", viewport);
    await member.goto(`${demo.url}/arbejdsrum`);
    // At the desk the member answers for her party (sent per party), on the phone as one of all members.
    const procedure =
      name === "desk" ? "Fælles høringssvar om regionens sundhedsplan" : "Kommissorium for ad hoc-gruppe";
    await Promise.all([
      member.waitForURL(/beslutningssager\/\d+$/),
      member.click(`a:has-text('${procedure}')`),
    ]);
    await member.selectOption("#answer", "approve");
    await Promise.all([
      member.waitForURL(/gemt=svaret/),
      member.click("form[action$='/svar'] button[type=submit]"),
    ]);
    expect(await member.textContent("main")).toContain("Dit svar er gemt.");
    await member.context().close();

    expect(seen.api).toEqual([]);
    expect(seen.missing).toEqual([]);
  });

  it("the matter pages pass axe", async () => {
    const context = await browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    await logIn(page, demo.url, USERS.secretary[0], USERS.secretary[1]);
    await page.goto(`${demo.url}/arbejdsrum`);
    await Promise.all([
      page.waitForURL(/beslutningssager$/),
      page.click("a:has-text('Sager mellem møder: Sundhedssamarbejdsudvalget')"),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(/beslutningssager\/\d+$/),
      page.click("main ul.tv-meetings a >> nth=0"),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
