import { beforeAll, expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ICS = "text/calendar";
const ATOM = "application/atom+xml";
const TYPE_OF: Record<string, string> = { pdf: PDF, docx: DOCX, ics: ICS, atom: ATOM };

describeEachDatabase("Links, settings and saved-search pages", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  async function get(url: string, token?: string) {
    const headers = { accept: "text/html" };
    let res = await t().request({ method: "GET", url, headers, token });
    if (res.statusCode === 301) {
      res = await t().request({ method: "GET", url: String(res.headers.location), headers, token });
    }
    return res;
  }
  const formPost = (url: string, fields: Record<string, string>, token: string) =>
    t().request({
      method: "POST",
      url,
      token,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(fields).toString(),
    });
  /** The page's links to files (by their extension), each fetched: 200 and the right content type. */
  async function checkFileLinks(html: string, token?: string): Promise<string[]> {
    const hrefs = [...html.matchAll(/href="([^"]+\.(pdf|docx|ics|atom)(?:\?[^"]*)?)"/g)].map((m) =>
      (m[1] as string).replaceAll("&amp;", "&"),
    );
    for (const href of hrefs) {
      const ext = /\.(pdf|docx|ics|atom)(?:\?|$)/.exec(href)?.[1] as string;
      const res = await t().request({ method: "GET", url: href, token });
      expect(res.statusCode, href).toBe(200);
      expect(String(res.headers["content-type"]), href).toContain(TYPE_OF[ext]);
    }
    return hrefs;
  }

  // The world is arranged once; on a busy machine that may take more than the default minute.
  beforeAll(async () => {
    w = await seedWorld(t().system);
  }, 180_000);

  it("the meeting page links the public documents for the public and the full ones for members", async () => {
    const pub = await get(`/moeder/${w.meeting.id}`);
    expect(pub.statusCode).toBe(200);
    const publicLinks = await checkFileLinks(pub.body);
    expect(publicLinks.filter((h) => h.includes("edition=public"))).toHaveLength(4);
    expect(publicLinks.some((h) => h.includes("edition=full"))).toBe(false);
    expect(publicLinks.some((h) => h.endsWith("/kalender.ics"))).toBe(true);
    expect(pub.body).toContain("offentlig udgave");
    const member = await get(`/moeder/${w.meeting.id}`, w.users.member.token);
    const memberLinks = await checkFileLinks(member.body, w.users.member.token);
    expect(memberLinks.filter((h) => h.includes("edition=full"))).toHaveLength(4);
    expect(member.body).toContain("fuld udgave med lukkede punkter");
    // The public edition of the minutes holds no closed words.
    const minutes = await t().request({
      method: "GET",
      url: `/moeder/${w.meeting.id}/referat.docx?edition=public`,
    });
    expect(minutes.rawPayload.toString("latin1")).not.toContain(SECRET);
  });

  it("the body page links its calendar, meeting plans and feed, and declares them", async () => {
    const res = await get(`/organer/${w.ssu.id}`);
    expect(res.statusCode).toBe(200);
    const links = await checkFileLinks(res.body);
    expect(links).toContain(`/organer/${w.ssu.id}/kalender.ics`);
    expect(links).toContain(`/organer/${w.ssu.id}/nyt.atom`);
    expect(links.some((h) => /\/moedeplan\/\d{4}\.pdf$/.test(h))).toBe(true);
    expect(links.some((h) => /\/moedeplan\/\d{4}\.ics$/.test(h))).toBe(true);
    expect(res.body).toContain(
      `<link rel="alternate" type="application/atom+xml" href="/organer/${w.ssu.id}/nyt.atom"`,
    );
    expect(res.body).toContain(`action="/organer/${w.ssu.id}/abonnement"`);
  });

  it("the calendar and front pages link and declare the whole calendar and feed", async () => {
    for (const url of ["/kalender?maaned=2025-03", "/"]) {
      const res = await get(url);
      expect(res.body).toContain('<link rel="alternate" type="text/calendar" href="/kalender.ics"');
      expect(res.body).toContain('<link rel="alternate" type="application/atom+xml" href="/nyt.atom"');
    }
    const links = await checkFileLinks((await get("/kalender?maaned=2025-03")).body);
    expect(links).toEqual(expect.arrayContaining(["/kalender.ics", "/nyt.atom"]));
  });

  it("calendars carry this installation's UIDs and keep a deleted meeting as cancelled", async () => {
    const m = (
      await t().request({
        method: "POST",
        url: "/api/v1/meetings",
        token: w.users.secretary.token,
        payload: { bodyId: w.ssu.id, start: "2031-05-06T10:00" },
      })
    ).json();
    const before = (await t().request({ method: "GET", url: `/organer/${w.ssu.id}/kalender.ics` })).body;
    const uid = new RegExp(`UID:moede-${m.id}@[0-9a-f-]{36}\\.tvaers`);
    expect(before).toMatch(uid);
    const del = await t().request({
      method: "DELETE",
      url: `/api/v1/meetings/${m.id}?version=${m.version}`,
      token: w.users.secretary.token,
    });
    expect(del.statusCode, del.body).toBe(204);
    const after = (await t().request({ method: "GET", url: `/organer/${w.ssu.id}/kalender.ics` })).body;
    const event = after.split("BEGIN:VEVENT").find((e) => uid.test(e)) ?? "";
    expect(event).toContain("STATUS:CANCELLED");
    expect(event).toContain(`SEQUENCE:${m.version}`);
  });

  it("Mine notifikationer: login first, modes per body, language, a renewable calendar address", async () => {
    const anon = await get("/mine-notifikationer");
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain("/log-ind?next=");
    const page = await get("/mine-notifikationer", w.users.member.token);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Sundhedssamarbejdsudvalget");
    expect(page.body).toContain(`name="${w.ssu.id}:minutes"`);
    const saved = await formPost(
      "/mine-notifikationer",
      { [`${w.ssu.id}:minutes`]: "off", locale: "en" },
      w.users.member.token,
    );
    expect(saved.statusCode).toBe(303);
    const english = await get(String(saved.headers.location), w.users.member.token);
    expect(english.body).toContain("My notifications");
    expect(english.body).toMatch(/<option value="off" selected/);
    await formPost("/mine-notifikationer", { locale: "da" }, w.users.member.token);
    const coming = await t().request({
      method: "POST",
      url: "/api/v1/meetings",
      token: w.users.secretary.token,
      payload: { bodyId: w.ssu.id, start: "2031-09-09T10:00" },
    });
    const made = await formPost("/mine-notifikationer/kalender", {}, w.users.member.token);
    const url = /\/mine-moeder\/[A-Za-z0-9_-]+\.ics/.exec(made.body)?.[0] as string;
    const cal = await t().request({ method: "GET", url });
    expect(cal.statusCode).toBe(200);
    expect(String(cal.headers["content-type"])).toContain(ICS);
    expect(cal.body).toContain(`UID:moede-${coming.json().id}@`);
    expect(cal.body).toContain("Sundhedssamarbejdsudvalget");
    await formPost("/mine-notifikationer/kalender", {}, w.users.member.token);
    expect((await t().request({ method: "GET", url })).statusCode).toBe(404);
  });

  it("the outbox page is the admin's", async () => {
    expect((await get("/admin/udsendelser", w.users.admin.token)).body).toContain("Udgående mails");
    expect((await get("/admin/udsendelser", w.users.member.token)).statusCode).toBe(403);
  });

  it("Gem søgning og få besked: a form for users, a login link for the public, a list with delete", async () => {
    const pub = await get("/soeg?q=dagsorden");
    expect(pub.body).toContain("Log ind for at gemme søgningen");
    expect(pub.body).toContain(
      '<link rel="alternate" type="application/atom+xml" href="/soeg/feed.atom?q=dagsorden"',
    );
    const member = await get("/soeg?q=dagsorden", w.users.member.token);
    expect(member.body).toContain('action="/soeg/gem"');
    const saved = await formPost(
      "/soeg/gem",
      { name: "Dagsordener", q: "dagsorden", bodyId: String(w.ssu.id) },
      w.users.member.token,
    );
    expect(saved.statusCode, saved.body).toBe(303);
    const list = await get(String(saved.headers.location), w.users.member.token);
    expect(list.body).toContain("Søgningen er gemt");
    expect(list.body).toContain("Dagsordener");
    expect(list.body).toContain(`bodyId=${w.ssu.id}`);
    const api = (
      await t().request({ method: "GET", url: "/api/v1/saved-searches", token: w.users.member.token })
    ).json();
    expect(api.items).toHaveLength(1);
    expect(api.items[0].filters).toEqual({ bodyId: w.ssu.id });
    // Another user's list does not show it, nor can they delete it.
    expect((await get("/soeg/gemte", w.users.chair.token)).body).not.toContain("Dagsordener");
    const foreign = await formPost("/soeg/gemte/slet", { id: String(api.items[0].id) }, w.users.chair.token);
    expect(foreign.statusCode).toBe(404);
    const deleted = await formPost(
      "/soeg/gemte/slet",
      { id: String(api.items[0].id), version: String(api.items[0].version) },
      w.users.member.token,
    );
    expect(deleted.statusCode).toBe(303);
    expect((await get("/soeg/gemte", w.users.member.token)).body).toContain("Du har ingen gemte søgninger");
  });
});
