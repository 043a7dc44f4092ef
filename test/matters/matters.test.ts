import { and, eq, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import { matters, runMatterDeadlines } from "../../src/modules/matters/index.ts";
import { orientationLine } from "../../src/modules/matters/matters.orientation.ts";
import { procedureOutcome, procedureOver, reminderDue } from "../../src/modules/matters/matters.rules.ts";
import { agendaItems } from "../../src/modules/meetings/index.ts";
import { notificationOutbox } from "../../src/modules/notifications/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";
import { exportAfterRestore } from "../helpers/snapshot.ts";

const HOUR = 60 * 60 * 1000;

describe("procedureOutcome: the rule of a written procedure", () => {
  const members = [1, 2, 3];
  const a = (personId: number, answer: "approve" | "reject" | "remark") => ({ personId, answer });
  it.each([
    [
      "unanimity: all approve (a remark approves)",
      "unanimity",
      [a(1, "approve"), a(2, "remark"), a(3, "approve")],
      "approved",
    ],
    ["unanimity: one silent member fails it", "unanimity", [a(1, "approve"), a(2, "approve")], "rejected"],
    [
      "unanimity: one rejection fails it",
      "unanimity",
      [a(1, "approve"), a(2, "approve"), a(3, "reject")],
      "rejected",
    ],
    ["majority: two of three approve", "majority", [a(1, "approve"), a(2, "remark")], "approved"],
    [
      "majority: one of three approves (silence counts against)",
      "majority",
      [a(1, "approve"), a(2, "reject")],
      "rejected",
    ],
    ["no objection: silence approves", "no_objection", [], "approved"],
    ["no objection: one rejection fails it", "no_objection", [a(1, "approve"), a(3, "reject")], "rejected"],
    [
      "a non-member's answer does not count",
      "unanimity",
      [a(1, "approve"), a(2, "approve"), a(3, "approve"), a(9, "reject")],
      "approved",
    ],
  ] as const)("%s", (_, rule, answers, expected) => {
    expect(procedureOutcome({ rule, members, answers })).toBe(expected);
  });

  it("is over at the deadline or when everyone has answered; the reminder is due once within a day", () => {
    const deadline = new Date("2027-01-10T12:00:00Z");
    const before = new Date(deadline.getTime() - 2 * HOUR);
    expect(procedureOver({ members, answers: [a(1, "approve")], deadline, now: before })).toBe(false);
    expect(procedureOver({ members, answers: [a(1, "approve")], deadline, now: deadline })).toBe(true);
    const all = [a(1, "approve"), a(2, "reject"), a(3, "remark")];
    expect(procedureOver({ members, answers: all, deadline, now: before })).toBe(true);
    expect(reminderDue({ deadline, remindedAt: null }, before)).toBe(true);
    expect(reminderDue({ deadline, remindedAt: before }, before)).toBe(false);
    expect(reminderDue({ deadline, remindedAt: null }, new Date(deadline.getTime() - 30 * HOUR))).toBe(false);
    expect(reminderDue({ deadline, remindedAt: null }, deadline)).toBe(false);
  });
});

describeEachDatabase(
  "Matters between meetings: chair decisions and written procedures (issue 21)",
  (kind) => {
    const t = useTestApp(kind);
    let w: World;
    let silent: { id: number; token: string };
    let groupId: number;
    let nextMeetingId: number;
    type Who = keyof World["users"];
    const as = (who: Who | "silent", method: "GET" | "POST", url: string, payload?: object) =>
      t().request({
        method,
        url,
        token: who === "silent" ? silent.token : w.users[who].token,
        ...(payload ? { payload } : {}),
      });
    const put = (payload: object) =>
      as("secretary", "POST", "/api/v1/matters", { bodyId: w.ssu.id, ...payload });
    const inDays = (n: number) => new Date(Date.now() + n * 24 * HOUR);
    const mandate = async () => (await as("secretary", "GET", `/api/v1/bodies/${groupId}/mandate`)).json();
    const itemsOf = (meetingId: number) =>
      t().database.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
    const mailsLike = (pattern: string) =>
      t().database.db.select().from(notificationOutbox).where(like(notificationOutbox.dedupeKey, pattern));

    // A third member who never answers, a group whose mandate the SSU approves, a next meeting.
    beforeAll(async () => {
      w = await seedWorld(t().system);
      const person = await createPerson(t().system, { name: "Tavs Medlem" });
      await createMembership(t().system, { personId: person.id, bodyId: w.ssu.id, role: "member" });
      const user = await createUser(t().system, {
        email: "tavs@test.dk",
        name: "tavs",
        password: "korrekt-hest-batteri",
        isAdmin: false,
        personId: person.id,
      });
      const { token } = await createApiToken(
        { db: t().system.db, actor: { ...PUBLIC_ACTOR, userId: user.id } },
        { name: "test" },
      );
      silent = { id: person.id, token };
      const group = await as("secretary", "POST", "/api/v1/groups", {
        name: "Arbejdsgruppe om udskrivning",
        kind: "ad_hoc_group",
        reportsToId: w.ssu.id,
        approverBodyId: w.ssu.id,
        purpose: "Gruppen beskriver en fælles model for udskrivning.",
        periodFrom: "2026-01-01",
        periodTo: "2027-12-31",
        on: "2026-01-01",
      });
      expect(group.statusCode, group.body).toBe(201);
      groupId = group.json().bodyId;
      const next = await as("secretary", "POST", "/api/v1/meetings", {
        bodyId: w.ssu.id,
        start: inDays(30).toISOString(),
        location: "Regionshuset",
      });
      expect(next.statusCode, next.body).toBe(201);
      nextMeetingId = next.json().id;
    }, 120_000);

    it("the chair approves a mandate version between meetings: it becomes approved and the next agenda carries the orientation", async () => {
      const draft = (await mandate()).versions.find((v: { approvedOn: string | null }) => !v.approvedOn);
      expect(draft).toBeTruthy();
      const res = await put({
        procedure: "chair_decision",
        title: "Kommissorium for arbejdsgruppe om udskrivning",
        question: "Det indstilles, at kommissoriet godkendes.",
        linkKind: "mandate_version",
        linkId: draft.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id;
      // The chair and vice-chair are told; the chair group's front page lists it.
      expect((await mailsLike(`matter-decide:${id}:%`)).map((m) => m.toAddress)).toEqual(["formand@test.dk"]);
      expect(
        (await as("member", "POST", `/api/v1/matters/${id}/decision`, { decision: "approved" })).statusCode,
      ).toBe(403);
      expect(
        (await as("secretary", "POST", `/api/v1/matters/${id}/decision`, { decision: "approved" }))
          .statusCode,
      ).toBe(403);
      expect(
        (await as("outsider", "POST", `/api/v1/matters/${id}/decision`, { decision: "approved" })).statusCode,
      ).toBe(404);
      expect((await mandate()).versions.find((v: { id: number }) => v.id === draft.id).approvedOn).toBeNull();

      const decided = await as("chair", "POST", `/api/v1/matters/${id}/decision`, { decision: "approved" });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json()).toMatchObject({ status: "approved", decidedBy: "formand" });
      expect(decided.json().decidedAt).toBeTruthy();
      expect(
        (await mandate()).versions.find((v: { id: number }) => v.id === draft.id).approvedOn,
      ).not.toBeNull();
      expect(
        (await as("chair", "POST", `/api/v1/matters/${id}/decision`, { decision: "rejected" })).statusCode,
      ).toBe(409);

      const items = await itemsOf(nextMeetingId);
      const orientation = items.find((i) => i.title === "Orientering om formandsgodkendte sager");
      expect(orientation?.kind).toBe("orientation");
      expect(orientation?.access).toBe("open");
      expect(orientation?.sections.summary).toContain(
        "Kommissorium for arbejdsgruppe om udskrivning: godkendt",
      );
      expect((await as("chair", "GET", `/api/v1/matters/${id}`)).json().reportedMeetingId).toBe(
        nextMeetingId,
      );
      // Audited like every table: the put, the decision and the report.
      const audit = await t().database.db.execute(
        sql`select action from audit_log where table_name = 'matters' and row_id = ${String(id)} order by id`,
      );
      expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
        "insert",
        "update",
        "update",
      ]);
    });

    it("a rejection leaves the mandate as it was; its line joins the same orientation item, which the secretariat may edit", async () => {
      const revised = await as("secretary", "POST", `/api/v1/bodies/${groupId}/mandate/versions`, {
        purpose: "Gruppen beskriver også genindlæggelser.",
        periodFrom: "2026-01-01",
        periodTo: "2028-12-31",
        changeNote: "Udvidet",
        on: "2026-11-01",
      });
      expect(revised.statusCode, revised.body).toBeLessThan(300);
      const draft = (await mandate()).versions.find((v: { approvedOn: string | null }) => !v.approvedOn);
      const [item] = (await itemsOf(nextMeetingId)).filter(
        (i) => i.title === "Orientering om formandsgodkendte sager",
      );
      // The secretariat edits the generated text; a later decision keeps the edit and adds its line.
      const edited = await as("secretary", "PATCH" as "POST", `/api/v1/items/${item?.id}`, {
        sections: { summary: "Formandskabet har godkendt kommissoriet (redigeret)." },
        version: item?.version,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const id = (
        await put({
          procedure: "chair_decision",
          title: "Revideret kommissorium",
          question: "Det indstilles, at revisionen godkendes.",
          linkKind: "mandate_version",
          linkId: draft.id,
        })
      ).json().id;
      const noRemark = await as("chair", "POST", `/api/v1/matters/${id}/decision`, {
        decision: "approved_with_remark",
      });
      expect(noRemark.statusCode).toBe(400);
      const res = await as("chair", "POST", `/api/v1/matters/${id}/decision`, {
        decision: "rejected",
        remark: "Formålet skal skærpes.",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((await mandate()).versions.find((v: { id: number }) => v.id === draft.id).approvedOn).toBeNull();
      const orientations = (await itemsOf(nextMeetingId)).filter(
        (i) => i.title === "Orientering om formandsgodkendte sager",
      );
      expect(orientations).toHaveLength(1);
      expect(orientations[0]?.sections.summary).toContain("(redigeret)");
      expect(orientations[0]?.sections.summary).toContain("Revideret kommissorium: ikke godkendt");
      expect(orientations[0]?.sections.summary).toContain("Formålet skal skærpes.");
    });

    it("refuses a link to a mandate the body does not approve, and a written procedure without rule or deadline", async () => {
      const foreign = await put({
        procedure: "chair_decision",
        title: "Fremmed",
        question: "Godkendes?",
        linkKind: "mandate_version",
        linkId: 999_999,
      });
      expect(foreign.statusCode).toBe(400);
      const noRule = await put({
        procedure: "written_procedure",
        title: "Uden regel",
        question: "Godkendes?",
      });
      expect(noRule.statusCode).toBe(400);
      expect(
        (
          await as("member", "POST", "/api/v1/matters", {
            bodyId: w.ssu.id,
            procedure: "chair_decision",
            title: "x",
            question: "Godkendes?",
          })
        ).statusCode,
      ).toBe(403);
    });

    async function procedure(rule: string, title: string) {
      const res = await put({
        procedure: "written_procedure",
        title,
        question: "Det indstilles, at aftalen godkendes.",
        rule,
        deadline: inDays(2).toISOString(),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    }
    const answer = (who: Who | "silent", id: number, payload: object) =>
      as(who, "POST", `/api/v1/matters/${id}/answers`, payload);
    const row = async (id: number) =>
      (await t().database.db.select().from(matters).where(eq(matters.id, id)))[0];

    it("written procedures: each rule with a member who never answers; reminders once; the result recorded once at the deadline", async () => {
      const unanimity = await procedure("unanimity", "Aftale A (enstemmighed)");
      const majority = await procedure("majority", "Aftale B (flertal)");
      const noObjection = await procedure("no_objection", "Aftale C (ingen indsigelse)");
      const objected = await procedure("no_objection", "Aftale D (indsigelse)");
      // Every member is invited (chair, member, the silent one); the secretariat answers nothing.
      expect((await mailsLike(`matter-invite:${unanimity}:%`)).map((m) => m.toAddress).sort()).toEqual([
        "formand@test.dk",
        "medlem@test.dk",
        "tavs@test.dk",
      ]);
      const invite = (await mailsLike(`matter-invite:${unanimity}:medlem%`))[0];
      expect(invite?.text).toContain(`/arbejdsrum/beslutningssager/${unanimity}`);

      for (const id of [unanimity, majority, noObjection, objected]) {
        expect((await answer("chair", id, { answer: "approve" })).statusCode).toBe(200);
      }
      expect((await answer("member", unanimity, { answer: "approve" })).statusCode).toBe(200);
      expect((await answer("member", majority, { answer: "remark" })).statusCode).toBe(400);
      expect(
        (await answer("member", majority, { answer: "remark", remark: "Husk evaluering." })).statusCode,
      ).toBe(200);
      expect((await answer("member", objected, { answer: "reject" })).statusCode).toBe(200);
      expect((await answer("secretary", unanimity, { answer: "approve" })).statusCode).toBe(403);
      expect((await answer("outsider", unanimity, { answer: "approve" })).statusCode).toBe(404);
      expect((await answer("admin", unanimity, { answer: "approve" })).statusCode).toBe(403);
      expect((await row(unanimity))?.status).toBe("open");

      // A day and a half before the deadline nothing is due; within the last day the reminder goes once,
      // to those who have not answered.
      const db = t().database.db;
      expect(await runMatterDeadlines(db, "http://test", inDays(0.2))).toBe(0);
      expect(await runMatterDeadlines(db, "http://test", inDays(1.5))).toBe(4);
      expect((await mailsLike(`matter-remind:${unanimity}:%`)).map((m) => m.toAddress)).toEqual([
        "tavs@test.dk",
      ]);
      expect((await mailsLike(`matter-remind:${noObjection}:%`)).map((m) => m.toAddress).sort()).toEqual([
        "medlem@test.dk",
        "tavs@test.dk",
      ]);
      expect(await runMatterDeadlines(db, "http://test", inDays(1.6))).toBe(0);
      expect(await mailsLike("matter-remind:%")).toHaveLength(1 + 1 + 2 + 1);

      // The deadline passes: the result of each is recorded once.
      expect(await runMatterDeadlines(db, "http://test", inDays(2.1))).toBe(4);
      expect(await runMatterDeadlines(db, "http://test", inDays(2.2))).toBe(0);
      expect((await row(unanimity))?.status).toBe("rejected");
      expect((await row(majority))?.status).toBe("approved");
      expect((await row(noObjection))?.status).toBe("approved");
      expect((await row(objected))?.status).toBe("rejected");
      const result = (await row(majority))?.result;
      expect(result).toMatchObject({ approve: 1, remark: 1, reject: 0, members: 3 });
      expect(result?.notAnswered.map((p) => p.name)).toEqual(["Tavs Medlem"]);
      expect(result?.answers.find((a) => a.answer === "remark")?.remark).toBe("Husk evaluering.");
      const decidedAt = (await row(majority))?.decidedAt;
      expect(await runMatterDeadlines(db, "http://test", inDays(5))).toBe(0);
      expect((await row(majority))?.decidedAt).toEqual(decidedAt);

      // Too late to answer; the result is reported at the next meeting.
      expect((await answer("silent", unanimity, { answer: "approve" })).statusCode).toBe(409);
      await t().app.background.drain();
      const report = (await itemsOf(nextMeetingId)).find(
        (i) => i.title === "Orientering om sager afgjort ved skriftlig behandling",
      );
      expect(report?.sections.summary).toContain("Aftale B (flertal): godkendt");
      expect(report?.sections.summary).toContain("svarede ikke (Tavs Medlem)");
      expect(report?.sections.summary).toContain("Aftale A (enstemmighed): ikke godkendt");
    });

    it("a written procedure where everyone has answered ends at once, recorded once", async () => {
      const id = await procedure("unanimity", "Aftale E");
      await answer("chair", id, { answer: "approve" });
      await answer("member", id, { answer: "approve" });
      expect((await row(id))?.status).toBe("open");
      const last = await answer("silent", id, { answer: "remark", remark: "Fint." });
      expect(last.statusCode, last.body).toBe(200);
      expect(last.json().status).toBe("approved");
      expect((await row(id))?.result?.notAnswered).toEqual([]);
      expect(await runMatterDeadlines(t().database.db, "http://test", inDays(3))).toBe(0);
    });

    it("closed matters: a canary reaches no public surface, and the orientation about it is a closed item", async () => {
      const res = await put({
        procedure: "chair_decision",
        title: `Lukket sag ${SECRET}`,
        text: `Fortrolig baggrund ${SECRET}`,
        question: `Det indstilles, at ${SECRET} godkendes.`,
        access: "closed",
      });
      const id = res.json().id;
      expect((await mailsLike(`matter-decide:${id}:%`))[0]?.text).not.toContain(SECRET);
      expect(
        (await as("chair", "POST", `/api/v1/matters/${id}/decision`, { decision: "approved" })).statusCode,
      ).toBe(200);
      const closedItem = (await itemsOf(nextMeetingId)).find(
        (i) => i.access === "closed" && i.title === "Orientering om formandsgodkendte sager",
      );
      expect(closedItem?.sections.summary).toContain(SECRET);
      const open = (await itemsOf(nextMeetingId)).filter((i) => i.access === "open");
      expect(open.map((i) => JSON.stringify(i)).join("")).not.toContain(SECRET);
      expect((await as("member", "GET", `/api/v1/matters/${id}`)).body).toContain(SECRET);

      const surfaces = [
        `/api/v1/matters/${id}`,
        `/api/v1/bodies/${w.ssu.id}/matters`,
        `/arbejdsrum/beslutningssager/${id}`,
        `/arbejdsrum/organer/${w.ssu.id}/beslutningssager`,
        `/api/v1/meetings/${nextMeetingId}/items`,
        `/api/v1/items/${closedItem?.id}`,
        `/moeder/${nextMeetingId}`,
        "/api/v1/search?q=hemmelig",
        "/soeg?q=hemmelig-forhandling",
        "/soeg/feed.atom?q=hemmelig",
        "/api/v1/search/feed?q=hemmelig",
        "/oparl/v1.1/body",
        `/oparl/v1.1/meeting/${nextMeetingId}`,
        "/arbejdsrum",
      ];
      for (const url of surfaces) {
        for (const token of [undefined, w.users.outsider.token]) {
          const r = await t().request({ method: "GET", url, token, headers: { accept: "text/html" } });
          expect(r.body, `${url} as ${token ? "outsider" : "the public"}`).not.toContain(SECRET);
        }
      }
    });

    it("in the browser: the chair sees the open matter on the front page and decides it; a member answers a written procedure", async () => {
      type InjectOpts = {
        method: "GET" | "POST";
        url: string;
        headers?: Record<string, string>;
        payload?: string;
      };
      const inject = (o: InjectOpts) => t().app.inject(o);
      const chair = await pageLogin(inject, "formand@test.dk", "korrekt-hest-batteri");
      const id = (
        await put({
          procedure: "chair_decision",
          title: "Sag til formanden i browseren",
          question: "Godkendes?",
        })
      ).json().id;
      const front = await inject({
        method: "GET",
        url: "/arbejdsrum",
        headers: { cookie: chair, accept: "text/html" },
      });
      expect(front.statusCode).toBe(200);
      expect(front.body).toContain("Sag til formanden i browseren");
      const page = await inject({
        method: "GET",
        url: `/arbejdsrum/beslutningssager/${id}`,
        headers: { cookie: chair },
      });
      expect(page.body).toContain('action="/arbejdsrum/beslutningssager/');
      const posted = await inject({
        method: "POST",
        url: `/arbejdsrum/beslutningssager/${id}/beslut`,
        headers: { cookie: chair, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({
          decision: "approved_with_remark",
          remark: "Med forbehold.",
          _csrf: csrfFor(chair),
        }).toString(),
      });
      expect(posted.statusCode, posted.body).toBe(303);
      expect((await row(id))?.status).toBe("approved_with_remark");
      const after = await inject({
        method: "GET",
        url: "/arbejdsrum",
        headers: { cookie: chair, accept: "text/html" },
      });
      expect(after.body).not.toContain("Sag til formanden i browseren");

      const wp = await procedure("majority", "Skriftlig sag i browseren");
      const member = await pageLogin(inject, "medlem@test.dk", "korrekt-hest-batteri");
      const form = await inject({
        method: "GET",
        url: `/arbejdsrum/beslutningssager/${wp}`,
        headers: { cookie: member },
      });
      expect(form.body).toContain("/svar");
      const answered = await inject({
        method: "POST",
        url: `/arbejdsrum/beslutningssager/${wp}/svar`,
        headers: { cookie: member, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ answer: "reject", _csrf: csrfFor(member) }).toString(),
      });
      expect(answered.statusCode, answered.body).toBe(303);
      const rows = await t()
        .database.db.select()
        .from(matters)
        .where(and(eq(matters.id, wp), eq(matters.status, "open")));
      expect(rows).toHaveLength(1);
      expect(
        (await as("member", "GET", `/api/v1/matters/${wp}`))
          .json()
          .answers.find((a: { name: string }) => a.name === "Mette Medlem").answer,
      ).toBe("reject");
    });

    it("export and restore carry the matters and the answers losslessly", async () => {
      const exported = await exportAll(t().database.db, new Date(0));
      expect(exported.tables.matters?.length).toBeGreaterThan(5);
      expect(exported.tables.matterAnswers?.length).toBeGreaterThan(5);
      const target = await createTestDatabase(kind);
      try {
        await restoreAll(target.database.db, JSON.parse(JSON.stringify(exported)));
        expect(await exportAfterRestore(target.database.db)).toEqual(exported);
      } finally {
        await target.drop();
      }
    }, 180_000);

    it("renders a written procedure's orientation line with its counts and who did not answer", () => {
      const line = orientationLine({
        procedure: "written_procedure",
        title: "Aftale X",
        status: "approved",
        decidedAt: new Date("2026-12-01T10:00:00Z"),
        rule: "majority",
        result: {
          approve: 2,
          reject: 0,
          remark: 0,
          members: 3,
          answers: [],
          notAnswered: [{ personId: 3, name: "Tavs Medlem" }],
        },
      } as unknown as Parameters<typeof orientationLine>[0]);
      expect(line).toBe(
        "- Aftale X: godkendt 1.12.2026 efter reglen om flertal; 2 godkendt, 0 godkendt med bemærkning, 0 imod, 1 svarede ikke (Tavs Medlem).",
      );
    });
  },
);
