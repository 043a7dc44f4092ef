import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, agreementVersions } from "../../src/modules/agreements/index.ts";
import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import { createBody } from "../../src/modules/bodies/index.ts";
import { grants } from "../../src/modules/funds/index.ts";
import { chairGroupOutcome, representativesOf } from "../../src/modules/matters/matters.rules.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";
import { exportAfterRestore } from "../helpers/snapshot.ts";

const DAY = 24 * 60 * 60 * 1000;

describe("the rules of the chair group and of parties", () => {
  const v = (personId: number, answer: "approve" | "reject" | "remark") => ({ personId, answer });
  it.each([
    ["nobody has decided", [], "open"],
    ["one of two approved", [v(1, "approve")], "open"],
    ["both approved", [v(1, "approve"), v(2, "approve")], "approved"],
    ["both approved, one with a remark", [v(1, "remark"), v(2, "approve")], "approved_with_remark"],
    ["a single rejection rejects at once", [v(2, "reject")], "rejected"],
    ["an outsider's vote does not count", [v(1, "approve"), v(9, "approve")], "open"],
  ] as const)("each of the chair group: %s", (_, votes, expected) => {
    expect(chairGroupOutcome([1, 2], votes)).toBe(expected);
  });

  it("one representative per party: the highest role, then the lowest id; no party represents itself", () => {
    expect(
      representativesOf([
        { personId: 5, partyId: 1, rank: 2 },
        { personId: 3, partyId: 1, rank: 2 },
        { personId: 8, partyId: 2, rank: 2 },
        { personId: 9, partyId: 2, rank: 0 },
        { personId: 4, partyId: null, rank: 2 },
      ]),
    ).toEqual([
      { personId: 3, partyId: 1 },
      { personId: 4, partyId: null },
      { personId: 9, partyId: 2 },
    ]);
  });
});

