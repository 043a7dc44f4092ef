import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { createBody } from "../../src/modules/bodies/index.ts";
import {
  agendaItems,
  createItem,
  createMeeting,
  transitionMeeting,
} from "../../src/modules/meetings/index.ts";
import type { Ctx } from "../../src/server/context.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const DAY = 86_400_000;

/** A meeting of a body, moved to the given status (past meetings can be held). */
async function meetingAt(
  system: Ctx,
  bodyId: number,
  start: Date,
  to: "planned" | "minutes_published" | "held",
) {
  const m = await createMeeting(system, { bodyId, start });
  if (to === "planned") {
    return m;
  }
  await createItem(system, { meetingId: m.id, title: "Godkendelse af dagsorden", kind: "standard" });
  let v = m.version;
  const path =
    to === "held"
      ? (["agenda_published", "held"] as const)
      : (["agenda_published", "held", "minutes_draft", "minutes_approved", "minutes_published"] as const);
  for (const step of path) {
    v = (await transitionMeeting(system, m.id, { to: step, version: v })).version;
  }
  return m;
}

describeEachDatabase("Cases: pipeline, timeline, linking", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let sss: { id: number };
  let referred: { id: number };
  let closedSource: { id: number };
  let sssHeld: { id: number };
  const admin = () => w.users.admin.token;

  it("arranges a world with a steering group that recommends to SSU", async () => {
    const { system } = t();
    w = await seedWorld(system);
    sss = await createBody(system, {
      name: "Strategisk Sundhedsstyregruppe",
      shortName: "SSS",
      kind: "administrative_steering_group",
    });
    const past = await createMeeting(system, { bodyId: sss.id, start: new Date(Date.now() - 20 * DAY) });
    referred = await createItem(system, {
      meetingId: past.id,
      title: "Tværsektoriel pulje 2027 – fordeling af midler",
      sections: { summary: "Puljen udgør 19,6 mio. kr.", presentation: "Fem indsatser foreslås." },
      recommendations: [
        "Styregruppen indstiller til Sundhedssamarbejdsudvalget, at puljen fordeles som beskrevet. Sagen afgøres af Sundhedssamarbejdsudvalget.",
      ],
      decisionText: "Indstillingen blev godkendt.",
      outcome: "approved",
      caseNumbers: ["EMN-2026-01234"],
    });
    closedSource = await createItem(system, {
      meetingId: past.id,
      title: `Forhandling ${SECRET}`,
      access: "closed",
      sections: { summary: `Resumé ${SECRET}` },
      recommendations: [`Styregruppen indstiller til SSU, at ${SECRET} godkendes.`],
      decisionText: `Beslutning ${SECRET}`,
      outcome: "approved",
      caseNumbers: ["EMN-2026-77777"],
    });
    let v = past.version;
    for (const to of [
      "agenda_published",
      "held",
      "minutes_draft",
      "minutes_approved",
      "minutes_published",
    ] as const) {
      v = (await transitionMeeting(system, past.id, { to, version: v })).version;
    }
    sssHeld = past;
  });

  it("refers to a body without a planned meeting: a clear Danish error, nothing written", async () => {
    const res = await t().request({
      method: "POST",
      url: `/api/v1/items/${referred.id}/refer`,
      token: admin(),
      payload: {},
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain(
      "Sundhedssamarbejdsudvalget har intet planlagt møde efter i dag",
    );
    const cases = await t().request({ method: "GET", url: "/api/v1/cases", token: admin() });
    expect(cases.json().items).toEqual([]);
    const past = await t().request({
      method: "POST",
      url: `/api/v1/items/${referred.id}/refer`,
      token: admin(),
      payload: { createMeeting: { start: "2020-01-01T10:00" } },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].path).toBe("createMeeting.start");
    const wrongBody = await t().request({
      method: "POST",
      url: `/api/v1/items/${referred.id}/refer`,
      token: admin(),
      payload: { targetBodyId: sss.id },
    });
    expect(wrongBody.statusCode).toBe(400);
  });

  it("refers in one step: a draft item on SSU's next meeting with sections and remarks, linked to one case", async () => {
    const { system } = t();
    const later = await meetingAt(system, w.ssu.id, new Date(Date.now() + 60 * DAY), "planned");
    const next = await meetingAt(system, w.ssu.id, new Date(Date.now() + 30 * DAY), "planned");
    const res = await t().request({
      method: "POST",
      url: `/api/v1/items/${referred.id}/refer`,
      token: admin(),
      payload: { remarksHeading: "Kommunale bemærkninger", remarks: "KKR bakker op om fordelingen." },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ meetingId: next.id, meetingCreated: false });
    expect(body.meetingId).not.toBe(later.id);
    expect(body.case).toMatchObject({
      title: "Tværsektoriel pulje 2027 – fordeling af midler",
      decidingBodyId: w.ssu.id,
      numbers: [{ number: "EMN-2026-01234", system: "emn" }],
    });
    const draft = (
      await t().request({ method: "GET", url: `/api/v1/items/${body.itemId}`, token: admin() })
    ).json();
    expect(draft).toMatchObject({
      meetingId: next.id,
      title: "Tværsektoriel pulje 2027 – fordeling af midler",
      caseNumbers: ["EMN-2026-01234"],
      decisionText: null,
      sections: { summary: "Puljen udgør 19,6 mio. kr.", municipalRemarks: "KKR bakker op om fordelingen." },
    });
    expect(draft.sections.previousDecisions).toContain("Strategisk Sundhedsstyregruppe");
    const timeline = (
      await t().request({ method: "GET", url: `/api/v1/cases/${body.case.id}/timeline`, token: admin() })
    ).json();
    expect(
      timeline.entries.map((e: { body: { name: string }; role: string }) => [e.body.name, e.role]),
    ).toEqual([
      ["Strategisk Sundhedsstyregruppe", "recommendation"],
      ["Sundhedssamarbejdsudvalget", "decision"],
    ]);
    expect(timeline.entries[0]).toMatchObject({
      outcome: "approved",
      roleLabel: "indstilles til",
      targetBody: { name: "Sundhedssamarbejdsudvalget" },
    });
  });

  it("a public reader sees the published decision but not the unpublished agenda's item", async () => {
    const list = (
      await t().request({ method: "GET", url: "/api/v1/cases?caseNumber=EMN-2026-01234" })
    ).json();
    expect(list.items).toHaveLength(1);
    const timeline = (
      await t().request({ method: "GET", url: `/api/v1/cases/${list.items[0].id}/timeline` })
    ).json();
    expect(timeline.entries[0]).toMatchObject({
      redacted: false,
      decisionText: "Indstillingen blev godkendt.",
    });
    expect(timeline.entries[1]).toMatchObject({
      redacted: true,
      title: "Dagsordenen er ikke offentliggjort endnu",
      decisionText: null,
    });
  });

  it("sager til næste møde: new, referred and postponed cases; members only", async () => {
    const { system } = t();
    const newCase = await t().request({
      method: "POST",
      url: "/api/v1/cases",
      token: w.users.secretary.token,
      payload: { title: "Mødeplan 2027", awaitingBodyId: w.ssu.id },
    });
    expect(newCase.statusCode).toBe(201);
    // referred: recommended to SSU by SSS, not yet on an SSU agenda
    const other = await createItem(system, {
      meetingId: (await meetingAt(system, sss.id, new Date(Date.now() - 10 * DAY), "held")).id,
      title: "Samarbejdsaftale om overvægt",
    });
    const refCase = (
      await t().request({
        method: "POST",
        url: "/api/v1/cases",
        token: admin(),
        payload: { title: "Samarbejdsaftale om overvægt" },
      })
    ).json();
    const link = await t().request({
      method: "POST",
      url: `/api/v1/cases/${refCase.id}/consultations`,
      token: admin(),
      payload: { itemId: other.id, role: "recommendation", targetBodyId: w.ssu.id },
    });
    expect(link.statusCode).toBe(201);
    // postponed at SSU's last meeting
    const postponedItem = await createItem(system, {
      meetingId: (await meetingAt(system, w.ssu.id, new Date(Date.now() - 5 * DAY), "held")).id,
      title: "Praksisplan – høring",
      outcome: "postponed",
      decisionText: "Udsat.",
    });
    const postCase = (
      await t().request({
        method: "POST",
        url: "/api/v1/cases",
        token: admin(),
        payload: { title: "Praksisplan" },
      })
    ).json();
    await t().request({
      method: "POST",
      url: `/api/v1/cases/${postCase.id}/consultations`,
      token: admin(),
      payload: { itemId: postponedItem.id },
    });

    const res = await t().request({
      method: "GET",
      url: `/api/v1/bodies/${w.ssu.id}/next-meeting/cases`,
      token: w.users.member.token,
    });
    expect(res.statusCode).toBe(200);
    const reasons = Object.fromEntries(
      res.json().cases.map((c: { case: { title: string }; reason: string }) => [c.case.title, c.reason]),
    );
    expect(reasons).toEqual({
      "Mødeplan 2027": "new",
      "Samarbejdsaftale om overvægt": "referred",
      Praksisplan: "postponed",
    });
    expect(
      (await t().request({ method: "GET", url: `/api/v1/bodies/${w.ssu.id}/next-meeting/cases` })).statusCode,
    ).toBe(401);
    expect(
      (
        await t().request({
          method: "GET",
          url: `/api/v1/bodies/${w.ssu.id}/next-meeting/cases`,
          token: w.users.outsider.token,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("closed is closed: a case from a closed item is invisible to outsiders; its timeline never shows the secret", async () => {
    const res = await t().request({
      method: "POST",
      url: `/api/v1/items/${closedSource.id}/refer`,
      token: admin(),
      payload: {},
    });
    expect(res.statusCode).toBe(201);
    const caseId = res.json().case.id;
    expect(res.json().case.access).toBe("closed");
    // an open case that also passed a closed item
    const openCase = (
      await t().request({
        method: "POST",
        url: "/api/v1/cases",
        token: admin(),
        payload: { title: "Åben sag" },
      })
    ).json();
    await t().request({
      method: "POST",
      url: `/api/v1/cases/${openCase.id}/consultations`,
      token: admin(),
      payload: { itemId: closedSource.id },
    });
    for (const token of [undefined, w.users.outsider.token]) {
      for (const url of [
        `/api/v1/cases/${caseId}`,
        `/api/v1/cases/${caseId}/timeline`,
        `/api/v1/cases/${caseId}/consultations`,
      ]) {
        const r = await t().request({ method: "GET", url, token });
        expect(r.statusCode, url).toBe(404);
        expect(r.body).not.toContain(SECRET);
      }
      for (const url of [
        "/api/v1/cases",
        "/api/v1/cases?caseNumber=EMN-2026-77777",
        `/api/v1/cases/${openCase.id}/timeline`,
        "/api/v1/case-proposals",
      ]) {
        const r = await t().request({ method: "GET", url, token });
        expect(r.body, url).not.toContain(SECRET);
        expect(r.body, url).not.toContain("EMN-2026-77777");
      }
      const tl = (
        await t().request({ method: "GET", url: `/api/v1/cases/${openCase.id}/timeline`, token })
      ).json();
      expect(tl.entries[0]).toMatchObject({
        redacted: true,
        title: "Lukket punkt",
        outcome: null,
        decisionText: null,
      });
      expect(tl.documents).toEqual([]);
      const refer = await t().request({
        method: "POST",
        url: `/api/v1/items/${closedSource.id}/refer`,
        token,
        payload: {},
      });
      expect([401, 404]).toContain(refer.statusCode);
      expect(refer.body).not.toContain(SECRET);
    }
    const member = await t().request({
      method: "GET",
      url: `/api/v1/cases/${caseId}/timeline`,
      token: w.users.member.token,
    });
    expect(member.statusCode).toBe(200);
    expect(member.body).toContain(SECRET);
  });

  it("links the archive: proposals from case numbers and titles, confirm and reject survive a re-import", async () => {
    const { system } = t();
    const a = await meetingAt(system, w.other.id, new Date(Date.now() - 100 * DAY), "held");
    const b = await meetingAt(system, sss.id, new Date(Date.now() - 90 * DAY), "held");
    const c = await meetingAt(system, w.ssu.id, new Date(Date.now() - 80 * DAY), "held");
    const i1 = await createItem(system, {
      meetingId: a.id,
      title: "Rehabilitering efter hospitalsophold – fælles pejlemærke",
    });
    const i2 = await createItem(system, {
      meetingId: b.id,
      title: "Rehabilitering efter hospitalsophold – forslag til pejlemærke",
    });
    const i3 = await createItem(system, {
      meetingId: c.id,
      title: "Vinterberedskab på akutpladserne",
      caseNumbers: ["EMN-2026-02990"],
    });
    const i4 = await createItem(system, {
      meetingId: a.id,
      title: "Kapacitet i vinter",
      caseNumbers: ["EMN-2026-02990"],
    });
    const proposals = async () =>
      (await t().request({ method: "GET", url: "/api/v1/case-proposals", token: admin() })).json() as {
        items: { itemId: number }[];
        reasons: string[];
      }[];
    const ids = (await proposals()).map((p) => p.items.map((x) => x.itemId).sort((x, y) => x - y));
    expect(ids).toContainEqual([i1.id, i2.id]);
    expect(ids).toContainEqual([i3.id, i4.id]);
    expect((await proposals()).find((p) => p.items.some((x) => x.itemId === i3.id))?.reasons).toEqual([
      "sagsnummer EMN-2026-02990",
    ]);

    const confirmed = await t().request({
      method: "POST",
      url: "/api/v1/case-proposals/confirm",
      token: admin(),
      payload: { itemIds: [i1.id, i2.id] },
    });
    expect(confirmed.statusCode).toBe(200);
    const rejected = await t().request({
      method: "POST",
      url: "/api/v1/case-proposals/reject",
      token: admin(),
      payload: { itemIds: [i3.id, i4.id] },
    });
    expect(rejected.json()).toEqual({ pairs: 1 });
    expect((await proposals()).flatMap((p) => p.items.map((x) => x.itemId))).not.toContain(i1.id);

    // a re-import replaces the rows: same meetings, same numbers, new ids
    const replace = async (item: { id: number }) => {
      const [row] = await system.db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
      if (!row) {
        throw new Error("no row");
      }
      await system.db.delete(agendaItems).where(eq(agendaItems.id, item.id));
      const { id: _id, ...rest } = row;
      const [fresh] = await system.db.insert(agendaItems).values(rest).returning();
      return fresh as { id: number };
    };
    const n1 = await replace(i1);
    const n3 = await replace(i3);
    const after = (await proposals()).map((p) => p.items.map((x) => x.itemId));
    expect(after.flat()).not.toContain(n1.id);
    expect(after.flat()).not.toContain(n3.id);
    const timeline = (
      await t().request({
        method: "GET",
        url: `/api/v1/cases/${confirmed.json().caseId}/timeline`,
        token: admin(),
      })
    ).json();
    expect(timeline.entries.map((e: { itemId: number; missing: boolean }) => [e.itemId, e.missing])).toEqual([
      [n1.id, false],
      [i2.id, false],
    ]);
  });

  it("bad input answers in Danish, never 500", async () => {
    const cases = [
      { method: "POST" as const, url: "/api/v1/cases", payload: { title: "" } },
      { method: "POST" as const, url: "/api/v1/cases", payload: { title: "X", numbers: [{ number: "!!" }] } },
      { method: "POST" as const, url: "/api/v1/cases", payload: { title: "X", decidingBodyId: 999999 } },
      { method: "POST" as const, url: "/api/v1/case-proposals/confirm", payload: { itemIds: [1] } },
      {
        method: "POST" as const,
        url: "/api/v1/case-proposals/confirm",
        payload: { itemIds: [999998, 999999] },
      },
      { method: "POST" as const, url: `/api/v1/items/${sssHeld.id}999/refer`, payload: {} },
      { method: "GET" as const, url: "/api/v1/case-proposals?threshold=7" },
    ];
    for (const c of cases) {
      const res = await t().request({ ...c, token: admin() });
      expect(res.statusCode, c.url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, c.url).toBeLessThan(500);
      expect(res.json().error.message, c.url).toMatch(/[æøåÆØÅ]|[a-z]/);
    }
  });
});
