import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog } from "../../src/modules/audit/index.ts";
import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { createBody } from "../../src/modules/bodies/index.ts";
import { createMeeting } from "../../src/modules/meetings/index.ts";
import type { TObligation } from "../../src/modules/obligations/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const DAY = 86_400_000;
const day = (offset: number) =>
  new Date(Date.now() + offset * DAY).toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
const PASSWORD = "korrekt-hest-batteri";

describeEachDatabase("Obligations fanned out from a decision (issue 22.1)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const clusters: Record<"a" | "b" | "c" | "d", { id: number }> = {} as never;
  const secretaries: Record<"a" | "b" | "c" | "d", string> = {} as never;
  let obligation: TObligation;
  let next: { id: number };

  const api = async (method: "GET" | "POST", url: string, token: string | undefined, payload?: object) => {
    const res = await t().request({ method, url, token, ...(payload ? { payload } : {}) });
    return res;
  };

  beforeAll(async () => {
    const { system } = t();
    w = await seedWorld(system);
    for (const key of ["a", "b", "c", "d"] as const) {
      const body = await createBody(system, {
        name: `Sundhedsklynge ${key.toUpperCase()} – FSN`,
        kind: "cluster_professional",
        region: "Testkyst",
      });
      clusters[key] = body;
      const person = await createPerson(system, { name: `Klyngesekretær ${key.toUpperCase()}` });
      await createMembership(system, { personId: person.id, bodyId: body.id, role: "secretary" });
      const user = await createUser(system, {
        email: `klynge-${key}@test.dk`,
        name: `klynge-${key}`,
        password: PASSWORD,
        personId: person.id,
      });
      secretaries[key] = (
        await createApiToken({ db: system.db, actor: { ...PUBLIC_ACTOR, userId: user.id } }, { name: "t" })
      ).token;
    }
    // Not addressees: a cluster of another region, a closed cluster of the same region, another kind.
    await createBody(system, {
      name: "Klynge i Andetsted",
      kind: "cluster_professional",
      region: "Andetsted",
    });
    await createBody(system, {
      name: "Nedlagt klynge",
      kind: "cluster_professional",
      region: "Testkyst",
      validTo: "2024-12-31",
    });
    await createBody(system, { name: "Klynge Testkyst – PN", kind: "cluster_political", region: "Testkyst" });
    next = await createMeeting(system, { bodyId: w.ssu.id, start: new Date(Date.now() + 30 * DAY) });
  });

  it("fans a decision out to every current cluster of the region, one obligation each", async () => {
    const res = await api("POST", `/api/v1/items/${w.items.open.id}/obligations`, w.users.secretary.token, {
      text: "Udarbejd en konkretiseret lokal implementeringsplan.",
      deadline: day(-1),
      returns: "document",
      addressees: { region: "Testkyst", kinds: ["cluster_professional"] },
    });
    expect(res.statusCode, res.body).toBe(201);
    obligation = res.json();
    expect(obligation.addressees.map((a) => a.bodyId).sort()).toEqual(
      Object.values(clusters)
        .map((c) => c.id)
        .sort(),
    );
    expect(obligation.rollUp).toMatchObject({ addressees: 4, answered: 0, open: 4, late: 4 });
    for (const key of ["a", "b", "c", "d"] as const) {
      const own = await api("GET", `/api/v1/bodies/${clusters[key].id}/obligations`, secretaries[key]);
      expect(own.statusCode).toBe(200);
      const received = own.json().received as TObligation[];
      expect(received).toHaveLength(1);
      // an addressee sees its own row only, not the other clusters' answers
      expect(received[0]?.addressees.map((a) => a.bodyId)).toEqual([clusters[key].id]);
    }
  });

  it("refuses others: a non-addressee sees nothing, a cluster cannot answer for another, members cannot fan out", async () => {
    const url = `/api/v1/obligations/${obligation.id}`;
    expect((await api("GET", url, w.users.outsider.token)).statusCode).toBe(404);
    expect((await api("GET", url, undefined)).statusCode).toBe(404);
    const asOutsider = await api("POST", `${url}/answers`, w.users.outsider.token, {
      bodyId: clusters.a.id,
      state: "done",
      answerText: "Udført",
    });
    expect(asOutsider.statusCode).toBe(404);
    const forAnother = await api("POST", `${url}/answers`, secretaries.a, {
      bodyId: clusters.b.id,
      state: "done",
      answerText: "Udført",
    });
    expect(forAnother.statusCode).toBe(404);
    const asDecidingMember = await api("POST", `${url}/answers`, w.users.member.token, {
      bodyId: clusters.b.id,
      state: "done",
      answerText: "Udført",
    });
    expect(asDecidingMember.statusCode).toBe(403);
    const fanOut = await api("POST", `/api/v1/items/${w.items.open.id}/obligations`, w.users.member.token, {
      text: "x",
      deadline: day(5),
      returns: "answer",
      addressees: { bodyIds: [clusters.a.id] },
    });
    expect(fanOut.statusCode).toBe(403);
    const page = await t().app.inject({
      method: "GET",
      url: `/arbejdsrum/forpligtelser/${obligation.id}`,
      headers: {
        accept: "text/html",
        cookie: await pageLogin(t().app.inject.bind(t().app), "udenfor@test.dk", PASSWORD),
      },
    });
    expect(page.statusCode).toBe(404);
    const after = (await api("GET", url, w.users.secretary.token)).json() as TObligation;
    expect(after.rollUp.answered).toBe(0);
  });

  it("rolls up answers: done in the browser, not relevant with a reason, more time, and one late", async () => {
    // Cluster A's secretary answers on the page, as a browser without JavaScript would.
    const inject = t().app.inject.bind(t().app);
    const cookie = await pageLogin(inject, "klynge-a@test.dk", PASSWORD);
    const form = await inject({
      method: "GET",
      url: `/arbejdsrum/forpligtelser/${obligation.id}`,
      headers: { accept: "text/html", cookie },
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Udarbejd en konkretiseret lokal implementeringsplan.");
    expect(form.body).toContain('name="state"');
    const posted = await inject({
      method: "POST",
      url: `/arbejdsrum/forpligtelser/${obligation.id}/svar`,
      headers: { accept: "text/html", cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        _csrf: csrfFor(cookie),
        bodyId: String(clusters.a.id),
        state: "done",
        answerText: "Planen er vedtaget i klyngen.",
        link: "https://example.org/plan.pdf",
      }).toString(),
    });
    expect(posted.statusCode, posted.body).toBe(303);
    // A reason is required for "not relevant": the form comes back with the error, nothing is saved.
    const missing = await api("POST", `/api/v1/obligations/${obligation.id}/answers`, secretaries.b, {
      bodyId: clusters.b.id,
      state: "not_relevant",
    });
    expect(missing.statusCode).toBe(400);
    const notRelevant = await api("POST", `/api/v1/obligations/${obligation.id}/answers`, secretaries.b, {
      bodyId: clusters.b.id,
      state: "not_relevant",
      reason: "Klyngen har ingen akutmodtagelse.",
    });
    expect(notRelevant.statusCode).toBe(200);
    const moreTime = await api("POST", `/api/v1/obligations/${obligation.id}/answers`, secretaries.d, {
      bodyId: clusters.d.id,
      state: "more_time",
      newDeadline: day(20),
    });
    expect(moreTime.statusCode, moreTime.body).toBe(200);
    const o = (
      await api("GET", `/api/v1/obligations/${obligation.id}`, w.users.secretary.token)
    ).json() as TObligation;
    expect(o.rollUp).toEqual({
      addressees: 4,
      answered: 2,
      done: 1,
      notRelevant: 1,
      moreTime: 1,
      open: 1,
      late: 1,
    });
    const byBody = new Map(o.addressees.map((a) => [a.bodyId, a]));
    expect(byBody.get(clusters.a.id)).toMatchObject({
      state: "done",
      link: "https://example.org/plan.pdf",
      late: false,
    });
    expect(byBody.get(clusters.c.id)).toMatchObject({ state: "open", late: true });
    expect(byBody.get(clusters.d.id)).toMatchObject({ state: "more_time", due: day(20), late: false });
    // Every answer is in the audit log (database triggers), with who gave it.
    const audited = await t()
      .system.db.select({ actor: auditLog.actor, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.tableName, "obligation_addressees"), eq(auditLog.action, "update")));
    expect(audited.length).toBeGreaterThanOrEqual(3);
    expect(audited.map((a) => JSON.stringify(a.after)).join()).toContain("Klyngen har ingen akutmodtagelse.");
    // The deciding body's workspace shows the same roll-up.
    const ssuCookie = await pageLogin(inject, "sekretaer@test.dk", PASSWORD);
    const page = await inject({
      method: "GET",
      url: `/arbejdsrum/organer/${w.ssu.id}/forpligtelser`,
      headers: { accept: "text/html", cookie: ssuCookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("2 af 4 har svaret · 1 for sent · 1 har bedt om mere tid");
  });

  it("puts 'Status for opfølgning hos …' on the deciding body's next agenda, once", async () => {
    const res = await api(
      "POST",
      `/api/v1/obligations/${obligation.id}/status-item`,
      w.users.secretary.token,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().meetingId).toBe(next.id);
    const status = (
      await api("GET", `/api/v1/items/${res.json().itemId}`, w.users.secretary.token)
    ).json() as {
      id: number;
      title: string;
      access: string;
      meetingId: number;
      sections: { summary?: string };
    };
    expect(status.meetingId).toBe(next.id);
    expect(status?.title).toBe("Status for opfølgning hos 4 fora");
    expect(status?.access).toBe("open");
    expect(status?.sections.summary).toContain("2 af 4 har svaret; 1 er for sent; 1 har bedt om mere tid.");
    expect(status?.sections.summary).toContain(
      "| Sundhedsklynge B – FSN | Ikke relevant | Klyngen har ingen akutmodtagelse. |",
    );
    const again = await api(
      "POST",
      `/api/v1/obligations/${obligation.id}/status-item`,
      w.users.secretary.token,
    );
    expect(again.statusCode).toBe(409);
    // The secretariat edits it like any item before publishing.
    const edited = await api("PATCH" as "POST", `/api/v1/items/${status?.id}`, w.users.secretary.token, {
      version: 1,
      title: "Status for opfølgning hos sundhedsklyngerne",
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it("keeps an obligation from a closed item to the addressee's and the deciding body's members (canary)", async () => {
    const res = await api("POST", `/api/v1/items/${w.items.closed.id}/obligations`, w.users.secretary.token, {
      text: `Forhandl ${SECRET} lokalt.`,
      deadline: day(10),
      returns: "answer",
      addressees: { bodyIds: [clusters.a.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const closed = res.json() as TObligation;
    const status = await api("POST", `/api/v1/obligations/${closed.id}/status-item`, w.users.secretary.token);
    expect(status.statusCode, status.body).toBe(201);
    // The ones who may: the addressee's secretary and the deciding body's member.
    expect((await api("GET", `/api/v1/obligations/${closed.id}`, secretaries.a)).body).toContain(SECRET);
    expect((await api("GET", `/api/v1/obligations/${closed.id}`, w.users.member.token)).body).toContain(
      SECRET,
    );
    const inject = t().app.inject.bind(t().app);
    const outsiderCookie = await pageLogin(inject, "udenfor@test.dk", PASSWORD);
    const bCookie = await pageLogin(inject, "klynge-b@test.dk", PASSWORD);
    const surfaces = [
      `/api/v1/obligations/${closed.id}`,
      `/api/v1/items/${w.items.closed.id}/obligations`,
      `/api/v1/bodies/${clusters.b.id}/obligations`,
      `/api/v1/bodies/${w.ssu.id}/obligations`,
      `/api/v1/items/${status.json().itemId}`,
      `/api/v1/meetings/${next.id}/items`,
      "/api/v1/search?q=lokalt",
      `/api/v1/feed.atom`,
      `/api/v1/actions`,
      `/arbejdsrum/forpligtelser/${closed.id}`,
      `/arbejdsrum/forpligtelser/punkt/${w.items.closed.id}`,
      `/arbejdsrum/organer/${clusters.b.id}/forpligtelser`,
      `/moeder/${next.id}`,
      "/soeg?q=lokalt",
      `/nyt.atom`,
    ];
    for (const url of surfaces) {
      for (const reader of [
        { token: undefined, cookie: undefined },
        { token: w.users.outsider.token, cookie: outsiderCookie },
        { token: secretaries.b, cookie: bCookie },
      ]) {
        const res = url.startsWith("/api/")
          ? await api("GET", url, reader.token)
          : await inject({
              method: "GET",
              url,
              headers: { accept: "text/html", ...(reader.cookie ? { cookie: reader.cookie } : {}) },
            });
        expect(res.body, `${url} as ${reader.token ? "a reader" : "anonymous"}`).not.toContain(SECRET);
      }
    }
  });
});