describeEachDatabase("Matters between meetings: effects, rules, parties, files (issue 21)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let chairGroupId: number;
  const extra: Record<"vice" | "esbjerg1" | "esbjerg2", { id: number; token: string }> = {} as never;
  type Who = keyof World["users"] | keyof typeof extra | "public";
  const tokenOf = (who: Who) =>
    who === "public"
      ? undefined
      : who in extra
        ? extra[who as keyof typeof extra].token
        : w.users[who as keyof World["users"]].token;
  const as = (who: Who, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t().request({
      method,
      url,
      ...(tokenOf(who) ? { token: tokenOf(who) } : {}),
      ...(payload ? { payload } : {}),
    });
  const put = (bodyId: number, payload: object) =>
    as("secretary", "POST", "/api/v1/matters", {
      bodyId,
      procedure: "chair_decision",
      title: "Sag til formandskabet",
      question: "Det indstilles, at sagen godkendes.",
      ...payload,
    });
  const decide = (who: Who, id: number, decision: string, remark?: string) =>
    as(who, "POST", `/api/v1/matters/${id}/decision`, { decision, ...(remark ? { remark } : {}) });

  async function personWithToken(name: string, email: string) {
    const person = await createPerson(t().system, { name });
    const user = await createUser(t().system, {
      email,
      name: email.split("@")[0] ?? email,
      password: "korrekt-hest-batteri",
      isAdmin: false,
      personId: person.id,
    });
    const { token } = await createApiToken(
      { db: t().system.db, actor: { ...PUBLIC_ACTOR, userId: user.id } },
      { name: "test" },
    );
    return { id: person.id, token };
  }

  // The SSU's chair group (a body of kind chair_group reporting to the SSU): the SSU's chair as chair, a
  // vice-chair, the secretary as its secretariat. Two members of the SSU for Esbjerg Kommune.
  beforeAll(async () => {
    w = await seedWorld(t().system);
    const chairGroup = await createBody(t().system, {
      name: "Formandskabet for SSU",
      kind: "chair_group",
      reportsToId: w.ssu.id,
    });
    chairGroupId = chairGroup.id;
    extra.vice = await personWithToken("Vera Viceformand", "vice@test.dk");
    extra.esbjerg1 = await personWithToken("Erik Esbjerg", "erik@test.dk");
    extra.esbjerg2 = await personWithToken("Else Esbjerg", "else@test.dk");
    const esbjerg = await createParty(t().system, {
      type: "municipality",
      name: "Esbjerg Kommune",
      region: "Testkyst",
    });
    const m = (
      personId: number,
      bodyId: number,
      role: "chair" | "vice_chair" | "member" | "secretary",
      partyId?: number,
    ) => createMembership(t().system, { personId, bodyId, role, ...(partyId ? { partyId } : {}) });
    await m(w.people.chair.id, chairGroupId, "chair", w.region.id);
    await m(extra.vice.id, chairGroupId, "vice_chair", w.region.id);
    await m(w.people.secretary.id, chairGroupId, "secretary", w.region.id);
    await m(extra.esbjerg1.id, w.ssu.id, "member", esbjerg.id);
    await m(extra.esbjerg2.id, w.ssu.id, "member", esbjerg.id);
  }, 120_000);

  it("a chair decision approves an agreement version through the agreements module; a rejection leaves it unchanged", async () => {
    const created = await as("secretary", "POST", "/api/v1/agreements", {
      title: "Samarbejdsaftale om medicinhåndtering",
      kind: "cooperation_agreement",
      theme: "Medicin",
      summary: "Sproglige rettelser.",
      ownerBodyId: w.ssu.id,
      contactName: "Sara Sekretær",
      contactEmail: "sara@test.dk",
      firstVersion: { label: "Udkast", text: "Teksten" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const agreementId = created.json().id;
    // A minor correction: approved by a chair group without a hearing (the agreements module's rule).
    const minor = await as("secretary", "POST", `/api/v1/agreements/${agreementId}/versions`, {
      label: "Version 1.1",
      track: "minor",
      changeNote: "Sproglige rettelser",
    });
    expect(minor.statusCode, minor.body).toBeLessThan(300);
    const [version] = await t()
      .database.db.select()
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreementId))
      .orderBy(desc(agreementVersions.number));
    const versionId = version?.id as number;
    const state = async () => {
      const [v] = await t()
        .database.db.select()
        .from(agreementVersions)
        .where(eq(agreementVersions.id, versionId));
      const [a] = await t().database.db.select().from(agreements).where(eq(agreements.id, agreementId));
      return { approvedOn: v?.approvedOn, approvedBy: v?.approvedByBodyId, status: a?.status };
    };
    // A body that neither owns the agreement nor reports to it cannot decide it.
    const elsewhere = await as("admin", "POST", "/api/v1/matters", {
      bodyId: w.other.id,
      procedure: "chair_decision",
      title: "Forkert forum",
      question: "Godkendes?",
      linkKind: "agreement_version",
      linkId: versionId,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields[0].path).toBe("linkId");

    const rejected = await put(chairGroupId, { linkKind: "agreement_version", linkId: versionId });
    expect(rejected.statusCode, rejected.body).toBe(201);
    expect((await decide("member", rejected.json().id, "approved")).statusCode).toBe(404);
    const no = await decide("chair", rejected.json().id, "rejected");
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json().status).toBe("rejected");
    expect(await state()).toEqual({ approvedOn: null, approvedBy: null, status: "draft" });

    const approved = await put(chairGroupId, { linkKind: "agreement_version", linkId: versionId });
    const yes = await decide("vice", approved.json().id, "approved");
    expect(yes.statusCode, yes.body).toBe(200);
    const after = await state();
    expect(after).toMatchObject({ approvedBy: chairGroupId, status: "approved" });
    expect(after.approvedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Approved now: a new matter on it is refused.
    expect((await put(chairGroupId, { linkKind: "agreement_version", linkId: versionId })).statusCode).toBe(
      400,
    );
  });

  it("a chair decision approves a pending grant through the funds module; a rejected one stays pending", async () => {
    const fund = await as("secretary", "POST", "/api/v1/funds", { bodyId: w.ssu.id, name: "Klyngemidler" });
    expect(fund.statusCode, fund.body).toBe(201);
    const [a, b] = await t()
      .database.db.insert(grants)
      .values([
        { fundId: fund.json().id, title: "Akutteam", status: "pending" },
        { fundId: fund.json().id, title: "Træningsforløb", status: "pending" },
      ])
      .returning();
    const grantOf = async (id: number) =>
      (await t().database.db.select().from(grants).where(eq(grants.id, id)))[0];
    const no = await put(chairGroupId, { linkKind: "grant", linkId: b?.id });
    expect((await decide("chair", no.json().id, "rejected")).statusCode).toBe(200);
    expect(await grantOf(b?.id as number)).toMatchObject({ status: "pending", approvedOn: null });

    const yes = await put(chairGroupId, { linkKind: "grant", linkId: a?.id });
    const done = await decide(
      "chair",
      yes.json().id,
      "approved_with_remark",
      "Under forudsætning af medfinansiering",
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(await grantOf(a?.id as number)).toMatchObject({
      status: "approved",
      approvedByBodyId: chairGroupId,
    });
    expect((await grantOf(a?.id as number))?.approvedOn).toBeTruthy();
  });

  it("the body's rule 'each of the chair group': decided when every member approved; one rejection rejects", async () => {
    expect(
      (await as("member", "PUT", `/api/v1/bodies/${chairGroupId}/chair-rule`, { chairRule: "each" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as("secretary", "PUT", `/api/v1/bodies/${chairGroupId}/chair-rule`, { chairRule: "each" }))
        .statusCode,
    ).toBe(403);
    const set = await as("chair", "PUT", `/api/v1/bodies/${chairGroupId}/chair-rule`, { chairRule: "each" });
    expect(set.statusCode, set.body).toBe(200);
    expect((await as("secretary", "GET", `/api/v1/bodies/${chairGroupId}/chair-rule`)).json().chairRule).toBe(
      "each",
    );

    const both = await put(chairGroupId, { title: "Begge godkender" });
    const id = both.json().id;
    expect(both.json()).toMatchObject({ chairRule: "each", status: "open" });
    const first = await decide("chair", id, "approved");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: "open", canDecide: false });
    expect((await decide("chair", id, "rejected")).statusCode).toBe(409);
    expect((await as("vice", "GET", `/api/v1/matters/${id}`)).json().canDecide).toBe(true);
    const second = await decide("vice", id, "approved_with_remark", "Husk evaluering");
    expect(second.json()).toMatchObject({ status: "approved_with_remark" });
    expect(second.json().decisionRemark).toContain("Husk evaluering");
    expect(
      second
        .json()
        .answers.map((a: { answer: string }) => a.answer)
        .sort(),
    ).toEqual(["approve", "remark"]);

    const one = await put(chairGroupId, { title: "Én afviser" });
    await decide("chair", one.json().id, "approved");
    const veto = await decide("vice", one.json().id, "rejected");
    expect(veto.json().status).toBe("rejected");

    const early = await put(chairGroupId, { title: "Afvist straks" });
    expect((await decide("vice", early.json().id, "rejected")).json().status).toBe("rejected");
    // The admin may decide under "any", but is no member of the chair group under "each".
    expect(
      (await decide("admin", (await put(chairGroupId, { title: "Admin" })).json().id, "approved")).statusCode,
    ).toBe(403);

    // The chair alone: the vice-chair may not decide.
    await as("chair", "PUT", `/api/v1/bodies/${chairGroupId}/chair-rule`, { chairRule: "chair" });
    const alone = await put(chairGroupId, { title: "Formanden alene" });
    expect(alone.json().chairRule).toBe("chair");
    expect((await decide("vice", alone.json().id, "approved")).statusCode).toBe(403);
    expect((await decide("chair", alone.json().id, "approved")).json().status).toBe("approved");
    await as("chair", "PUT", `/api/v1/bodies/${chairGroupId}/chair-rule`, { chairRule: "any" });
  });

  it("written procedure to one representative per party: each party answers once; a party answering twice is refused", async () => {
    const res = await as("secretary", "POST", "/api/v1/matters", {
      bodyId: w.ssu.id,
      procedure: "written_procedure",
      title: "Fælles høringssvar",
      question: "Godkendes høringssvaret?",
      rule: "unanimity",
      deadline: new Date(Date.now() + 3 * DAY).toISOString(),
      audience: "party_representatives",
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(res.json().audience).toBe("party_representatives");
    // The region's representative is its chair; Esbjerg's the first of its two members.
    expect(
      res
        .json()
        .answers.map((a: { personId: number }) => a.personId)
        .sort((x: number, y: number) => x - y),
    ).toEqual([w.people.chair.id, extra.esbjerg1.id].sort((x, y) => x - y));
    expect(
      res
        .json()
        .answers.map((a: { party: string }) => a.party)
        .sort(),
    ).toEqual(["Esbjerg Kommune", "Region Testkyst"]);
    const answer = (who: Who, a: string) => as(who, "POST", `/api/v1/matters/${id}/answers`, { answer: a });
    expect((await answer("outsider", "approve")).statusCode).toBe(404);
    // Any member of a party may answer for it, once.
    const region = await answer("member", "approve");
    expect(region.statusCode, region.body).toBe(200);
    expect(region.json().canAnswer).toBe(false);
    const twice = await answer("chair", "reject");
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain("allerede svaret");
    expect((await answer("member", "reject")).statusCode).toBe(409);
    const esbjerg = await answer("esbjerg2", "approve");
    expect(esbjerg.statusCode, esbjerg.body).toBe(200);
    // Both parties have answered: the result is in, by party.
    expect(esbjerg.json().status).toBe("approved");
    expect((await answer("esbjerg1", "reject")).statusCode).toBe(409);
    const [row] = (
      (await t().database.db.execute(
        sql`select result from matters where id = ${Number(id)}`,
      )) as unknown as { rows: { result: { members: number; notAnswered: unknown[] } }[] }
    ).rows;
    expect(row?.result.members).toBe(2);
    expect(row?.result.notAnswered).toEqual([]);
  });

  it("a decision on a case appears on the case's timeline for members, not for the public until published", async () => {
    const created = await as("secretary", "POST", "/api/v1/cases", { title: "Sag om genoptræning" });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id;
    const open = await put(w.ssu.id, {
      title: "Genoptræningsplan godkendes",
      linkKind: "case",
      linkId: caseId,
    });
    const closed = await put(w.ssu.id, {
      title: `Lukket ${SECRET}`,
      access: "closed",
      linkKind: "case",
      linkId: caseId,
    });
    const waiting = await put(w.ssu.id, { title: "Venter", linkKind: "case", linkId: caseId });
    expect((await decide("chair", open.json().id, "approved")).statusCode).toBe(200);
    expect((await decide("chair", closed.json().id, "rejected")).statusCode).toBe(200);
    const timeline = await as("member", "GET", `/api/v1/cases/${caseId}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    expect(
      timeline.json().decisions.map((d: { title: string; status: string }) => [d.title, d.status]),
    ).toEqual([
      ["Genoptræningsplan godkendes", "approved"],
      [`Lukket ${SECRET}`, "rejected"],
    ]);
    expect(timeline.json().decisions[0].path).toBe(`/arbejdsrum/beslutningssager/${open.json().id}`);
    expect(waiting.json().status).toBe("open");
    for (const who of ["public", "outsider"] as const) {
      const seen = await as(who, "GET", `/api/v1/cases/${caseId}/timeline`);
      expect(seen.body).not.toContain(SECRET);
      if (seen.statusCode === 200) {
        expect(seen.json().decisions).toEqual([]);
      }
    }
    const page = await t().request({ method: "GET", url: `/sager/${caseId}`, token: w.users.member.token });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Beslutninger mellem møder");
    expect(page.body).toContain(`href="/arbejdsrum/beslutningssager/${open.json().id}"`);
    const publicPage = await t().request({ method: "GET", url: `/sager/${caseId}` });
    expect(publicPage.body).not.toContain(SECRET);
    expect(publicPage.body).not.toContain("Beslutninger mellem møder");
    // A case not yet on any agenda says it was decided between meetings — to those who see the decision.
    expect(timeline.json().entries).toEqual([]);
    expect(page.body).toContain("afgjort mellem møderne");
    expect(publicPage.body).not.toContain("afgjort mellem møderne");
  });

  it("files on a closed matter: the secretariat attaches them, members read them, nobody else", async () => {
    const res = await put(w.ssu.id, { title: "Lukket sag med bilag", access: "closed" });
    const id = res.json().id;
    const upload = (who: Who, fileName: string, body: string, type = "text/plain") =>
      t().request({
        method: "POST",
        url: `/api/v1/matters/${id}/attachments?fileName=${encodeURIComponent(fileName)}`,
        token: tokenOf(who),
        headers: { "content-type": type },
        payload: body,
      });
    const ok = await upload("secretary", "notat.txt", `Notat ${SECRET}`);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      fileName: "notat.txt",
      title: "notat",
      mimeType: expect.stringContaining("text/plain"),
    });
    expect((await upload("member", "notat.txt", "fra et medlem")).statusCode).toBe(403);
    expect((await upload("outsider", "notat.txt", "udefra")).statusCode).toBe(404);
    expect(
      (await upload("secretary", "side.html", "<script>alert(1)</script>", "text/html")).statusCode,
    ).toBe(400);
    const url = `/api/v1/matters/${id}/attachments/${ok.json().id}/content`;
    const member = await as("member", "GET", url);
    expect(member.statusCode).toBe(200);
    expect(member.body).toContain(SECRET);
    expect(member.headers["content-disposition"]).toContain("attachment");
    for (const who of ["public", "outsider"] as const) {
      const seen = await as(who, "GET", url);
      expect(seen.statusCode).toBe(404);
      expect(seen.body).not.toContain(SECRET);
      expect((await as(who, "GET", `/api/v1/matters/${id}`)).body).not.toContain("notat.txt");
    }
    expect((await as("member", "GET", `/api/v1/matters/${id}`)).json().attachments).toHaveLength(1);
    await decide("chair", id, "approved");
    expect((await upload("secretary", "sent.txt", "for sent")).statusCode).toBe(409);
  });

  it("the secretariat's form takes the deadline as a Danish date and time, and says so in Danish when it is none", async () => {
    const inject = (o: {
      method: "GET" | "POST";
      url: string;
      headers?: Record<string, string>;
      payload?: string;
    }) => t().app.inject(o);
    const cookie = await pageLogin(inject, "sekretaer@test.dk", "korrekt-hest-batteri");
    const post = (deadlineDate: string, deadlineTime: string) =>
      inject({
        method: "POST",
        url: `/arbejdsrum/organer/${w.ssu.id}/beslutningssager`,
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({
          procedure: "written_procedure",
          title: `Skriftlig sag ${deadlineDate}`,
          question: "Godkendes?",
          rule: "majority",
          audience: "party_representatives",
          deadlineDate,
          deadlineTime,
          _csrf: csrfFor(cookie),
        }).toString(),
      });
    const form = await inject({
      method: "GET",
      url: `/arbejdsrum/organer/${w.ssu.id}/beslutningssager`,
      headers: { cookie },
    });
    expect(form.body).not.toContain('type="datetime-local"');
    expect(form.body).toContain('id="deadlineDate"');
    const bad = await post("31-02-2030", "14.30");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv svarfristen som en dato, der findes");
    const ok = await post("21. januar 2030", "14.30");
    expect(ok.statusCode, ok.body).toBe(303);
    const id = Number(/beslutningssager\/(\d+)/.exec(String(ok.headers.location))?.[1]);
    const created = (await as("secretary", "GET", `/api/v1/matters/${id}`)).json();
    expect(created).toMatchObject({ audience: "party_representatives", rule: "majority" });
    expect(created.deadline).toBe("2030-01-21T13:30:00.000Z");
  });

  it("the chair sets the body's rule on its matters page; a member may not", async () => {
    const inject = (o: {
      method: "GET" | "POST";
      url: string;
      headers?: Record<string, string>;
      payload?: string;
    }) => t().app.inject(o);
    const url = `/arbejdsrum/organer/${w.ssu.id}/beslutningssager/regel`;
    const post = (cookie: string, chairRule: string) =>
      inject({
        method: "POST",
        url,
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ chairRule, _csrf: csrfFor(cookie) }).toString(),
      });
    const member = await pageLogin(inject, "medlem@test.dk", "korrekt-hest-batteri");
    expect((await post(member, "each")).statusCode).toBe(403);
    const chair = await pageLogin(inject, "formand@test.dk", "korrekt-hest-batteri");
    const page = await inject({
      method: "GET",
      url: `/arbejdsrum/organer/${w.ssu.id}/beslutningssager`,
      headers: { cookie: chair },
    });
    expect(page.body).toContain(`action="${url}"`);
    const saved = await post(chair, "chair");
    expect(saved.statusCode, saved.body).toBe(303);
    expect((await as("member", "GET", `/api/v1/bodies/${w.ssu.id}/chair-rule`)).json().chairRule).toBe(
      "chair",
    );
    expect((await post(chair, "nobody")).statusCode).toBe(400);
    await post(chair, "any");
  });

  it("export and restore carry the body rules, the party answers and the files losslessly", async () => {
    const exported = await exportAll(t().database.db, new Date(0));
    expect(exported.tables.matterBodyRules?.length).toBe(2);
    expect(exported.tables.matterAttachments?.length).toBe(1);
    const target = await createTestDatabase(kind);
    try {
      await restoreAll(target.database.db, JSON.parse(JSON.stringify(exported)));
      expect(await exportAfterRestore(target.database.db)).toEqual(exported);
    } finally {
      await target.drop();
    }
  }, 180_000);
});
