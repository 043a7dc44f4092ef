import { afterAll, beforeAll, expect, it } from "vitest";
import { users } from "../../src/modules/demo/demo.data.users.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";

/**
 * No dead ends: every link the secretary, the chair and a member see in Arbejdsrum — and on the pages
 * those links lead to — answers, for that person, with a page (200) or a redirect to one; never "not
 * found" for a meeting that exists. Files and feeds are followed too (their own checks are elsewhere).
 */
let demo: DemoApp;
beforeAll(async () => {
  demo = await startDemoApp();
}, 300_000);
afterAll(async () => demo?.close());

async function cookieOf(email: string): Promise<string> {
  const user = users.find((u) => u.email === email);
  const res = await demo.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password: user?.password },
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return String(res.headers["set-cookie"]).split(";")[0] as string;
}

function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const href = (m[1] ?? "").replaceAll("&amp;", "&");
    if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/log-ud")) {
      out.push(href.split("#")[0] as string);
    }
  }
  return out;
}

for (const email of ["sekretariat@tvaers.local", "formand@tvaers.local", "medlem@tvaers.local"]) {
  it(`${email}: every link from Arbejdsrum (two clicks deep) leads somewhere`, async () => {
    const cookie = await cookieOf(email);
    const get = async (url: string) => {
      let res = await demo.app.inject({ method: "GET", url, headers: { cookie, accept: "text/html" } });
      for (let hops = 0; hops < 5 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
        const next = String(res.headers.location);
        res = await demo.app.inject({ method: "GET", url: next, headers: { cookie, accept: "text/html" } });
      }
      return res;
    };
    const start = await get("/arbejdsrum");
    expect(start.statusCode).toBe(200);
    // The secretariat's draft lists are the secretariat's: a chair or a member does not see them.
    const secretariat = email.startsWith("sekretariat");
    expect(start.body.includes("Referatudkast")).toBe(secretariat);
    expect(start.body.includes("Dagsordener, der ikke er offentliggjort")).toBe(secretariat);
    const seen = new Set<string>(["/arbejdsrum"]);
    let frontier = linksOf(start.body).filter((l) => l.startsWith("/arbejdsrum"));
    const broken: string[] = [];
    for (let depth = 0; depth < 2; depth++) {
      const next: string[] = [];
      for (const url of frontier) {
        if (seen.has(url) || seen.size > 120) {
          continue;
        }
        seen.add(url);
        const res = await get(url);
        if (res.statusCode >= 400) {
          broken.push(`${url} → ${res.statusCode}`);
          continue;
        }
        if (String(res.headers["content-type"]).startsWith("text/html")) {
          next.push(...linksOf(res.body).filter((l) => l.startsWith("/arbejdsrum")));
        }
      }
      frontier = next;
    }
    expect(broken).toEqual([]);
    expect(seen.size).toBeGreaterThan(3);
  });
}
