import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { emitDomainEvent } from "../../src/lib/domain-events.ts";
import { PUBLIC_ACTOR, setUserLocale } from "../../src/modules/auth/index.ts";
import { createMailer } from "../../src/modules/mail/index.ts";
import { runNotifications } from "../../src/modules/notifications/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";
import { type Received, useSmtpServer } from "../helpers/smtp.ts";

const BASE = "https://tvaers.test";
const CSRF = "n".repeat(40);
const CITIZEN = "borger@example.dk";

describeEachDatabase("Notifications by e-mail (outbox, SMTP on loopback)", (kind) => {
  const t = useTestApp(kind);
  const smtp = useSmtpServer();
  let w: World;
  const post = (url: string, payload: object, token: string) =>
    t().request({ method: "POST", url, payload, token });
  /** A page form posted by a browser without login (CSRF cookie and field). */
  const form = (url: string, fields: Record<string, string>) =>
    t().request({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `tvaers_csrf=${CSRF}` },
      payload: new URLSearchParams({ ...fields, _csrf: CSRF }).toString(),
    });
  const run = async (now?: Date) => {
    const mailer = await createMailer(
      { smtpUrl: smtp.url(), mailFrom: "Tværs <tvaers@test.invalid>" },
      { timeoutMs: 3000 },
    );
    try {
      return await runNotifications(t().database.db, {
        send: (m) => (mailer ? mailer.send(m) : Promise.resolve()),
        baseUrl: BASE,
        now,
      });
    } finally {
      mailer?.close();
    }
  };
  const mailsTo = (address: string, from = 0): Received[] =>
    smtp.received.slice(from).filter((r) => r.to.includes(address));
  const only = (address: string, from: number): Received => {
    const list = mailsTo(address, from);
    expect(list, address).toHaveLength(1);
    return list[0] as Received;
  };

  /** A meeting of SSU (in the past, so it can be held) with an open item and closed material. */
  async function meetingWithSecrets(start = "2025-06-05T10:00") {
    const secretary = w.users.secretary.token;
    const m = (await post("/api/v1/meetings", { bodyId: w.ssu.id, start }, secretary)).json();
    const open = (
      await post(
        `/api/v1/meetings/${m.id}/items`,
        { title: "Genoptræningsplaner efter udskrivning" },
        secretary,
      )
    ).json();
    await post(`/api/v1/meetings/${m.id}/items`, { title: `Lukket ${SECRET}`, access: "closed" }, secretary);
    const file = await post(
      `/api/v1/items/${open.id}/attachments`,
      { title: `Bilag ${SECRET}`, access: "closed" },
      secretary,
    );
    expect(file.statusCode, file.body).toBe(201);
    return m as { id: number; version: number };
  }
  async function transition(id: number, version: number, to: string, token = w.users.secretary.token) {
    const res = await post(`/api/v1/meetings/${id}/transition`, { to, version }, token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().version as number;
  }

  beforeAll(async () => {
    w = await seedWorld(t().system);
    await setUserLocale(t().database.db, w.users.chair.user.id, "en");
  }, 180_000);

  it("double opt-in: an unconfirmed address gets the confirmation and nothing else", async () => {
    const from = smtp.received.length;
    const res = await form(`/organer/${w.ssu.id}/abonnement`, { email: CITIZEN });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(CITIZEN);
    expect((await form(`/organer/${w.ssu.id}/abonnement`, { email: "ikke en adresse" })).statusCode).toBe(
      400,
    );
    const m = await meetingWithSecrets("2025-05-01T10:00");
    await transition(m.id, m.version, "agenda_published");
    await run();
    const confirm = only(CITIZEN, from);
    expect(confirm.text).toContain("Bekræft dit abonnement på Sundhedssamarbejdsudvalget");
    const token = /\/abonnement\/([A-Za-z0-9_-]+)/.exec(confirm.text)?.[1] as string;
    expect(token).toBeTruthy();
    // Asking again within the hour sends no second confirmation.
    await form(`/organer/${w.ssu.id}/abonnement`, { email: CITIZEN });
    await run();
    expect(mailsTo(CITIZEN, from)).toHaveLength(1);
    const page = await t().request({ method: "GET", url: `/abonnement/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="/abonnement/${token}"`);
    const confirmed = await form(`/abonnement/${token}`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.body).toContain("Abonnementet er bekræftet");
  });

  it("agenda published: one mail per member in their language, closed material only to members", async () => {
    const from = smtp.received.length;
    const m = await meetingWithSecrets();
    await transition(m.id, m.version, "agenda_published");
    const first = await run();
    expect(first.failed).toBe(0);
    const member = only("medlem@test.dk", from);
    expect(member.text).toContain("Dagsorden: Sundhedssamarbejdsudvalget");
    expect(member.text).toContain("Genoptræningsplaner efter udskrivning");
    expect(member.text).toContain(`${BASE}/moeder/${m.id}-`);
    expect(member.raw).toMatch(
      /List-Unsubscribe:\s+<https:\/\/tvaers\.test\/api\/v1\/notifications\/unsubscribe\//,
    );
    expect(member.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(member.raw).toMatch(/Content-Type: text\/html/i);
    expect(member.text).toContain(`${BASE}/afmeld/`);
    const chair = only("formand@test.dk", from);
    expect(chair.text).toContain("Agenda: Sundhedssamarbejdsudvalget");
    expect(chair.text).toContain("has been published");
    const citizen = only(CITIZEN, from);
    expect(citizen.text).toContain("Genoptræningsplaner efter udskrivning");
    expect(citizen.text).toContain("Punkt 2 (lukket)");
    // The secretary did it; the outsider and the admin are no members.
    expect(mailsTo("sekretaer@test.dk", from)).toHaveLength(0);
    expect(mailsTo("udenfor@test.dk", from)).toHaveLength(0);
    expect(mailsTo("admin@test.dk", from)).toHaveLength(0);
    for (const mail of smtp.received.slice(from)) {
      if (!mail.to.includes("medlem@test.dk") && !mail.to.includes("formand@test.dk")) {
        expect(mail.text).not.toContain(SECRET);
      }
    }
    // Nothing is sent twice.
    const again = await run();
    expect(again).toMatchObject({ queued: 0, sent: 0 });
    expect(smtp.received.length).toBe(from + 3);
  });

  it("publishing the agenda from the workspace page sends each member one Danish mail", async () => {
    const m = await meetingWithSecrets("2025-06-26T10:00");
    const from = smtp.received.length;
    const res = await t().request({
      method: "POST",
      url: `/arbejdsrum/moeder/${m.id}/status`,
      token: w.users.secretary.token,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        to: "agenda_published",
        version: String(m.version),
        confirm: "ja",
      }).toString(),
    });
    expect(res.statusCode, res.body).toBeLessThan(400);
    await run();
    const mail = only("medlem@test.dk", from);
    expect(mail.text).toContain(
      "Dagsordenen til mødet i Sundhedssamarbejdsudvalget torsdag d. 26. juni 2025",
    );
    expect(mail.raw).toMatch(/^Subject: Dagsorden:/m);
    expect(mailsTo("sekretaer@test.dk", from)).toHaveLength(0);
  });

  it("minutes: the chair is asked to approve, members and subscribers are told of publication", async () => {
    const m = await meetingWithSecrets("2025-06-19T10:00");
    let v = await transition(m.id, m.version, "agenda_published");
    v = await transition(m.id, v, "held");
    await run();
    const from = smtp.received.length;
    v = await transition(m.id, v, "minutes_draft");
    await run();
    const ask = only("formand@test.dk", from);
    expect(ask.text).toContain("The minutes await your approval");
    expect(mailsTo("medlem@test.dk", from)).toHaveLength(0);
    expect(mailsTo(CITIZEN, from)).toHaveLength(0);
    v = await transition(m.id, v, "minutes_approved", w.users.chair.token);
    const published = smtp.received.length;
    await transition(m.id, v, "minutes_published");
    await run();
    expect(only("medlem@test.dk", published).text).toContain("Referat: Sundhedssamarbejdsudvalget");
    expect(only("formand@test.dk", published).text).toContain("Minutes: Sundhedssamarbejdsudvalget");
    const citizen = only(CITIZEN, published);
    expect(citizen.text).toContain("Referatet af mødet");
    expect(citizen.text).not.toContain(SECRET);
  });

  it("a cancelled meeting is told to the members with its reason", async () => {
    const m = (
      await post("/api/v1/meetings", { bodyId: w.ssu.id, start: "2031-02-03T10:00" }, w.users.secretary.token)
    ).json();
    const from = smtp.received.length;
    const res = await post(
      `/api/v1/meetings/${m.id}/cancel`,
      { reason: "Formanden er syg", version: m.version },
      w.users.secretary.token,
    );
    expect(res.statusCode, res.body).toBe(200);
    await run();
    const mail = only("medlem@test.dk", from);
    expect(mail.text).toContain("Mødet er aflyst");
    expect(mail.text).toContain("Formanden er syg");
    expect(mailsTo(CITIZEN, from)).toHaveLength(0);
  });

  it("a moved meeting is told to the members; the secretariat hears of minutes sent back and referred cases", async () => {
    const m = (
      await post("/api/v1/meetings", { bodyId: w.ssu.id, start: "2031-03-03T10:00" }, w.users.secretary.token)
    ).json();
    const from = smtp.received.length;
    const moved = await t().request({
      method: "PATCH",
      url: `/api/v1/meetings/${m.id}`,
      token: w.users.secretary.token,
      payload: { start: "2031-03-10T10:00", version: m.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Acts that do not emit yet (sent back, referral, assignment): emitted here as an act would, in its transaction.
    const chairActor = { ...PUBLIC_ACTOR, userId: w.users.chair.user.id };
    await t().database.db.transaction(async (tx) => {
      await emitDomainEvent(
        { db: tx, actor: chairActor },
        { kind: "minutes_sent_back", meetingId: w.meeting.id, comment: "Punkt 2 mangler beslutningen" },
      );
      await emitDomainEvent(
        { db: tx, actor: chairActor },
        { kind: "case_referred", itemId: w.items.closed.id, toBodyId: w.other.id, toMeetingId: null },
      );
    });
    await run();
    const mail = only("medlem@test.dk", from);
    expect(mail.text).toContain("Mødet er flyttet");
    expect(mail.text).toContain("3. marts 2031");
    const back = only("sekretaer@test.dk", from);
    expect(back.text).toContain("Referatet er sendt tilbage");
    expect(back.text).toContain("Punkt 2 mangler beslutningen");
    // The other body's secretary learns that a case came, but not the closed item's title.
    const referred = only("udenfor@test.dk", from);
    expect(referred.text).toContain("Et punkt er sendt til Følgegruppe for rehabilitering");
    expect(referred.text).not.toContain(SECRET);
  });

  it("an owner hears of a follow-up assigned, without a closed item's words unless a member", async () => {
    const make = async (itemId: number, ownerPersonId: number, text: string) => {
      const res = await post(
        "/api/v1/actions",
        { itemId, ownerPersonId, text, dueDate: "2031-01-31" },
        w.users.secretary.token,
      );
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    // createAction announces the assignment itself (action_assigned), as every domain act does.
    const from = smtp.received.length;
    await make(w.items.closed.id, w.people.outsider.id, `Følg op på ${SECRET}`);
    await make(w.items.open.id, w.people.member.id, "Send planen til kommunerne");
    await run();
    const outsider = only("udenfor@test.dk", from);
    expect(outsider.text).toContain("Du er ansvarlig for en opfølgning");
    expect(outsider.text).not.toContain(SECRET);
    const member = only("medlem@test.dk", from);
    expect(member.text).toContain("Send planen til kommunerne");
    expect(member.text).toContain("31.");
  });

  it("an event that cannot be expanded is set aside; the others are still sent", async () => {
    await t().database.db.execute(
      sql`insert into notification_events (kind, payload) values ('agenda_published', '{"meetingId": "ikke et tal"}'::jsonb)`,
    );
    const m = await meetingWithSecrets("2025-07-10T10:00");
    const from = smtp.received.length;
    await transition(m.id, m.version, "agenda_published");
    await run();
    expect(mailsTo("medlem@test.dk", from)).toHaveLength(1);
    const left = await t().database.db.execute(
      sql`select count(*)::int as n from notification_events where expanded_at is null`,
    );
    expect(JSON.stringify(left)).toContain('"n":0');
  });

  it("a stopped mail server delays the mails, then they arrive once", async () => {
    await smtp.stop();
    const from = smtp.received.length;
    const m = await meetingWithSecrets("2025-07-03T10:00");
    await transition(m.id, m.version, "agenda_published");
    const failed = await run();
    expect(failed.sent).toBe(0);
    expect(failed.failed).toBe(3);
    const waiting = await t().database.db.execute(
      sql`select count(*)::int as n from notification_outbox where state = 'pending' and attempts = 1 and last_error is not null`,
    );
    expect(JSON.stringify(waiting)).toContain('"n":3');
    await smtp.start();
    // Before the back-off is over nothing is tried.
    expect((await run()).sent).toBe(0);
    const later = await run(new Date(Date.now() + 2 * 60_000));
    expect(later.sent).toBe(3);
    expect((await run(new Date(Date.now() + 10 * 60_000))).sent).toBe(0);
    for (const address of ["medlem@test.dk", "formand@test.dk", CITIZEN]) {
      expect(mailsTo(address, from)).toHaveLength(1);
    }
  });

  it("a daily digest groups the day's mails of a reader who chose it", async () => {
    const saved = await t().request({
      method: "POST",
      url: "/mine-notifikationer",
      token: w.users.member.token,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ [`${w.ssu.id}:agenda`]: "digest", locale: "da" }).toString(),
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const shown = await t().request({
      method: "GET",
      url: saved.headers.location as string,
      token: w.users.member.token,
    });
    expect(shown.body).toContain("Dine valg er gemt");
    expect(shown.body).toMatch(/<option value="digest" selected/);
    const from = smtp.received.length;
    for (const start of ["2025-08-07T10:00", "2025-08-14T10:00"]) {
      const m = await meetingWithSecrets(start);
      await transition(m.id, m.version, "agenda_published");
    }
    await run();
    expect(mailsTo("medlem@test.dk", from)).toHaveLength(0);
    expect(mailsTo("formand@test.dk", from)).toHaveLength(2);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const digest = await run(tomorrow);
    expect(digest.digests).toBe(1);
    const mail = only("medlem@test.dk", from);
    expect(mail.text).toContain("Tværs: nyt fra");
    expect(mail.text.match(/Dagsorden: Sundhedssamarbejdsudvalget/g)?.length).toBeGreaterThanOrEqual(2);
    expect((await run(tomorrow)).digests).toBe(0);
  });

  it("one-click unsubscribe (RFC 8058) and the footer link stop the mails", async () => {
    const last = mailsTo("formand@test.dk").at(-1) as Received;
    const oneClick = /List-Unsubscribe:\s+<https:\/\/tvaers\.test([^>]+)>/.exec(last.raw)?.[1] as string;
    const res = await t().request({
      method: "POST",
      url: oneClick,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(res.statusCode, res.body).toBe(204);
    const citizenMail = mailsTo(CITIZEN).at(-1) as Received;
    const footer = /https:\/\/tvaers\.test(\/afmeld\/[A-Za-z0-9_-]+)/.exec(citizenMail.text)?.[1] as string;
    const ask = await t().request({ method: "GET", url: footer });
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain("Sundhedssamarbejdsudvalget");
    expect((await form(footer, {})).statusCode).toBe(200);
    const from = smtp.received.length;
    const m = await meetingWithSecrets("2025-09-04T10:00");
    await transition(m.id, m.version, "agenda_published");
    await run();
    expect(mailsTo("formand@test.dk", from)).toHaveLength(0);
    expect(mailsTo(CITIZEN, from)).toHaveLength(0);
  });
});
