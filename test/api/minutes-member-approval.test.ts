import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { publishedDocuments } from "../../src/modules/documents/index.ts";
import { meetings } from "../../src/modules/meetings/index.ts";
import { membersRuleBlock } from "../../src/modules/meetings/minutes-answers.rule.ts";
import { minutesAnswers } from "../../src/modules/meetings/minutes-answers.tables.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const drafted = new Date("2026-03-02T10:00:00Z");
const day = (n: number) => new Date(drafted.getTime() + n * 24 * 60 * 60 * 1000);

describe("membersRuleBlock: the members' rule for approving minutes", () => {
  const base = { days: 3, draftedAt: drafted, now: day(1), members: [1, 2] };
  it.each([
    ["the chair rule never lets members approve", { rule: "chair", answers: [] }, "chair_rule"],
    [
      "all members: everyone approved",
      {
        rule: "all_members",
        answers: [
          { personId: 1, answer: "approve", replied: false },
          { personId: 2, answer: "approve", replied: false },
        ],
      },
      null,
    ],
    [
      "all members: one has not answered, even after the deadline",
      { rule: "all_members", now: day(9), answers: [{ personId: 1, answer: "approve", replied: false }] },
      "waiting",
    ],
    [
      "an open remark blocks",
      {
        rule: "all_members",
        answers: [
          { personId: 1, answer: "approve", replied: false },
          { personId: 2, answer: "remark", replied: false },
        ],
      },
      "open_remark",
    ],
    ["no objection: before the deadline it waits", { rule: "no_objection", answers: [] }, "waiting"],
    ["no objection: at the deadline with silence", { rule: "no_objection", now: day(3), answers: [] }, null],
    [
      "no objection: an open remark blocks past the deadline",
      { rule: "no_objection", now: day(5), answers: [{ personId: 2, answer: "remark", replied: false }] },
      "open_remark",
    ],
    [
      "no objection: a replied remark no longer blocks",
      { rule: "no_objection", now: day(5), answers: [{ personId: 2, answer: "remark", replied: true }] },
      null,
    ],
    ["a body with no members waits", { rule: "all_members", members: [], answers: [] }, "waiting"],
  ] as const)("%s", (_, input, expected) => {
    expect(membersRuleBlock({ ...base, ...input } as Parameters<typeof membersRuleBlock>[0])).toBe(expected);
  });
});

