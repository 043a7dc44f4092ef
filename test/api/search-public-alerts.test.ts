import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createMailer } from "../../src/modules/mail/index.ts";
import { runNotifications } from "../../src/modules/notifications/index.ts";
import { queuePublicSearchAlerts } from "../../src/modules/search/index.ts";
import { requestSearchSubscription } from "../../src/modules/search/public-alerts.service.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";
import { type Received, useSmtpServer } from "../helpers/smtp.ts";

const BASE = "https://tvaers.test";
const CSRF = "p".repeat(40);
const CITIZEN = "soeger@example.dk";
const ALL_NEWS = "alt-nyt@example.dk";
const ENGLISH = "reader@example.org";

describeEachDatabase("The public's e-mail alerts of a search (double opt-in, outbox, SMTP)", (kind) => {
  const t = useTestApp(kind);
  const smtp = useSmtpServer();
  let w: World;
  const post = (url: string, payload: object, token: string) =>
    t().request({ method: "POST", url, payload, token });
  const form = (url: string, fields: Record<string, string>) =>
    t().request({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `tvaers_csrf=${CSRF}` },
      payload: new URLSearchParams({ ...fields, _csrf: CSRF }).toString(),
    });
  /** What the server does: queue the public alerts, then the notification worker's run. */
  const run = async () => {
    const db = t().database.db;
    const queued = await queuePublicSearchAlerts(db, { baseUrl: BASE });
    const mailer = await createMailer(
      { smtpUrl: smtp.url(), mailFrom: "Tværs <tvaers@test.invalid>" },
      { timeoutMs: 3000 },
    );
    try {
      await runNotifications(db, {
        send: (m) => (mailer ? mailer.send(m) : Promise.resolve()),
        baseUrl: BASE,
      });
    } finally {
      mailer?.close();
    }
    return queued;
  };
  const mailsTo = (address: string, from = 0): Received[] =>
    smtp.received.slice(from).filter((r) => r.to.includes(address));
  const tokenOf = (mail: Received | undefined, path: string) =>
    new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(mail?.text ?? "")?.[1] as string;

  /** A meeting of SSU with an open item matching "genoptræning" and closed material that matches too. */
  async function publishMeetingWithSecrets(start: string) {
    const secretary = w.users.secretary.token;
    const m = (await post("/api/v1/meetings", { bodyId: w.ssu.id, start }, secretary)).json();
    const open = (
      await post(`/api/v1/meetings/${m.id}/items`, { title: "Genoptræning efter udskrivning" }, secretary)
    ).json();
    await post(
      `/api/v1/meetings/${m.id}/items`,
      { title: `Genoptræning lukket ${SECRET}`, access: "closed" },
      secretary,
    );
    const file = await post(
      `/api/v1/items/${open.id}/attachments`,
      { title: `Genoptræning bilag ${SECRET}`, access: "closed" },
      secretary,
    );
    expect(file.statusCode, file.body).toBe(201);
    const res = await post(
      `/api/v1/meetings/${m.id}/transition`,
      { to: "agenda_published", version: m.version },
      secretary,
    );
    expect(res.statusCode, res.body).toBe(200);
    return { id: m.id as number, itemId: open.id as number };
  }

  beforeAll(async () => {
    w = await seedWorld(t().system);
  }, 180_000);

  it("double opt-in: nothing but the confirmation before it is confirmed, then public news only", async () => {
    const from = smtp.received.length;
    const res = await form("/soeg/abonner", { email: CITIZEN, q: "genoptræning" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(CITIZEN);
    expect((await form("/soeg/abonner", { email: "ikke en adresse", q: "x" })).statusCode).toBe(400);
    await form("/soeg/abonner", { email: ALL_NEWS, q: "", bodyId: String(w.ssu.id) });
    await requestSearchSubscription(
      t().database.db,
      { email: ENGLISH, query: "genoptræning", filters: {}, locale: "en" },
      BASE,
    );
    await publishMeetingWithSecrets("2025-04-03T10:00");
    expect((await run()).mails).toBe(0);
    const confirm = mailsTo(CITIZEN, from);
    expect(confirm).toHaveLength(1);
    expect(confirm[0]?.text).toContain("Bekræft e-mail om nyt for søgningen »genoptræning«");
    expect(mailsTo(ENGLISH, from)[0]?.text).toContain("Confirm e-mail alerts for the search “genoptræning”");
    // Asking again within the hour sends no second confirmation.
    await form("/soeg/abonner", { email: CITIZEN, q: "genoptræning" });
    await run();
    expect(mailsTo(CITIZEN, from)).toHaveLength(1);

    for (const [address, mail] of [
      [CITIZEN, confirm[0]],
      [ALL_NEWS, mailsTo(ALL_NEWS, from)[0]],
      [ENGLISH, mailsTo(ENGLISH, from)[0]],
    ] as const) {
      const token = tokenOf(mail, "/soeg/abonnement");
      expect(token, address).toBeTruthy();
      const page = await t().request({ method: "GET", url: `/soeg/abonnement/${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`action="/soeg/abonnement/${token}"`);
      const confirmed = await form(`/soeg/abonnement/${token}`, {});
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    }

    const before = smtp.received.length;
    const meeting = await publishMeetingWithSecrets("2025-04-10T10:00");
    const queued = await run();
    expect(queued.mails).toBe(3);
    const alert = mailsTo(CITIZEN, before);
    expect(alert).toHaveLength(1);
    expect(alert[0]?.text).toContain("Tværs: nyt for søgningen »genoptræning«");
    expect(alert[0]?.text).toContain("Genoptræning efter udskrivning");
    expect(alert[0]?.text).toContain(`${BASE}/moeder/${meeting.id}`);
    expect(alert[0]?.text).toContain(`${BASE}/soeg/afmeld/`);
    expect(alert[0]?.raw).toMatch(
      /List-Unsubscribe:\s+<https:\/\/tvaers\.test\/api\/v1\/search\/subscriptions\/[A-Za-z0-9_-]+\/unsubscribe>/,
    );
    expect(alert[0]?.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mailsTo(ENGLISH, before)[0]?.text).toContain("New public material matching the search");
    expect(mailsTo(ALL_NEWS, before)[0]?.text).toContain("Genoptræning efter udskrivning");
    // Closed is closed: the closed item and the closed attachment match the searches, but reach no mail.
    for (const mail of smtp.received.filter((r) => [CITIZEN, ALL_NEWS, ENGLISH].includes(r.to[0] ?? ""))) {
      expect(mail.text).not.toContain(SECRET);
    }
    // Announced once: a second run queues nothing.
    expect((await run()).mails).toBe(0);
    expect(mailsTo(CITIZEN, before)).toHaveLength(1);
  });

  it("one click (RFC 8058) and the unsubscribe page stop the alerts, without login", async () => {
    const subs = (await t().database.db.execute(
      sql`select email, token from search_subscriptions where email in (${CITIZEN}, ${ALL_NEWS})`,
    )) as unknown as
      | { rows?: Array<{ email: string; token: string }> }
      | Array<{ email: string; token: string }>;
    const rows = Array.isArray(subs) ? subs : (subs.rows ?? []);
    const tokenFor = (email: string) => rows.find((r) => r.email === email)?.token as string;
    const oneClick = await t().request({
      method: "POST",
      url: `/api/v1/search/subscriptions/${tokenFor(CITIZEN)}/unsubscribe`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.statusCode, oneClick.body).toBe(204);
    const again = await t().request({
      method: "POST",
      url: `/api/v1/search/subscriptions/${tokenFor(CITIZEN)}/unsubscribe`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    // Idempotent: a mail program may post twice; the subscription is gone either way.
    expect(again.statusCode).toBe(204);
    const gone = await t().request({ method: "GET", url: `/soeg/afmeld/${tokenFor(CITIZEN)}` });
    expect(gone.statusCode).toBe(404);
    const ask = await t().request({ method: "GET", url: `/soeg/afmeld/${tokenFor(ALL_NEWS)}` });
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain("Vil du afmelde e-mails om nyt");
    const done = await form(`/soeg/afmeld/${tokenFor(ALL_NEWS)}`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain("Du er afmeldt");

    const before = smtp.received.length;
    await publishMeetingWithSecrets("2025-04-17T10:00");
    await run();
    expect(mailsTo(CITIZEN, before)).toHaveLength(0);
    expect(mailsTo(ALL_NEWS, before)).toHaveLength(0);
    expect(mailsTo(ENGLISH, before)).toHaveLength(1);
  });

  it("rate limits: three confirmation mails a day and twenty searches per address", async () => {
    const address = "mange@example.dk";
    const from = smtp.received.length;
    for (let i = 0; i < 22; i++) {
      const res = await form("/soeg/abonner", { email: address, q: `søgning${i}` });
      expect(res.statusCode).toBe(200);
    }
    await run();
    expect(mailsTo(address, from)).toHaveLength(3);
    const [counted] = ((r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))(
      await t().database.db.execute(
        sql`select count(*)::int as n from search_subscriptions where email = ${address}`,
      ),
    ) as Array<{ n: number }>;
    expect(counted?.n).toBe(20);
  });

  it("a user turns the e-mail alerts of a saved search off and on from their page", async () => {
    const token = w.users.member.token;
    const saved = (
      await post("/api/v1/saved-searches", { name: "Genoptræning", query: "genoptræning" }, token)
    ).json();
    const toggle = (on: string, version: number) =>
      t().request({
        method: "POST",
        url: "/soeg/gemte/besked",
        token,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ id: String(saved.id), version: String(version), on }).toString(),
      });
    const off = await toggle("0", saved.version);
    expect(off.statusCode, off.body).toBe(303);
    const page = await t().request({ method: "GET", url: "/soeg/gemte?besked=aendret", token });
    expect(page.body).toContain("E-mail om nyt: fra");
    expect(page.body).toContain("Dit valg er gemt.");
    const row = (
      await t().request({ method: "GET", url: `/api/v1/saved-searches/${saved.id}`, token })
    ).json();
    expect(row.emailAlerts).toBe(false);
    expect((await toggle("1", row.version)).statusCode).toBe(303);
    const back = (
      await t().request({ method: "GET", url: `/api/v1/saved-searches/${saved.id}`, token })
    ).json();
    expect(back.emailAlerts).toBe(true);
    // Someone else's saved search is not found.
    const other = await t().request({
      method: "POST",
      url: "/soeg/gemte/besked",
      token: w.users.chair.token,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        id: String(saved.id),
        version: String(back.version),
        on: "0",
      }).toString(),
    });
    expect(other.statusCode).toBe(404);
  });

  it("the search page offers the public the e-mail form", async () => {
    const res = await t().request({ method: "GET", url: "/soeg?q=genopr%C3%A6ning" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('action="/soeg/abonner"');
    expect(res.body).toContain('name="email"');
  });
});
