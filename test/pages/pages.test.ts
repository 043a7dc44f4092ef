import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

const html = { accept: "text/html" };
const cookieValue = (setCookie: string | string[] | undefined, name: string) =>
  [setCookie ?? []]
    .flat()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0]
    ?.slice(name.length + 1);

describeEachDatabase("Pages", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("redirects other slugs to the readable address and renders the minutes in Danish", async () => {
    const res = await t().request({
      method: "GET",
      url: `/moeder/${w.meeting.id}-noget-andet`,
      headers: html,
    });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/moeder/${w.meeting.id}-ssu-2025-03-06`);
    const page = await t().request({ method: "GET", url: String(res.headers.location), headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.body).toContain('<html lang="da">');
    expect(page.body).toContain("torsdag d. 6. marts 2025 kl. 10:00");
    expect(page.body).toContain("Sagsresumé");
    expect(page.body).toContain("Godkendt");
    expect(page.body).toContain("Tekst, 18 B");
  });

  it("answers /favicon.ico with our icon, and every page links it", async () => {
    const icon = await t().request({ method: "GET", url: "/favicon.ico" });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers["content-type"]).toMatch(/^image\//);
    expect(icon.body).toContain("<svg");
    const page = await t().request({ method: "GET", url: "/", headers: html });
    expect(page.body).toContain('<link rel="icon" href="/favicon.ico"');
    expect(page.body).toContain('<summary class="button button-secondary tv-menu-button">Menu</summary>');
  });

  it("answers unknown pages and bad input with a plain Danish page, the API with JSON", async () => {
    const missing = await t().request({ method: "GET", url: "/moeder/999999", headers: html });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("Mødet findes ikke.");
    const bad = await t().request({ method: "GET", url: "/kalender?maaned=2025-13", headers: html });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Måneden skal skrives som ÅÅÅÅ-MM");
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);
    const api = await t().request({ method: "GET", url: "/api/v1/findesikke" });
    expect(api.json().error.code).toBe("not_found");
  });

  it("stores ?lang= in a cookie, redirects to the clean address and renders English", async () => {
    const res = await t().request({ method: "GET", url: "/organer?lang=en", headers: html });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/organer");
    const lang = cookieValue(res.headers["set-cookie"], "tvaers_lang");
    expect(lang).toBe("en");
    const page = await t().request({
      method: "GET",
      url: "/organer",
      headers: { ...html, cookie: `tvaers_lang=${lang}` },
    });
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain("Bodies");
    const browser = await t().request({
      method: "GET",
      url: "/",
      headers: { ...html, "accept-language": "en-GB,en;q=0.9" },
    });
    expect(browser.body).toContain('<html lang="en">');
  });

  it("logs in through the form with a CSRF token, refuses a form without it, logs out", async () => {
    const form = await t().request({ method: "GET", url: "/log-ind?next=/organer", headers: html });
    const csrf = cookieValue(form.headers["set-cookie"], "tvaers_csrf") as string;
    expect(form.body).toContain(`name="_csrf" value="${csrf}"`);
    const post = (payload: Record<string, string>, cookie = `tvaers_csrf=${csrf}`) =>
      t().request({
        method: "POST",
        url: "/log-ind",
        headers: { ...html, cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams(payload).toString(),
      });
    const login = { email: "medlem@test.dk", password: "korrekt-hest-batteri", next: "/organer" };
    const forged = await post(login, "");
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain("Formularen er udløbet");
    const wrong = await post({ ...login, password: "forkert-forkert", _csrf: csrf });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain("Forkert e-mail eller adgangskode.");
    const empty = await post({ email: "", password: "", _csrf: csrf });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv din e-mailadresse.");
    const ok = await post({ ...login, _csrf: csrf });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe("/organer");
    const session = cookieValue(ok.headers["set-cookie"], "tvaers_session") as string;
    expect(String(ok.headers["set-cookie"])).toContain("SameSite=Lax");
    const cookie = `tvaers_csrf=${csrf}; tvaers_session=${session}`;
    const front = await t().request({ method: "GET", url: "/", headers: { ...html, cookie } });
    expect(front.body).toContain("Logget ind som medlem");
    const offsite = await t().request({
      method: "POST",
      url: "/log-ud",
      headers: {
        cookie,
        origin: "https://ondt.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: `_csrf=${csrfFor(cookie)}`,
    });
    expect(offsite.statusCode).toBe(403);
    const out = await t().request({
      method: "POST",
      url: "/log-ud",
      headers: { ...html, cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${csrfFor(cookie)}`,
    });
    expect(out.statusCode).toBe(303);
    const after = await t().request({ method: "GET", url: "/", headers: { ...html, cookie } });
    expect(after.body).toContain("Log ind");
    expect(after.body).not.toContain("Logget ind som");
  });

  it("keeps the login's way back on this site", async () => {
    const res = await t().request({ method: "GET", url: "/log-ind?next=//ondt.example/x", headers: html });
    expect(res.body).toContain('name="next" value="/"');
  });

  it("lists only public pages in the sitemap, as absolute addresses", async () => {
    const res = await t().request({ method: "GET", url: "/sitemap.xml" });
    expect(res.headers["content-type"]).toContain("application/xml");
    expect(res.body).toContain("<loc>http://localhost:80/organer</loc>");
    expect(res.body).toContain(`/moeder/${w.meeting.id}-ssu-2025-03-06</loc>`);
    expect(res.body).not.toContain("/log-ind");
    expect(res.body).not.toContain("/api/");
  });
});
