import { randomBytes } from "node:crypto";
import type { InjectOptions } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import { createBody } from "../../src/modules/bodies/index.ts";
import { addConsultation, createCase } from "../../src/modules/cases/index.ts";
import { createMailer } from "../../src/modules/mail/index.ts";
import { runNotifications } from "../../src/modules/notifications/index.ts";
import { runObligationReminders, type TObligation } from "../../src/modules/obligations/index.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";
import { type Received, useSmtpServer } from "../helpers/smtp.ts";
import { exportAfterRestore } from "../helpers/snapshot.ts";

const DAY = 86_400_000;
const day = (offset: number, from = Date.now()) =>
  new Date(from + offset * DAY).toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
const danish = (iso: string) => iso.split("-").reverse().join(".");
const PASSWORD = "korrekt-hest-batteri";
const BASE = "https://tvaers.test";
const MAX_UPLOAD = 64 * 1024;

/** A browser's multipart form: text fields and at most one file. */
function multipart(
  fields: Record<string, string | string[]>,
  file?: { field: string; name: string; bytes: Uint8Array },
) {
  const boundary = `tvaers-${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat()) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`),
      );
    }
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDatabase("Obligations to parties, with files, feedback requests and mails (issue 22)", (kind) => {
  const t = useTestApp(kind, { maxUploadBytes: MAX_UPLOAD });
  const smtp = useSmtpServer();
  let w: World;
  const tokens: Record<"cluster" | "tss" | "kim" | "hanne" | "finn", string> = {} as never;
  let cluster: { id: number };
  let tss: { id: number };
  let testby: { id: number };
  let havby: { id: number };
  let fjernby: { id: number };
  let fanned: TObligation;

  const api = (method: "GET" | "POST", url: string, token?: string, payload?: object) =>
    t().request({ method, url, token, ...(payload ? { payload } : {}) });
  const inject = (opts: InjectOptions) => t().app.inject(opts);
  const page = async (url: string, cookie?: string) => {
    await t().app.background.drain();
    return inject({ method: "GET", url, headers: { accept: "text/html", ...(cookie ? { cookie } : {}) } });
  };
  const postForm = async (
    url: string,
    cookie: string,
    fields: Record<string, string | string[]>,
    file?: Parameters<typeof multipart>[1],
  ) => {
    const form = multipart({ ...fields, _csrf: csrfFor(cookie) }, file);
    const res = await inject({
      method: "POST",
      url,
      headers: { accept: "text/html", cookie, "content-type": form.contentType },
      payload: form.payload,
    });
    await t().app.background.drain();
    return res;
  };
  const sendMails = async () => {
    const mailer = await createMailer(
      { smtpUrl: smtp.url(), mailFrom: "Tværs <tvaers@test.invalid>" },
      { timeoutMs: 3000 },
    );
    try {
      await t().app.background.drain();
      return await runNotifications(t().database.db, {
        send: (m) => (mailer ? mailer.send(m) : Promise.resolve()),
        baseUrl: BASE,
        reminders: false,
      });
    } finally {
      mailer?.close();
    }
  };
  const mailsTo = (address: string, from: number): Received[] =>
    smtp.received.slice(from).filter((r) => r.to.includes(address));

  async function userFor(email: string, personId: number) {
    const user = await createUser(t().system, { email, name: email, password: PASSWORD, personId });
    const actor = { ...PUBLIC_ACTOR, userId: user.id };
    return (await createApiToken({ db: t().system.db, actor }, { name: "t" })).token;
  }

  beforeAll(async () => {
    const { system } = t();
    w = await seedWorld(system);
    testby = await createParty(system, { type: "municipality", name: "Testby Kommune", region: "Testkyst" });
    havby = await createParty(system, { type: "municipality", name: "Havby Kommune", region: "Testkyst" });
    fjernby = await createParty(system, {
      type: "municipality",
      name: "Fjernby Kommune",
      region: "Andetsted",
    });
    cluster = await createBody(system, {
      name: "Sundhedsklynge Testkyst – FSN",
      kind: "cluster_professional",
      region: "Testkyst",
    });
    tss = await createBody(system, { name: "Tværsektorielt samarbejde (TSS)", kind: "follow_group" });
    // The municipalities' representatives sit in a municipal forum on behalf of their municipality.
    const forum = await createBody(system, { name: "Kommunalt forum", kind: "municipal_forum" });
    const people = [
      { key: "cluster", name: "Klara Klynge", body: cluster.id, role: "secretary", party: null },
      { key: "tss", name: "Tove TSS", body: tss.id, role: "secretary", party: null },
      { key: "kim", name: "Kim Testby", body: forum.id, role: "member", party: testby.id },
      { key: "hanne", name: "Hanne Havby", body: forum.id, role: "member", party: havby.id },
      { key: "finn", name: "Finn Fjernby", body: forum.id, role: "member", party: fjernby.id },
    ] as const;
    for (const p of people) {
      const person = await createPerson(system, { name: p.name });
      await createMembership(system, {
        personId: person.id,
        bodyId: p.body,
        role: p.role,
        ...(p.party ? { partyId: p.party } : {}),
      });
      tokens[p.key] = await userFor(`${p.key}@test.dk`, person.id);
    }
  });

  it("fans out to all municipalities of a region and its clusters; each is told by mail with a link to answer", async () => {
    const before = smtp.received.length;
    const res = await api("POST", `/api/v1/items/${w.items.open.id}/obligations`, w.users.secretary.token, {
      text: "Udarbejd en lokal plan for genoptræning.",
      deadline: day(20),
      returns: "document",
      addressees: { region: "Testkyst", kinds: ["cluster_professional"], partyTypes: ["municipality"] },
    });
    expect(res.statusCode, res.body).toBe(201);
    fanned = res.json();
    expect(fanned.addressees.map((a) => a.name).sort()).toEqual([
      "Havby Kommune",
      "Sundhedsklynge Testkyst – FSN",
      "Testby Kommune",
    ]);
    expect(fanned.addressees.find((a) => a.name === "Testby Kommune")?.partyId).toBe(testby.id);
    await sendMails();
    for (const who of ["cluster", "kim", "hanne"]) {
      const mails = mailsTo(`${who}@test.dk`, before);
      expect(mails, who).toHaveLength(1);
      expect(mails[0]?.text).toContain("Ny forpligtelse fra Sundhedssamarbejdsudvalget");
      expect(mails[0]?.text).toContain("Udarbejd en lokal plan for genoptræning.");
      expect(mails[0]?.text).toContain(`${BASE}/arbejdsrum/forpligtelser/${fanned.id}`);
    }
    for (const who of ["finn", "medlem", "udenfor", "sekretaer", "tss"]) {
      expect(mailsTo(`${who}@test.dk`, before), who).toHaveLength(0);
    }
    // A second run sends nothing again.
    const count = smtp.received.length;
    await sendMails();
    expect(smtp.received.length).toBe(count);
  });

  it("lets a party's representatives see and answer their own row only (one rule: mayAnswerFor)", async () => {
    const url = `/api/v1/obligations/${fanned.id}`;
    const asKim = await api("GET", url, tokens.kim);
    expect(asKim.statusCode).toBe(200);
    expect((asKim.json() as TObligation).addressees.map((a) => [a.name, a.mayAnswer])).toEqual([
      ["Testby Kommune", true],
    ]);
    expect((await api("GET", url, tokens.finn)).statusCode).toBe(404);
    const forHavby = await api("POST", `${url}/answers`, tokens.kim, {
      partyId: havby.id,
      state: "done",
      answerText: "Udført",
    });
    expect(forHavby.statusCode).toBe(404);
    // The deciding body's member sees the party's row but does not answer for it.
    const asMember = await api("POST", `${url}/answers`, w.users.member.token, {
      partyId: testby.id,
      state: "done",
      answerText: "Udført",
    });
    expect(asMember.statusCode).toBe(403);
    const both = await api("POST", `${url}/answers`, tokens.kim, {
      partyId: testby.id,
      bodyId: cluster.id,
      state: "done",
      answerText: "Udført",
    });
    expect(both.statusCode).toBe(400);
    const done = await api("POST", `${url}/answers`, tokens.kim, {
      partyId: testby.id,
      state: "done",
      answerText: "Planen er vedtaget i byrådet.",
    });
    expect(done.statusCode, done.body).toBe(200);
    const mine = await page("/arbejdsrum/forpligtelser", await pageLogin(inject, "kim@test.dk", PASSWORD));
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain("Udarbejd en lokal plan for genoptræning.");
    expect(mine.body).toContain("Testby Kommune: Udført");
  });

  it("reminds the addressees who have not answered once, a few days before the deadline", async () => {
    const soon = new Date(Date.now() + 18 * DAY);
    expect(await runObligationReminders(t().database.db, soon)).toBe(2);
    expect(await runObligationReminders(t().database.db, soon)).toBe(0);
    const before = smtp.received.length;
    // The mails go out now (sent at the pretended date they would count as a week old and expire).
    await sendMails();
    for (const who of ["cluster", "hanne"]) {
      const mails = mailsTo(`${who}@test.dk`, before);
      expect(mails, who).toHaveLength(1);
      expect(mails[0]?.text).toContain(
        "Påmindelse: fristen for en forpligtelse fra Sundhedssamarbejdsudvalget",
      );
    }
    expect(mailsTo("kim@test.dk", before)).toHaveLength(0);
    const o = (
      await api("GET", `/api/v1/obligations/${fanned.id}`, w.users.secretary.token)
    ).json() as TObligation;
    expect(
      o.addressees
        .filter((a) => a.remindedAt !== null)
        .map((a) => a.name)
        .sort(),
    ).toEqual(["Havby Kommune", "Sundhedsklynge Testkyst – FSN"]);
  });

  it("takes an answer with a file in the browser and through the API; the file goes only to those who may see the row", async () => {
    const hanne = await pageLogin(inject, "hanne@test.dk", PASSWORD);
    const form = await page(`/arbejdsrum/forpligtelser/${fanned.id}`, hanne);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain(`name="partyId" value="${havby.id}"`);
    const svar = `/arbejdsrum/forpligtelser/${fanned.id}/svar`;
    const fields = { partyId: String(havby.id), state: "done", answerText: "" };
    // Refused: a script dressed as a document, and a file above the limit; nothing is saved.
    const html = await postForm(svar, hanne, fields, {
      field: "file",
      name: "plan.html",
      bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>"),
    });
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain("ikke tilladt");
    const big = await postForm(svar, hanne, fields, {
      field: "file",
      name: "plan.txt",
      bytes: new Uint8Array(MAX_UPLOAD + 10).fill(65),
    });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain("Filen er for stor");
    let o = (
      await api("GET", `/api/v1/obligations/${fanned.id}`, w.users.secretary.token)
    ).json() as TObligation;
    expect(o.addressees.find((a) => a.partyId === havby.id)?.state).toBe("open");
    const ok = await postForm(svar, hanne, fields, {
      field: "file",
      name: "Havby plan.txt",
      bytes: new TextEncoder().encode("Havbys plan for genoptræning"),
    });
    expect(ok.statusCode, ok.body).toBe(303);
    o = (await api("GET", `/api/v1/obligations/${fanned.id}`, w.users.secretary.token)).json() as TObligation;
    const row = o.addressees.find((a) => a.partyId === havby.id);
    expect(row).toMatchObject({
      state: "done",
      file: { fileName: "Havby plan.txt", mimeType: expect.stringMatching(/^text\/plain/) },
    });
    const fileUrl = `/api/v1/obligations/${fanned.id}/addressees/${row?.id}/file`;
    const download = await api("GET", fileUrl, w.users.member.token);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe("Havbys plan for genoptræning");
    expect(download.headers["cache-control"]).toContain("no-store");
    for (const token of [tokens.kim, tokens.finn, w.users.outsider.token, undefined]) {
      expect((await api("GET", fileUrl, token)).statusCode).toBe(404);
    }
    // The roll-up page links the file.
    const rollUp = await page(
      `/arbejdsrum/forpligtelser/${fanned.id}`,
      await pageLogin(inject, "sekretaer@test.dk", PASSWORD),
    );
    expect(rollUp.body).toContain(`/arbejdsrum/forpligtelser/${fanned.id}/svar/${row?.id}/fil`);
    // The API: raw bytes, the type decided by the content.
    const put = await t().request({
      method: "PUT",
      url: `/api/v1/obligations/${fanned.id}/answers/file?bodyId=${cluster.id}&fileName=klynge.txt`,
      payload: "Klyngens plan",
      headers: { "content-type": "text/plain" },
      token: tokens.cluster,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as TObligation).addressees[0]).toMatchObject({
      state: "done",
      file: { fileName: "klynge.txt" },
    });
    const refused = await t().request({
      method: "PUT",
      url: `/api/v1/obligations/${fanned.id}/answers/file?bodyId=${cluster.id}&fileName=x.exe`,
      payload: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
      headers: { "content-type": "application/octet-stream" },
      token: tokens.cluster,
    });
    expect(refused.statusCode).toBe(400);
  });

  it("sends a report for feedback to several bodies from the decision's page and shows the answers side by side", async () => {
    const secretary = await pageLogin(inject, "sekretaer@test.dk", PASSWORD);
    const itemPage = await page(`/arbejdsrum/forpligtelser/punkt/${w.items.open.id}`, secretary);
    expect(itemPage.body).toContain('value="feedback"');
    expect(itemPage.body).toContain('name="partyTypes"');
    const sent = await postForm(
      `/arbejdsrum/forpligtelser/punkt/${w.items.open.id}`,
      secretary,
      {
        kind: "feedback",
        text: "Behandl DÆMP-rapporten og meld tilbage til styregruppen.",
        deadline: danish(day(30)),
        returns: "document",
        bodyIds: [String(cluster.id), String(tss.id)],
      },
      { field: "report", name: "DÆMP-rapport.txt", bytes: new TextEncoder().encode("Rapportens indhold") },
    );
    expect(sent.statusCode, sent.body).toBe(303);
    const list = (
      await api("GET", `/api/v1/items/${w.items.open.id}/obligations`, w.users.secretary.token)
    ).json() as TObligation[];
    const feedback = list.find((o) => o.kind === "feedback") as TObligation;
    expect(feedback).toMatchObject({ returns: "answer", report: { fileName: "DÆMP-rapport.txt" } });
    expect(feedback.addressees.map((a) => a.bodyId).sort()).toEqual([cluster.id, tss.id].sort());
    const report = await api("GET", `/api/v1/obligations/${feedback.id}/report`, tokens.tss);
    expect(report.body).toBe("Rapportens indhold");
    for (const [token, bodyId, text] of [
      [tokens.cluster, cluster.id, "Klyngen bakker op om rapportens anbefalinger."],
      [tokens.tss, tss.id, "TSS ønsker en tydeligere rollefordeling."],
    ] as const) {
      const res = await api("POST", `/api/v1/obligations/${feedback.id}/answers`, token, {
        bodyId,
        state: "done",
        answerText: text,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const side = await page(`/arbejdsrum/forpligtelser/${feedback.id}/side-om-side`, secretary);
    expect(side.statusCode).toBe(200);
    expect(side.body).toContain("Svarene side om side");
    const columns = [...side.body.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(columns).toEqual(["Sundhedsklynge Testkyst – FSN", "Tværsektorielt samarbejde (TSS)"]);
    expect(side.body).toContain("Klyngen bakker op om rapportens anbefalinger.");
    expect(side.body).toContain("TSS ønsker en tydeligere rollefordeling.");
    // An addressee sees its own column only; others nothing.
    const tssSide = await page(
      `/arbejdsrum/forpligtelser/${feedback.id}/side-om-side`,
      await pageLogin(inject, "tss@test.dk", PASSWORD),
    );
    expect(tssSide.body).not.toContain("Klyngen bakker op");
    const outsider = await page(
      `/arbejdsrum/forpligtelser/${feedback.id}/side-om-side`,
      await pageLogin(inject, "udenfor@test.dk", PASSWORD),
    );
    expect(outsider.statusCode).toBe(404);
  });

  it("rolls the obligations of a case's items up on the case page, for those who may see them", async () => {
    const c = await createCase(t().system, { title: "Genoptræning på tværs", decidingBodyId: w.ssu.id });
    await addConsultation(t().system, { caseId: c.id, itemId: w.items.open.id, role: "decision" });
    const late = await api("POST", `/api/v1/items/${w.items.open.id}/obligations`, w.users.secretary.token, {
      text: "Indsend status for udskrivningsforløb.",
      deadline: day(-2),
      returns: "status",
      addressees: { bodyIds: [cluster.id], partyIds: [testby.id] },
    });
    expect(late.statusCode, late.body).toBe(201);
    await api("POST", `/api/v1/obligations/${late.json().id}/answers`, tokens.kim, {
      partyId: testby.id,
      state: "not_relevant",
      reason: "Testby har ingen udskrivninger i perioden.",
    });
    const asSecretary = await page(`/sager/${c.id}`, await pageLogin(inject, "sekretaer@test.dk", PASSWORD));
    expect(asSecretary.statusCode).toBe(200);
    expect(asSecretary.body).toContain("Forpligtelser fra sagens beslutninger");
    expect(asSecretary.body).toContain("Indsend status for udskrivningsforløb.");
    expect(asSecretary.body).toMatch(
      /Sundhedsklynge Testkyst – FSN<\/td><td>Ikke besvaret<strong> · For sent/,
    );
    expect(asSecretary.body).toContain("Testby har ingen udskrivninger i perioden.");
    expect(asSecretary.body).toContain("1 af 2 har svaret · 1 for sent");
    const asPublic = await page(`/sager/${c.id}`);
    expect(asPublic.statusCode).toBe(200);
    expect(asPublic.body).not.toContain("Forpligtelser fra sagens beslutninger");
    expect(asPublic.body).not.toContain("Indsend status");
  });

  it("keeps a closed decision's obligation to parties out of mails and from every other reader (canary)", async () => {
    await sendMails();
    const before = smtp.received.length;
    const res = await api("POST", `/api/v1/items/${w.items.closed.id}/obligations`, w.users.secretary.token, {
      kind: "feedback",
      text: `Giv svar om ${SECRET} inden fristen.`,
      deadline: day(2),
      returns: "answer",
      addressees: { bodyIds: [cluster.id], partyIds: [testby.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const closed = res.json() as TObligation;
    await sendMails();
    const told = smtp.received.slice(before);
    expect(told.flatMap((m) => m.to).sort()).toEqual(
      // arrived (and, due in two days, the reminder the background task queued at once)
      ["cluster@test.dk", "cluster@test.dk", "kim@test.dk", "kim@test.dk"],
    );
    for (const m of told) {
      expect(m.text).not.toContain(SECRET);
      expect(m.text).toContain(`/arbejdsrum/forpligtelser/${closed.id}`);
    }
    // The addressee's representative and the deciding body's member read it.
    expect((await api("GET", `/api/v1/obligations/${closed.id}`, tokens.kim)).body).toContain(SECRET);
    expect((await api("GET", `/api/v1/obligations/${closed.id}`, w.users.member.token)).body).toContain(
      SECRET,
    );
    const finn = await pageLogin(inject, "finn@test.dk", PASSWORD);
    const hanne = await pageLogin(inject, "hanne@test.dk", PASSWORD);
    const surfaces = [
      `/api/v1/obligations/${closed.id}`,
      `/api/v1/items/${w.items.closed.id}/obligations`,
      `/api/v1/bodies/${tss.id}/obligations`,
      "/api/v1/search?q=fristen",
      "/api/v1/feed.atom",
      `/arbejdsrum/forpligtelser/${closed.id}`,
      `/arbejdsrum/forpligtelser/${closed.id}/side-om-side`,
      "/arbejdsrum/forpligtelser",
      "/soeg?q=fristen",
      "/nyt.atom",
    ];
    for (const url of surfaces) {
      for (const reader of [
        { who: "anonymous", token: undefined, cookie: undefined },
        { who: "another municipality", token: tokens.finn, cookie: finn },
        { who: "a municipality of the other obligation", token: tokens.hanne, cookie: hanne },
        { who: "another body's secretary", token: tokens.tss, cookie: undefined },
      ]) {
        const res = url.startsWith("/api/")
          ? await api("GET", url, reader.token)
          : await page(url, reader.cookie);
        expect(res.body, `${url} as ${reader.who}`).not.toContain(SECRET);
      }
    }
  });

  it("export and restore carry the obligations, the parties' rows, the files and the reminders losslessly", async () => {
    const exported = await exportAll(t().database.db, new Date(0));
    const rows = exported.tables.obligationAddressees as Array<Record<string, unknown>>;
    expect(rows.some((r) => r.partyId === havby.id && r.sha256 && r.remindedAt)).toBe(true);
    expect(
      (exported.tables.obligations as Array<Record<string, unknown>>).some((o) => o.kind === "feedback"),
    ).toBe(true);
    const target = await createTestDatabase(kind);
    try {
      await restoreAll(target.database.db, JSON.parse(JSON.stringify(exported)));
      expect(await exportAfterRestore(target.database.db)).toEqual(exported);
    } finally {
      await target.drop();
    }
  });
});
