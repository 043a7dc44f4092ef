import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { snapshot } from "../helpers/snapshot.ts";

describeEachDatabase("API: meeting rules", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const as = (who: keyof World["users"]) => w.users[who].token;

  async function newMeeting(start: string) {
    const m = await t().request({
      method: "POST",
      url: "/api/v1/meetings",
      token: as("secretary"),
      payload: { bodyId: w.ssu.id, start, location: "Regionshuset" },
    });
    expect(m.statusCode).toBe(201);
    return m.json() as { id: number; version: number };
  }
  const transition = (id: number, to: string, version: number, who: keyof World["users"] = "secretary") =>
    t().request({
      method: "POST",
      url: `/api/v1/meetings/${id}/transition`,
      token: as(who),
      payload: { to, version },
    });

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("walks a meeting from planned to published minutes, with the chair approving", async () => {
    const m = await newMeeting("2025-09-04T10:00");
    expect((await transition(m.id, "agenda_published", m.version)).json().error.code).toBe(
      "invalid_transition",
    );
    await t().request({
      method: "POST",
      url: `/api/v1/meetings/${m.id}/items`,
      token: as("secretary"),
      payload: { title: "Godkendelse af dagsorden" },
    });
    let v = m.version;
    for (const to of ["agenda_published", "held", "minutes_draft"]) {
      const r = await transition(m.id, to, v);
      expect(r.statusCode, to).toBe(200);
      v = r.json().version;
    }
    const bySecretary = await transition(m.id, "minutes_approved", v);
    expect(bySecretary.statusCode).toBe(403);
    const byChair = await transition(m.id, "minutes_approved", v, "chair");
    expect(byChair.statusCode).toBe(200);
    expect(byChair.json().status).toBe("minutes_approved");
  });

  it("refuses approving minutes before the meeting is held, and holding a future meeting", async () => {
    const m = await newMeeting("2099-01-08T10:00");
    await t().request({
      method: "POST",
      url: `/api/v1/meetings/${m.id}/items`,
      token: as("secretary"),
      payload: { title: "Punkt" },
    });
    const before = await snapshot(t().database);
    const approve = await transition(m.id, "minutes_approved", m.version, "chair");
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.code).toBe("invalid_transition");
    const published = (await transition(m.id, "agenda_published", m.version)).json();
    const held = await transition(m.id, "held", published.version);
    expect(held.json().error.message).toMatch(/før det er begyndt/);
    const back = await transition(m.id, "planned", published.version);
    expect(back.statusCode).toBe(200);
    expect(before).not.toBe(await snapshot(t().database));
  });

  it("locks approved minutes; a correction with a reason changes them and is kept", async () => {
    const itemId = w.items.open.id;
    const item = (
      await t().request({ method: "GET", url: `/api/v1/items/${itemId}`, token: as("secretary") })
    ).json();
    const before = await snapshot(t().database);
    const edit = await t().request({
      method: "PATCH",
      url: `/api/v1/items/${itemId}`,
      token: as("secretary"),
      payload: { version: item.version, decisionText: "Ændret" },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe("minutes_locked");
    const newItem = await t().request({
      method: "POST",
      url: `/api/v1/meetings/${w.meeting.id}/items`,
      token: as("secretary"),
      payload: { title: "Sent punkt" },
    });
    expect(newItem.json().error.code).toBe("minutes_locked");
    const noReason = await t().request({
      method: "POST",
      url: `/api/v1/items/${itemId}/corrections`,
      token: as("secretary"),
      payload: { version: item.version, reason: "", changes: { decisionText: "Godkendt med bemærkning." } },
    });
    expect(noReason.statusCode).toBe(400);
    expect(await snapshot(t().database)).toBe(before);
    const corrected = await t().request({
      method: "POST",
      url: `/api/v1/items/${itemId}/corrections`,
      token: as("secretary"),
      payload: {
        version: item.version,
        reason: "Skrivefejl i beslutningen",
        changes: { decisionText: "Godkendt med bemærkning.", outcome: "approved_with_remarks" },
      },
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({
      decisionText: "Godkendt med bemærkning.",
      outcome: "approved_with_remarks",
    });
    const log = (await t().request({ method: "GET", url: `/api/v1/items/${itemId}/corrections` })).json();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      reason: "Skrivefejl i beslutningen",
      before: { decisionText: "Godkendt." },
    });
  });

  it("cancels a coming meeting with a reason, and then refuses transitions", async () => {
    const m = await newMeeting("2099-02-05T10:00");
    const cancelled = await t().request({
      method: "POST",
      url: `/api/v1/meetings/${m.id}/cancel`,
      token: as("secretary"),
      payload: { version: m.version, reason: "For få sager" },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ cancelled: true, cancelReason: "For få sager" });
    const r = await transition(m.id, "agenda_published", cancelled.json().version);
    expect(r.json().error.message).toMatch(/aflyst/);
  });

  it("refuses a reorder that does not name every item exactly once", async () => {
    const m = await newMeeting("2026-09-03T10:00");
    const ids: number[] = [];
    for (const title of ["A", "B"]) {
      ids.push(
        (
          await t().request({
            method: "POST",
            url: `/api/v1/meetings/${m.id}/items`,
            token: as("secretary"),
            payload: { title },
          })
        ).json().id,
      );
    }
    const before = await snapshot(t().database);
    const r = await t().request({
      method: "POST",
      url: `/api/v1/meetings/${m.id}/items/reorder`,
      token: as("secretary"),
      payload: { itemIds: [ids[1], ids[1]] },
    });
    expect(r.statusCode).toBe(409);
    expect(await snapshot(t().database)).toBe(before);
  });
});
