import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

/** Every portal page type that could show closed material, with the world's ids filled in. */
function pageUrls(w: World): string[] {
  return [
    "/",
    "/organer",
    `/organer/${w.ssu.id}`,
    `/organer/${w.other.id}`,
    `/moeder/${w.meeting.id}`,
    "/kalender?maaned=2025-03",
    `/kalender?maaned=2025-03&organ=${w.ssu.id}`,
    `/personer/${w.people.member.id}`,
    `/personer/${w.people.outsider.id}`,
    "/sitemap.xml",
    "/findes-ikke",
    "/log-ind",
  ];
}

describeEachDatabase("Closed is closed (pages)", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  /** GETs a page as a browser would (HTML wanted), following the readable-URL redirect. */
  async function get(url: string, token?: string) {
    const headers = { accept: "text/html" };
    let res = await t().request({ method: "GET", url, headers, token });
    if (res.statusCode === 301) {
      res = await t().request({ method: "GET", url: String(res.headers.location), headers, token });
    }
    return res;
  }

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  for (const who of ["public", "outsider"] as const) {
    it(`${who}: no page shows closed material; the closed item keeps only "Lukket punkt" and its number`, async () => {
      const token = who === "public" ? undefined : w.users.outsider.token;
      for (const url of pageUrls(w)) {
        const res = await get(url, token);
        expect(res.statusCode, url).toBe(url === "/findes-ikke" ? 404 : 200);
        expect(res.body, url).not.toContain(SECRET);
        expect(res.body, url).not.toContain("EMN-2025-99999");
        expect(res.body, url).not.toContain("Kontraktforhandling");
      }
      const meeting = await get(`/moeder/${w.meeting.id}`, token);
      expect(meeting.body).toContain("2. Lukket punkt");
      expect(meeting.body).toContain("Godkendelse af dagsorden");
      // The open item's closed attachment is not listed; the open one is, with a download link.
      expect(meeting.body).toContain(`/api/v1/attachments/${w.attachments.open.id}/content`);
      expect(meeting.body).not.toContain(`/api/v1/attachments/${w.attachments.closedOnOpen.id}/`);
      expect(meeting.body).not.toContain(`/api/v1/attachments/${w.attachments.onClosed.id}/`);
    });
  }

  it("member: the meeting page shows the closed item in full (the marker is really there)", async () => {
    const res = await get(`/moeder/${w.meeting.id}`, w.users.member.token);
    expect(res.body).toContain(`Kontraktforhandling ${SECRET}`);
    expect(res.body).toContain(`Beslutning ${SECRET}`);
    expect(res.body).toContain("EMN-2025-99999");
  });

  it("a secretary of another body: the workspace shows nothing of this body (its pages answer 404)", async () => {
    const token = w.users.outsider.token;
    const m = w.meeting.id;
    const hidden = [
      `/arbejdsrum/organer/${w.ssu.id}`,
      `/arbejdsrum/moeder/${m}`,
      `/arbejdsrum/moeder/${m}/punkter/${w.items.closed.id}`,
      `/arbejdsrum/moeder/${m}/moedet`,
      `/arbejdsrum/moeder/${m}/referat`,
    ];
    for (const url of hidden) {
      const res = await get(url, token);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain(SECRET);
      expect(res.body, url).not.toContain("EMN-2025-99999");
    }
    for (const url of ["/arbejdsrum", `/arbejdsrum/organer/${w.other.id}`, "/arbejdsrum/import"]) {
      const res = await get(url, token);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(SECRET);
      expect(res.body, url).not.toContain("Kontraktforhandling");
    }
    // The public is sent to the log-in page.
    expect((await get(`/arbejdsrum/moeder/${m}`)).statusCode).toBe(303);
  });

  it("member of the body: the workspace minutes show the closed item (the marker is really there)", async () => {
    const res = await get(`/arbejdsrum/moeder/${w.meeting.id}/referat`, w.users.member.token);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Kontraktforhandling ${SECRET}`);
  });
});
