import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

/**
 * Each member's role in the body and the party they represent beside the name (issue 16.5): holding the
 * meeting in the workspace, the public meeting page's attendance and the public body page's members.
 */
describeEachDatabase("Attendance list with role and party", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let meetingId = 0;

  it("arranges a meeting", async () => {
    w = await seedWorld(t().system);
    const res = await t().request({
      method: "POST",
      url: "/api/v1/meetings",
      token: w.users.secretary.token,
      payload: { bodyId: w.ssu.id, start: "2026-02-03T09:00" },
    });
    meetingId = res.json().id;
    const api = (url: string, payload: object) =>
      t().request({ method: "POST", url, token: w.users.secretary.token, payload });
    await api(`/api/v1/meetings/${meetingId}/items`, { title: "Budget" });
    const published = await api(`/api/v1/meetings/${meetingId}/transition`, {
      to: "agenda_published",
      version: res.json().version,
    });
    expect(published.statusCode).toBe(200);
  });

  it("shows 'Formand · Region Testkyst' and 'Medlem · Region Testkyst' beside the names, in English 'Chair'", async () => {
    const get = (lang: string) =>
      t().request({
        method: "GET",
        url: `/arbejdsrum/moeder/${meetingId}/moedet`,
        token: w.users.secretary.token,
        headers: { accept: "text/html", "accept-language": lang },
      });
    const da = await get("da");
    expect(da.statusCode).toBe(200);
    expect(da.body).toMatch(
      /Frede Formand<\/label><span class="tv-meta tv-block">Formand · Region Testkyst</,
    );
    expect(da.body).toMatch(/Mette Medlem<\/label><span class="tv-meta tv-block">Medlem · Region Testkyst</);
    const en = await get("en");
    expect(en.body).toMatch(/Frede Formand<\/label><span class="tv-meta tv-block">Chair · Region Testkyst</);
  });

  it("shows role and party beside each person on the meeting page's attendance, in English too", async () => {
    const attend = (personId: number, status: string) =>
      t().request({
        method: "POST",
        url: `/api/v1/meetings/${meetingId}/attendance`,
        token: w.users.secretary.token,
        payload: { personId, status },
      });
    expect((await attend(w.people.chair.id, "present")).statusCode).toBe(201);
    expect((await attend(w.people.member.id, "afbud")).statusCode).toBe(201);
    const page = async (lang: string) => {
      const first = await t().request({
        method: "GET",
        url: `/moeder/${meetingId}`,
        // The public sees attendance with the published minutes; the secretariat sees it at once.
        token: w.users.secretary.token,
        headers: { accept: "text/html", "accept-language": lang },
      });
      const res =
        first.statusCode === 301
          ? await t().request({
              method: "GET",
              url: String(first.headers.location),
              token: w.users.secretary.token,
              headers: { accept: "text/html", "accept-language": lang },
            })
          : first;
      expect(res.statusCode).toBe(200);
      return res.body.slice(res.body.indexOf('id="attendance-h"'));
    };
    const da = await page("da");
    expect(da).toMatch(/Frede Formand<\/a><span class="tv-meta tv-block">Formand · Region Testkyst<\/span>/);
    expect(da).toMatch(/Mette Medlem<\/a><span class="tv-meta tv-block">Medlem · Region Testkyst<\/span>/);
    const en = await page("en");
    expect(en).toMatch(/Frede Formand<\/a><span class="tv-meta tv-block">Chair · Region Testkyst<\/span>/);
    expect(en).not.toContain("Formand ·");
  });

  it("shows role and party beside each member on the public body page, one line per person", async () => {
    const get = async (url: string, lang: string): Promise<string> => {
      const res = await t().request({
        method: "GET",
        url,
        headers: { accept: "text/html", "accept-language": lang },
      });
      return res.statusCode === 301 ? get(String(res.headers.location), lang) : res.body;
    };
    const da = await get(`/organer/${w.ssu.id}`, "da");
    const members = da.slice(da.indexOf('id="members-h"'));
    expect(members).toMatch(
      /Frede Formand<\/a><\/td><td data-title="Rolle">Formand<\/td><td data-title="Part">Region Testkyst<\/td>/,
    );
    expect(members).toMatch(
      /Mette Medlem<\/a><\/td><td data-title="Rolle">Medlem<\/td><td data-title="Part">Region Testkyst</,
    );
    expect(members.indexOf("Frede Formand")).toBeLessThan(members.indexOf("Mette Medlem"));
    const en = await get(`/organer/${w.ssu.id}`, "en");
    expect(en).toMatch(
      /Frede Formand<\/a><\/td><td data-title="Role">Chair<\/td><td data-title="Party">Region Testkyst</,
    );
  });
});
