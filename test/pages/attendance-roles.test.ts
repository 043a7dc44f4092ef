import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

/** Holding a meeting: each member's role in the body and the party they represent beside the name (issue 16.5). */
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
});