describeEachDatabase("API: each member approves the minutes (issue 21.3)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  type Who = keyof World["users"];
  const as = (who: Who, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t().request({ method, url, token: w.users[who].token, ...(payload ? { payload } : {}) });
  const answer = (who: Who, meetingId: number, payload: object) =>
    as(who, "POST", `/api/v1/meetings/${meetingId}/minutes-answers`, payload);
  const meetingRow = async (id: number) =>
    (await t().database.db.select().from(meetings).where(eq(meetings.id, id)))[0];

  async function setRule(minutesApproval: string, minutesApprovalDays = 3) {
    const body = (await as("admin", "GET", `/api/v1/bodies/${w.ssu.id}`)).json();
    const res = await as("admin", "PATCH", `/api/v1/bodies/${w.ssu.id}`, {
      minutesApproval,
      minutesApprovalDays,
      version: body.version,
    });
    expect(res.statusCode).toBe(200);
  }

  /** A past meeting with one decided item, taken by the secretariat to draft minutes. */
  async function draftMeeting(start: string) {
    const m = (
      await as("secretary", "POST", "/api/v1/meetings", { bodyId: w.ssu.id, start, location: "Rådhuset" })
    ).json();
    await as("secretary", "POST", `/api/v1/meetings/${m.id}/items`, {
      title: "Status på samarbejdet",
      decisionText: "Taget til efterretning.",
    });
    let version = m.version as number;
    for (const to of ["agenda_published", "held", "minutes_draft"]) {
      const res = await as("secretary", "POST", `/api/v1/meetings/${m.id}/transition`, { to, version });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    return m.id as number;
  }

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  }, 120_000);

  it("the rule is the chair's by default; the secretariat alone does not change it", async () => {
    const body = (await as("member", "GET", `/api/v1/bodies/${w.ssu.id}`)).json();
    expect([body.minutesApproval, body.minutesApprovalDays]).toEqual(["chair", 7]);
    const id = await draftMeeting("2025-09-04T09:00");
    const res = await answer("member", id, { answer: "approve" });
    expect(res.statusCode).toBe(409);
    const bySecretary = await as("secretary", "PATCH", `/api/v1/bodies/${w.ssu.id}`, {
      minutesApproval: "all_members",
      version: body.version,
    });
    expect(bySecretary.statusCode).toBe(403);
  });

  it("every member approves: a remark blocks until the secretariat replies; the last approval approves through the act", async () => {
    await setRule("all_members");
    const id = await draftMeeting("2025-10-02T09:00");
    const remark = await answer("member", id, { answer: "remark", remark: "Punkt 1 mangler mødedatoen." });
    expect(remark.statusCode, remark.body).toBe(200);
    expect(remark.json().round.block).toBe("open_remark");
    expect((await answer("member", id, { answer: "remark" })).statusCode).toBe(400);

    const chair = await answer("chair", id, { answer: "approve" });
    expect(chair.json()).toMatchObject({ approved: false, round: { block: "open_remark" } });
    // The chair alone no longer approves where the members do.
    const v = (await meetingRow(id))?.version;
    const alone = await as("chair", "POST", `/api/v1/meetings/${id}/transition`, {
      to: "minutes_approved",
      version: v,
    });
    expect(alone.statusCode).toBe(409);
    expect(alone.json().error.message).toMatch(/bemærkning/);

    const round = (await as("secretary", "GET", `/api/v1/meetings/${id}/minutes-answers`)).json();
    const byName = Object.fromEntries(
      round.answers.map((a: { name: string; answer: string | null }) => [a.name, a.answer]),
    );
    expect(byName).toEqual({ "Frede Formand": "approve", "Mette Medlem": "remark" });
    expect(round.answers.find((a: { name: string }) => a.name === "Frede Formand").answeredAt).toBeTruthy();

    const reply = await as("secretary", "POST", `/api/v1/meetings/${id}/minutes-answers/reply`, {
      personId: w.people.member.id,
      reply: "Rettet: datoen er tilføjet.",
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ approved: false, round: { block: "waiting" } });
    expect((await meetingRow(id))?.status).toBe("minutes_draft");

    const last = await answer("member", id, { answer: "approve" });
    expect(last.json().approved).toBe(true);
    const row = await meetingRow(id);
    expect(row?.status).toBe("minutes_approved");
    expect(row?.minutesApprovedBy).toBe("Forummets medlemmer (alle har godkendt)");
    expect(row?.minutesApprovedAt).toBeTruthy();
    expect((await answer("chair", id, { answer: "approve" })).statusCode).toBe(409);

    // Publication then freezes the editions, as after the chair's approval.
    const publish = await as("secretary", "POST", `/api/v1/meetings/${id}/transition`, {
      to: "minutes_published",
      version: row?.version,
    });
    expect(publish.statusCode, publish.body).toBe(200);
    const frozen = await t()
      .database.db.select()
      .from(publishedDocuments)
      .where(eq(publishedDocuments.meetingId, id));
    expect(
      frozen
        .filter((d) => d.kind === "minutes")
        .map((d) => `${d.edition}/${d.format}`)
        .sort(),
    ).toEqual(["full/docx", "full/pdf", "public/docx", "public/pdf"]);
  });

  it("a non-member can do none of it", async () => {
    const id = await draftMeeting("2025-10-09T09:00");
    for (const who of ["outsider", "secretary"] as const) {
      expect((await answer(who, id, { answer: "approve" })).statusCode).toBe(403);
    }
    expect((await as("outsider", "GET", `/api/v1/meetings/${id}/minutes-answers`)).statusCode).toBe(403);
    expect(
      (
        await t().request({
          method: "POST",
          url: `/api/v1/meetings/${id}/minutes-answers`,
          payload: { answer: "approve" },
        })
      ).statusCode,
    ).toBe(401);
    const reply = await as("member", "POST", `/api/v1/meetings/${id}/minutes-answers/reply`, {
      personId: w.people.member.id,
      reply: "Svar fra et medlem",
    });
    expect(reply.statusCode).toBe(403);
    const round = (await as("secretary", "GET", `/api/v1/meetings/${id}/minutes-answers`)).json();
    expect(round.answers.every((a: { answer: string | null }) => a.answer === null)).toBe(true);
  });

  it("pages: a member answers with the forms, the secretariat replies; a refused reader changes nothing", async () => {
    const id = await draftMeeting("2025-10-23T09:00");
    const login = (email: string) => pageLogin((o) => t().app.inject(o), email, "korrekt-hest-batteri");
    const post = async (cookie: string, path: string, fields: Record<string, string>) =>
      t().request({
        method: "POST",
        url: `/arbejdsrum/moeder/${id}/referat/${path}`,
        headers: { cookie, accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ ...fields, _csrf: csrfFor(cookie) }).toString(),
      });
    const member = await login("medlem@test.dk");
    const page = await t().request({
      method: "GET",
      url: `/arbejdsrum/moeder/${id}/referat`,
      headers: { cookie: member, accept: "text/html" },
    });
    const dashboard = await t().request({
      method: "GET",
      url: "/arbejdsrum",
      headers: { cookie: member, accept: "text/html" },
    });
    expect(dashboard.body).toContain(`/arbejdsrum/moeder/${id}/referat`);
    expect(page.body).toContain("Godkend referatet");
    expect(page.body).toContain("Har ikke svaret");
    const empty = await post(member, "svar", { answer: "remark", remark: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv din bemærkning til referatet.");
    const remark = await post(member, "svar", { answer: "remark", remark: "Mødetidspunktet er forkert." });
    expect([remark.statusCode, remark.headers.location]).toEqual([
      303,
      `/arbejdsrum/moeder/${id}/referat?gemt=svaret`,
    ]);

    const outsider = await login("udenfor@test.dk");
    expect((await post(outsider, "svar", { answer: "approve" })).statusCode).toBe(404);
    const secretary = await login("sekretaer@test.dk");
    expect((await post(secretary, "svar", { answer: "approve" })).statusCode).toBe(403);
    const shown = await t().request({
      method: "GET",
      url: `/arbejdsrum/moeder/${id}/referat`,
      headers: { cookie: secretary, accept: "text/html" },
    });
    expect(shown.body).toContain("Mødetidspunktet er forkert.");
    const replied = await post(secretary, "svar/besvar", {
      personId: String(w.people.member.id),
      reply: "Rettet til kl. 9.",
    });
    expect(replied.statusCode).toBe(303);
    const round = (await as("chair", "GET", `/api/v1/meetings/${id}/minutes-answers`)).json();
    const answered = round.answers.filter((a: { answer: string | null }) => a.answer !== null);
    expect(answered.map((a: { name: string }) => a.name)).toEqual(["Mette Medlem"]);
    const mine = round.answers.find((a: { personId: number }) => a.personId === w.people.member.id);
    expect([mine.answer, mine.remark, mine.reply]).toEqual([
      "remark",
      "Mødetidspunktet er forkert.",
      "Rettet til kl. 9.",
    ]);
  });

  it("a remark reaches no public surface (canary)", async () => {
    const id = await draftMeeting("2025-10-16T09:00");
    const canary = `Bemærkning ${SECRET}`;
    expect((await answer("member", id, { answer: "remark", remark: canary })).statusCode).toBe(200);
    const anonymous = (url: string) => t().request({ method: "GET", url });
    for (const url of [
      `/moeder/${id}`,
      `/api/v1/meetings/${id}`,
      `/api/v1/meetings/${id}/details`,
      `/api/v1/meetings/${id}/minutes-answers`,
      "/api/v1/feed.atom",
      `/api/v1/search?q=${encodeURIComponent(SECRET)}`,
    ]) {
      expect((await anonymous(url)).body, url).not.toContain(SECRET);
    }
    const outsider = await as("outsider", "GET", `/arbejdsrum/moeder/${id}/referat`);
    expect(outsider.body).not.toContain(SECRET);
    const secretary = await as("secretary", "GET", `/arbejdsrum/moeder/${id}/referat`);
    expect(secretary.body).toContain(canary);
  });

  it("no objection within the days: the background task approves at the deadline, not while a remark is open", async () => {
    await setRule("no_objection", 3);
    const silent = await draftMeeting("2025-11-06T09:00");
    const objected = await draftMeeting("2025-11-13T09:00");
    await answer("member", objected, { answer: "remark", remark: "Beslutningen er ikke som aftalt." });
    await t().app.background.drain();
    expect((await meetingRow(silent))?.status).toBe("minutes_draft");

    // Four days later: the drafts (and the answers of their round) moved back in time, as the clock would have moved on.
    const past = new Date(Date.now() - 4 * 24 * 60 * 60 * 1000);
    for (const id of [silent, objected]) {
      await t().database.db.update(meetings).set({ minutesDraftedAt: past }).where(eq(meetings.id, id));
      await t()
        .database.db.update(minutesAnswers)
        .set({ draftedAt: past })
        .where(eq(minutesAnswers.meetingId, id));
    }
    await t().app.background.drain();
    const approved = await meetingRow(silent);
    expect(approved?.status).toBe("minutes_approved");
    expect(approved?.minutesApprovedBy).toBe("Forummets medlemmer (ingen indsigelser inden fristen)");
    expect((await meetingRow(objected))?.status).toBe("minutes_draft");

    const reply = await as("secretary", "POST", `/api/v1/meetings/${objected}/minutes-answers/reply`, {
      personId: w.people.member.id,
      reply: "Beslutningen er rettet efter lydoptagelsen.",
    });
    expect(reply.json().approved).toBe(true);
    expect((await meetingRow(objected))?.status).toBe("minutes_approved");
  });
});
