import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

/** Every read surface of the API that could carry closed material. */
function surfaces(w: World): string[] {
  const { open, closed } = w.items;
  const a = w.attachments;
  return [
    `/api/v1/meetings/${w.meeting.id}/details`,
    `/api/v1/meetings/${w.meeting.id}/items`,
    `/api/v1/items`,
    `/api/v1/items?meetingId=${w.meeting.id}`,
    `/api/v1/items?bodyId=${w.ssu.id}`,
    `/api/v1/items?caseNumber=EMN-2025-99999`,
    `/api/v1/items?q=Kontrakt`,
    `/api/v1/items?access=closed`,
    `/api/v1/items?outcome=approved`,
    `/api/v1/items/${open.id}`,
    `/api/v1/items/${closed.id}`,
    `/api/v1/items/${open.id}/attachments`,
    `/api/v1/items/${closed.id}/attachments`,
    `/api/v1/items/${closed.id}/absences`,
    `/api/v1/items/${closed.id}/corrections`,
    `/api/v1/attachments/${a.closedOnOpen.id}`,
    `/api/v1/attachments/${a.closedOnOpen.id}/content`,
    `/api/v1/attachments/${a.onClosed.id}`,
    `/api/v1/attachments/${a.onClosed.id}/content`,
    `/api/v1/absences/1`,
  ];
}

describeEachDatabase("Closed is closed (API)", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  for (const who of ["public", "outsider"] as const) {
    it(`${who}: no response carries closed material`, async () => {
      const token = who === "public" ? undefined : w.users.outsider.token;
      let checked = 0;
      for (const url of surfaces(w)) {
        const res = await t().request({ method: "GET", url, token });
        expect(res.body, url).not.toContain(SECRET);
        expect(res.body, url).not.toContain("EMN-2025-99999");
        expect(res.body, url).not.toContain("Fortroligt");
        checked++;
      }
      expect(checked).toBe(20);
    });

    it(`${who}: a closed item keeps only its place; closed attachments answer 404`, async () => {
      const token = who === "public" ? undefined : w.users.outsider.token;
      const item = (
        await t().request({ method: "GET", url: `/api/v1/items/${w.items.closed.id}`, token })
      ).json();
      expect(item).toMatchObject({
        number: 2,
        access: "closed",
        redacted: true,
        title: "Lukket punkt",
        sections: {},
      });
      for (const id of [w.attachments.closedOnOpen.id, w.attachments.onClosed.id]) {
        const meta = await t().request({ method: "GET", url: `/api/v1/attachments/${id}`, token });
        expect(meta.statusCode).toBe(404);
        const content = await t().request({ method: "GET", url: `/api/v1/attachments/${id}/content`, token });
        expect(content.statusCode).toBe(404);
      }
      const open = (
        await t().request({ method: "GET", url: `/api/v1/items/${w.items.open.id}`, token })
      ).json();
      expect(open.attachments.map((x: { title: string }) => x.title)).toEqual(["Åbent bilag"]);
      const found = (
        await t().request({ method: "GET", url: "/api/v1/items?caseNumber=EMN-2025-99999", token })
      ).json();
      expect(found.items).toEqual([]);
    });
  }

  it("member: sees the closed item, its attachments and absences", async () => {
    const token = w.users.member.token;
    const item = (
      await t().request({ method: "GET", url: `/api/v1/items/${w.items.closed.id}`, token })
    ).json();
    expect(item.title).toContain(SECRET);
    expect(item.redacted).toBe(false);
    expect(item.absences).toHaveLength(1);
    const content = await t().request({
      method: "GET",
      url: `/api/v1/attachments/${w.attachments.closedOnOpen.id}/content`,
      token,
    });
    expect(content.statusCode).toBe(200);
    expect(content.body).toContain(SECRET);
    const found = (
      await t().request({ method: "GET", url: "/api/v1/items?caseNumber=EMN-2025-99999", token })
    ).json();
    expect(found.items).toHaveLength(1);
  });

  it("admin: sees everything", async () => {
    const res = await t().request({
      method: "GET",
      url: `/api/v1/meetings/${w.meeting.id}/details`,
      token: w.users.admin.token,
    });
    expect(res.body).toContain(SECRET);
  });

  it("an unpublished agenda is hidden from the public, visible to members", async () => {
    const m = (
      await t().request({
        method: "POST",
        url: "/api/v1/meetings",
        token: w.users.secretary.token,
        payload: { bodyId: w.ssu.id, start: "2099-05-06T10:00" },
      })
    ).json();
    const item = (
      await t().request({
        method: "POST",
        url: `/api/v1/meetings/${m.id}/items`,
        token: w.users.secretary.token,
        payload: { title: "Udkast til sundhedsaftale", sections: { summary: "UDKAST-TEKST" } },
      })
    ).json();
    expect((await t().request({ method: "GET", url: `/api/v1/items/${item.id}` })).statusCode).toBe(404);
    const list = await t().request({ method: "GET", url: `/api/v1/meetings/${m.id}/details` });
    expect(list.body).not.toContain("UDKAST-TEKST");
    expect((await t().request({ method: "GET", url: "/api/v1/items?q=Udkast" })).json().items).toEqual([]);
    const member = await t().request({
      method: "GET",
      url: `/api/v1/items/${item.id}`,
      token: w.users.member.token,
    });
    expect(member.json().sections.summary).toBe("UDKAST-TEKST");
  });

  it("decisions are hidden from the public until the minutes are published", async () => {
    const m = (
      await t().request({
        method: "POST",
        url: "/api/v1/meetings",
        token: w.users.secretary.token,
        payload: { bodyId: w.ssu.id, start: "2025-05-08T10:00" },
      })
    ).json();
    const item = (
      await t().request({
        method: "POST",
        url: `/api/v1/meetings/${m.id}/items`,
        token: w.users.secretary.token,
        payload: { title: "Punkt", decisionText: "FORELØBIG-BESLUTNING", outcome: "approved" },
      })
    ).json();
    let v = m.version;
    for (const to of ["agenda_published", "held", "minutes_draft"]) {
      v = (
        await t().request({
          method: "POST",
          url: `/api/v1/meetings/${m.id}/transition`,
          token: w.users.secretary.token,
          payload: { to, version: v },
        })
      ).json().version;
    }
    const pub = (await t().request({ method: "GET", url: `/api/v1/items/${item.id}` })).json();
    expect(pub.title).toBe("Punkt");
    expect(pub.decisionText).toBeNull();
    expect(
      (await t().request({ method: "GET", url: `/api/v1/items?outcome=approved&meetingId=${m.id}` })).json()
        .items,
    ).toEqual([]);
  });
});
