import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

/**
 * Issue 18.5: a consultation's note is read next to its item, so it follows the item's visibility —
 * the audit's two requests, logged out, must not show the note of a consultation on a closed item.
 */
describeEachDatabase("Consultation notes follow their item", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let caseId = 0;
  let closedId = 0;
  let openId = 0;

  it("arranges a case with a note on an open and on a closed item", { timeout: 120_000 }, async () => {
    w = await seedWorld(t().system);
    const call = async (url: string, payload: object) => {
      const res = await t().request({ method: "POST", url, token: w.users.secretary.token, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    caseId = (await call("/api/v1/cases", { title: "Sag om udskrivning", decidingBodyId: w.ssu.id })).id;
    openId = (
      await call(`/api/v1/cases/${caseId}/consultations`, { itemId: w.items.open.id, note: "Åbent notat" })
    ).id;
    closedId = (
      await call(`/api/v1/cases/${caseId}/consultations`, {
        itemId: w.items.closed.id,
        note: `Notat om forhandlingen ${SECRET}`,
      })
    ).id;
  });

  it("hides the closed item's note from the public and another body's secretary", async () => {
    for (const token of [undefined, w.users.outsider.token]) {
      const one = await t().request({ method: "GET", url: `/api/v1/consultations/${closedId}`, token });
      const list = await t().request({ method: "GET", url: `/api/v1/cases/${caseId}/consultations`, token });
      expect(one.statusCode).toBe(200);
      expect(one.json().note).toBeNull();
      expect(one.body).not.toContain(SECRET);
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(SECRET);
      const open = await t().request({ method: "GET", url: `/api/v1/consultations/${openId}`, token });
      expect(open.json().note).toBe("Åbent notat");
    }
  });

  it("shows it to the body's members", async () => {
    const one = await t().request({
      method: "GET",
      url: `/api/v1/consultations/${closedId}`,
      token: w.users.member.token,
    });
    expect(one.json().note).toBe(`Notat om forhandlingen ${SECRET}`);
  });
});
