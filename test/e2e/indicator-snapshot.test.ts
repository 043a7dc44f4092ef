import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../src/config.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { loadDemoIndicators } from "../../src/modules/indicators/index.ts";
import { createItem, createMeeting, transitionMeeting } from "../../src/modules/meetings/index.ts";
import { loadReference, shippedReferenceData } from "../../src/modules/reference/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { createTestDatabase } from "../helpers/databases.ts";
import { seedWorld } from "../helpers/factories.ts";
import { axeViolations, launchChromium, logIn } from "./browser.ts";

/**
 * Issue 23 item 4 in Chromium with JavaScript switched off: the secretary opens an agenda item in the
 * workspace, picks indicators, an area and a period in the item's "Nøgletal" panel, is told what was
 * wrong when nothing was ticked, puts the snapshot on the item, and reads it as chart and table (axe
 * passes on the panel, with and without its error); once
 * the minutes are published the panel says the figures are frozen and offers no picker.
 */
describe("Indicator snapshot picker in Chromium: works without JavaScript, passes axe", () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let base = "";
  let browser: Browser;
  let itemPath = "";
  let meetingId = 0;
  let version = 0;
  const svc = () => ({ db: app.database.db, actor: SYSTEM_ACTOR });

  beforeAll(async () => {
    const created = await createTestDatabase("pglite");
    drop = created.drop;
    const system = { db: created.database.db, actor: SYSTEM_ACTOR };
    await loadReference(system, shippedReferenceData());
    const w = await seedWorld(system);
    await created.database.db.transaction((tx) => loadDemoIndicators({ db: tx, actor: SYSTEM_ACTOR }));
    const meeting = await createMeeting(system, {
      bodyId: w.ssu.id,
      start: new Date("2026-11-26T09:00:00Z"),
      end: new Date("2026-11-26T11:00:00Z"),
      location: "Regionshuset",
    });
    const item = await createItem(system, { meetingId: meeting.id, title: "Status på nøgletallene" });
    meetingId = meeting.id;
    version = meeting.version;
    itemPath = `/arbejdsrum/moeder/${meeting.id}/punkter/${item.id}`;
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

  it("the secretary puts a snapshot on an item through the form, and reads it as chart and table", async () => {
    const context = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, base, "sekretaer@test.dk", "korrekt-hest-batteri");
    await page.goto(`${base}${itemPath}`);
    const panel = page.locator("#noegletal");
    await expect(panel.locator("h2").textContent()).resolves.toBe("Nøgletal på punktet");
    await expect(panel.textContent()).resolves.toContain("Punktet har ingen indikatorbilleder.");

    // Nothing ticked: refused with a message that names the field, nothing stored.
    await panel.locator("#snapFrom").fill("2022");
    await Promise.all([page.waitForNavigation(), panel.locator("button[type=submit]").click()]);
    await expect(page.locator(".alert-error").textContent()).resolves.toContain("Vælg mindst én indikator.");
    await expect(page.locator("#noegletal").textContent()).resolves.toContain(
      "Punktet har ingen indikatorbilleder.",
    );

    const form = page.locator("#noegletal form");
    const first = form.locator("input[name=indicators]").first();
    const name = await form.locator(`label[for="${await first.getAttribute("id")}"]`).textContent();
    await first.check();
    const vestkyst = await form
      .locator("#snapArea option", { hasText: "Region Vestkyst" })
      .first()
      .getAttribute("value");
    await form.locator("#snapArea").selectOption(vestkyst ?? "");
    await form.locator("#snapFrom").fill("2022");
    await form.locator("#snapTo").fill("2026");
    await Promise.all([page.waitForNavigation(), form.locator("button[type=submit]").click()]);
    expect(new URL(page.url()).pathname).toBe(itemPath);
    await expect(page.locator("body").textContent()).resolves.toContain(
      "Indikatorbilledet er sat på punktet.",
    );
    const link = page.locator("#noegletal ul a");
    await expect(link.textContent()).resolves.toBe(name);
    await expect(page.locator("#noegletal ul").textContent()).resolves.toContain("nyeste tal");

    await Promise.all([page.waitForNavigation(), link.click()]);
    await expect(page.locator("svg.tv-chart title").first().textContent()).resolves.toContain(name ?? "?");
    const rows = await page.locator("table tbody tr").count();
    expect(rows).toBe(5);
    await expect(page.locator("table tbody tr").first().textContent()).resolves.toContain("Region Vestkyst");
    await context.close();
  });

  it("passes axe (WCAG 2.1 A/AA) on the item page with its snapshot panel, also with the picker's error", async () => {
    const context = await browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    await logIn(page, base, "sekretaer@test.dk", "korrekt-hest-batteri");
    await page.goto(`${base}${itemPath}`);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), page.locator("#noegletal button[type=submit]").click()]);
    await expect(page.locator("#noegletal .alert-error").count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("after publication the panel shows the snapshot frozen and no picker", async () => {
    let v = version;
    for (const to of [
      "agenda_published",
      "held",
      "minutes_draft",
      "minutes_approved",
      "minutes_published",
    ] as const) {
      v = (await transitionMeeting(svc(), meetingId, { to, version: v })).version;
    }
    const context = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, base, "sekretaer@test.dk", "korrekt-hest-batteri");
    await page.goto(`${base}${itemPath}`);
    await expect(page.locator("#noegletal ul").textContent()).resolves.toContain("frosset");
    expect(await page.locator("#noegletal form").count()).toBe(0);
    await context.close();
  });
});
