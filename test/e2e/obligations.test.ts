import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/auth/auth.service.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { bodies } from "../../src/modules/bodies/index.ts";
import { obligations } from "../../src/modules/obligations/index.ts";
import { persons } from "../../src/modules/people/index.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";
import { axeViolations, launchChromium, logIn } from "./browser.ts";

/**
 * An addressee's secretary answers the demo's fanned-out obligation in Chromium with JavaScript off
 * (issue 22.1): the body's obligations page, the obligation, the answer form, the roll-up after it.
 */
describe("Obligations in Chromium: a cluster's secretary answers", { timeout: 300_000 }, () => {
  let demo: DemoApp;
  let browser: Browser;
  const EMAIL = "klyngesekretaer@tvaers.local";
  const PASSWORD = "Klynge-Svar-Plan-2026";

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemoApp({ listen: true }), launchChromium()]);
    const [hald] = (await demo.database.db.select().from(persons)).filter(
      (p) => p.name === "Jonas Kirkegaard Hald",
    );
    await createUser(
      { db: demo.database.db, actor: SYSTEM_ACTOR },
      { email: EMAIL, name: "Jonas Kirkegaard Hald", password: PASSWORD, personId: hald?.id ?? null },
    );
  }, 480_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it("finds the late obligation in the workspace and answers it with a link and a file, without JavaScript", async () => {
    const db = demo.database.db;
    const pnSyd = (await db.select().from(bodies)).find(
      (b) => b.kind === "cluster_political" && b.cluster === "Sundhedsklynge Syd",
    );
    const [demoObligation] = await db.select().from(obligations);
    expect(pnSyd && demoObligation).toBeTruthy();
    // axe needs script: the two page types are checked in an ordinary context first.
    const checked = await browser.newContext({ locale: "da-DK" });
    const axePage = await checked.newPage();
    await logIn(axePage, demo.url, EMAIL, PASSWORD);
    await axePage.goto(`${demo.url}/arbejdsrum/organer/${pnSyd?.id}/forpligtelser`);
    expect(await axeViolations(axePage)).toEqual([]);
    await axePage.goto(`${demo.url}/arbejdsrum/forpligtelser/${demoObligation?.id}`);
    expect(await axeViolations(axePage)).toEqual([]);
    await axePage.goto(`${demo.url}/arbejdsrum/forpligtelser/${demoObligation?.id}/side-om-side`);
    expect(await axeViolations(axePage)).toEqual([]);
    await axePage.goto(`${demo.url}/arbejdsrum/forpligtelser`);
    expect(await axeViolations(axePage)).toEqual([]);
    await checked.close();

    const context = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, demo.url, EMAIL, PASSWORD);
    await page.goto(`${demo.url}/arbejdsrum/organer/${pnSyd?.id}/forpligtelser`);
    expect(await page.textContent("main")).toContain("For sent");
    await Promise.all([
      page.waitForURL(`${demo.url}/arbejdsrum/forpligtelser/${demoObligation?.id}`),
      page.click(`main a[href="/arbejdsrum/forpligtelser/${demoObligation?.id}"]`),
    ]);
    const form = `form:has(input[name="bodyId"][value="${pnSyd?.id}"])`;
    await page.check(`${form} input[name="state"][value="done"]`);
    await page.fill(
      `${form} textarea[name="answerText"]`,
      "Planen er vedtaget af klyngens politiske niveau.",
    );
    await page.fill(`${form} input[name="link"]`, "https://example.org/plan-syd.pdf");
    // Done with a file too: the multipart form works without script.
    await page.setInputFiles(`${form} input[type="file"]`, {
      name: "Plan Klynge Syd.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Implementeringsplan for Sundhedsklynge Syd"),
    });
    await Promise.all([page.waitForURL(/gemt=svar/), page.click(`${form} button[type=submit]`)]);
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("Svaret er gemt.");
    expect(main).toContain("Planen er vedtaget af klyngens politiske niveau.");
    expect(main).toContain("Plan Klynge Syd.txt");
    await context.close();
  });
});
