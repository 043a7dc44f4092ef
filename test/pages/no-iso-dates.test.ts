import { afterAll, beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { listFunds } from "../../src/modules/funds/index.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";

/** Links the walk follows: pages, not files, the API or logging out. */
const PAGE_LINK = /href="(\/[^"#?]*)(?:\?[^"]*)?"/g;
const NOT_A_PAGE = /^\/(?:static|api|log-ud)|\.(?:pdf|docx|ics|csv|xlsx|xml|atom|json|zip)$/;

/** Every ISO date a person would read on the page: in the text, or as a visible field's value. */
function isoDatesShown(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(
    /<(?:input|textarea)(?![^>]*type="hidden")[^>]*value="\d{4}-\d{2}-\d{2}[^"]*"[^>]*>/g,
  )) {
    found.push(m[0]);
  }
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]*>/g, " ");
  for (const m of text.matchAll(/.{0,40}\b\d{4}-\d{2}-\d{2}\b.{0,20}/g)) {
    found.push(m[0].replace(/\s+/g, " "));
  }
  return found;
}

/**
 * "No ISO date shown to people anywhere" (issue 16.7): a walk through the demo as an admin (who sees every
 * form and every page) in Danish and in English finds no YYYY-MM-DD in any page's text or visible field;
 * and the grant form reads "11. november 2026".
 */
let demo: DemoApp;
let cookie = "";

beforeAll(async () => {
  demo = await startDemoApp();
  cookie = await pageLogin((o) => demo.app.inject(o), "admin@tvaers.local", "Klit-Fyrtaarn-2026");
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

async function walk(lang: "da" | "en", limit: number) {
  const seen = new Set<string>();
  const queue = ["/", "/arbejdsrum", "/puljer", "/indsatser", "/aftaler", "/organer", "/moeder", "/kalender"];
  const shown: string[] = [];
  let pages = 0;
  while (queue.length > 0 && pages < limit) {
    const url = queue.shift() as string;
    if (seen.has(url)) {
      continue;
    }
    seen.add(url);
    const res = await demo.app.inject({
      method: "GET",
      url,
      headers: { accept: "text/html", cookie, "accept-language": lang },
    });
    if (res.statusCode !== 200 || !String(res.headers["content-type"]).includes("text/html")) {
      continue;
    }
    pages++;
    expect(res.body).toContain(`<html lang="${lang}"`);
    for (const m of res.body.matchAll(PAGE_LINK)) {
      const link = m[1] as string;
      if (!NOT_A_PAGE.test(link) && !seen.has(link)) {
        queue.push(link);
      }
    }
    shown.push(...isoDatesShown(res.body).map((s) => `${url}: ${s}`));
  }
  return { pages, shown };
}

it("shows no ISO date on any page of the demo in Danish", async () => {
  const { pages, shown } = await walk("da", 250);
  expect(pages).toBeGreaterThan(100);
  expect(shown).toEqual([]);
}, 300_000);

it("shows no ISO date on any page of the demo in English", async () => {
  const { pages, shown } = await walk("en", 120);
  expect(pages).toBeGreaterThan(60);
  expect(shown).toEqual([]);
}, 300_000);

it("the walk's check sees an ISO date in a text and in a visible field, not in a hidden one or a link", () => {
  expect(isoDatesShown("<p>Mødet 2026-12-05</p>")).toHaveLength(1);
  expect(isoDatesShown('<input class="form-input" value="2026-12-05">')).toHaveLength(1);
  expect(
    isoDatesShown('<input type="hidden" value="2026-12-05"><a href="/moeder/2026-12-05">5. dec.</a>'),
  ).toEqual([]);
});

it("the grant form reads a Danish date and shows it in Danish", async () => {
  const fund = (await listFunds({ db: demo.database.db, actor: SYSTEM_ACTOR }, {})).items[0];
  expect(fund).toBeDefined();
  const post = (values: Record<string, string>) =>
    demo.app.inject({
      method: "POST",
      url: `/puljer/${fund?.id}/bevillinger`,
      headers: { accept: "text/html", cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: csrfFor(cookie), ...values }).toString(),
    });
  const grant = {
    title: "Demens i hjemmeplejen",
    keyAmount: "100.000,01",
    status: "approved",
    action: "save",
  };
  const bad = await post({ ...grant, approvedOn: "11/13 2026" });
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain("Skriv datoen som dag-måned-år");
  expect(bad.body).toContain('value="11/13 2026"');
  const saved = await post({ ...grant, approvedOn: "11. november 2026" });
  expect(saved.statusCode, saved.body).toBe(303);
  const page = await demo.app.inject({
    method: "GET",
    url: String(saved.headers.location),
    headers: { accept: "text/html", cookie },
  });
  expect(page.body).toContain("Demens i hjemmeplejen (godkendt 11. november 2026)");
});
