import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  agendaItems,
  createItem,
  createMeeting,
  transitionMeeting,
} from "../../src/modules/meetings/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const MARKER = "OFFENTLIG-MARKOER-5512";
const CSRF_FIELD = /name="_csrf" value="([^"]+)"/;

describeEachDatabase("Kept pages for readers without a login", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let meetingUrl = "";
  let itemId = 0;

  async function get(url: string, opts: { token?: string; headers?: Record<string, string> } = {}) {
    const headers = { accept: "text/html", ...opts.headers };
    let res = await t().request({ method: "GET", url, headers, token: opts.token });
    if (res.statusCode === 301) {
      res = await t().request({
        method: "GET",
        url: String(res.headers.location),
        headers,
        token: opts.token,
      });
    }
    return res;
  }

  it("arranges a world with a coming meeting whose agenda is public", async () => {
    w = await seedWorld(t().system);
    const meeting = await createMeeting(t().system, {
      bodyId: w.ssu.id,
      start: new Date("2030-05-02T08:00:00Z"),
      location: "Regionshuset",
    });
    const item = await createItem(t().system, {
      meetingId: meeting.id,
      title: `Status på indsatser ${MARKER}`,
    });
    itemId = item.id;
    await transitionMeeting(t().system, meeting.id, { to: "agenda_published", version: meeting.version });
    const first = await t().request({
      method: "GET",
      url: `/moeder/${meeting.id}`,
      headers: { accept: "text/html" },
    });
    meetingUrl = String(first.headers.location ?? `/moeder/${meeting.id}`);
  });

  it("serves the kept page until the next write through Tværs, which shows at once", async () => {
    const first = await get(meetingUrl);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(MARKER);
    // A change straight in the database (no request) does not reach the kept page: it was not rendered again.
    await t()
      .system.db.update(agendaItems)
      .set({ title: `Omdøbt ${MARKER}-2` })
      .where(eq(agendaItems.id, itemId));
    expect((await get(meetingUrl)).body).not.toContain(`${MARKER}-2`);
    // Any write through the app (here: a failing one on another item) forgets every kept page.
    await t().request({
      method: "PATCH",
      url: `/api/v1/items/${w.items.open.id}`,
      payload: { version: 999 },
    });
    expect((await get(meetingUrl)).body).toContain(`${MARKER}-2`);
  });

  it("a closed item stays closed: closing an item removes it from the kept page at once", async () => {
    expect((await get(meetingUrl)).body).toContain(MARKER);
    const item = (
      await t().request({ method: "GET", url: `/api/v1/items/${itemId}`, token: w.users.secretary.token })
    ).json();
    const closed = await t().request({
      method: "PATCH",
      url: `/api/v1/items/${itemId}`,
      token: w.users.secretary.token,
      payload: { version: item.version, access: "closed" },
    });
    expect(closed.statusCode).toBe(200);
    const after = await get(meetingUrl);
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain(MARKER);
    expect(after.body).toContain("Lukket punkt");
  });

  it("a logged-in member never gets the public's kept page", async () => {
    const url = `/moeder/${w.meeting.id}`;
    const pub = await get(url);
    expect(pub.body).not.toContain(SECRET);
    expect((await get(url)).body).not.toContain(SECRET);
    const member = await get(url, { token: w.users.member.token });
    expect(member.body).toContain(`Kontraktforhandling ${SECRET}`);
    expect((await get(url, { token: w.users.outsider.token })).body).not.toContain(SECRET);
  });

  it("each browser gets its own CSRF token in a kept page's forms", async () => {
    const tokenA = "a".repeat(32);
    const tokenB = "b".repeat(32);
    const a = await get("/log-ind", { headers: { cookie: `tvaers_csrf=${tokenA}` } });
    const b = await get("/log-ind", { headers: { cookie: `tvaers_csrf=${tokenB}` } });
    expect(a.body.match(CSRF_FIELD)?.[1]).toBe(tokenA);
    expect(b.body.match(CSRF_FIELD)?.[1]).toBe(tokenB);
    expect(b.body).not.toContain(tokenA);
    const fresh = await get("/log-ind");
    const cookie = String(fresh.headers["set-cookie"] ?? "");
    const given = fresh.body.match(CSRF_FIELD)?.[1];
    expect(given).toBeTruthy();
    expect(cookie).toContain(`tvaers_csrf=${given}`);
    expect(fresh.body).not.toContain(tokenA);
    expect(fresh.body).not.toContain("__tvaers_csrf_token__");
  });

  it("keeps a page per language", async () => {
    const da = await get("/organer");
    const en = await get("/organer", { headers: { "accept-language": "en" } });
    expect(da.headers["content-language"]).toBe("da");
    expect(en.headers["content-language"]).toBe("en");
    expect(da.body).toContain('lang="da"');
    expect(en.body).toContain('lang="en"');
    expect((await get("/organer")).body).toContain('lang="da"');
  });

  it("readers asking at once after a write all get the same page", async () => {
    await t().request({
      method: "PATCH",
      url: `/api/v1/items/${w.items.open.id}`,
      payload: { version: 999 },
    });
    const answers = await Promise.all(Array.from({ length: 30 }, () => get("/organer")));
    const bodies = new Set(answers.map((r) => r.body.replace(CSRF_FIELD, "")));
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    expect(bodies.size).toBe(1);
  });
});
