import { beforeAll, expect, it } from "vitest";
import { setUserLocale } from "../../src/modules/auth/index.ts";
import { createMailer } from "../../src/modules/mail/index.ts";
import { runNotifications } from "../../src/modules/notifications/index.ts";
import { createPerson } from "../../src/modules/people/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";
import { type Received, useSmtpServer } from "../helpers/smtp.ts";

const BASE = "https://tvaers.test";
const DAY = 86_400_000;
const day = (offset: number) =>
  new Date(Date.now() + offset * DAY).toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });

describeEachDatabase("Reminders through the outbox (follow-ups, minutes awaiting approval)", (kind) => {
  const t = useTestApp(kind);
  const smtp = useSmtpServer();
  let w: World;
  const post = (url: string, payload: object, token = w.users.secretary.token) =>
    t().request({ method: "POST", url, payload, token });
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
  const mails = (address: string, words: string, from: number): Received[] =>
    smtp.received.slice(from).filter((r) => r.to.includes(address) && r.text.includes(words));
  const action = async (payload: object) => {
    const res = await post("/api/v1/actions", { bodyId: w.ssu.id, ...payload });
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    w = await seedWorld(t().system);
    await setUserLocale(t().database.db, w.users.member.user.id, "en");
  }, 180_000);

  it("follow-ups: due soon and overdue, once each, in the owner's language, closed text only to who may read it", async () => {
    const otto = await createPerson(t().system, { name: "Otto Overskredet", email: "otto@kommune.dk" });
    const old = await createPerson(t().system, { name: "Gammel Frist", email: "gammel@kommune.dk" });
    const lukas = await createPerson(t().system, { name: "Lukas Lukket", email: "lukas@kommune.dk" });
    await action({ text: "Indsend data om genindlæggelser", ownerPersonId: otto.id, dueDate: day(-1) });
    await action({ text: "Frist for længe siden", ownerPersonId: old.id, dueDate: day(-30) });
    await action({ text: "Send oversigten", ownerPersonId: w.people.member.id, dueDate: day(1) });
    await action({
      itemId: w.items.closed.id,
      text: `Følg op på ${SECRET}`,
      ownerPersonId: lukas.id,
      dueDate: day(2),
    });
    const from = smtp.received.length;
    const first = await run();
    expect(first.failed).toBe(0);
    expect(first.reminders).toBeGreaterThanOrEqual(3);
    const overdue = mails("otto@kommune.dk", "er forfalden", from);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.text).toContain("Indsend data om genindlæggelser");
    expect(overdue[0]?.text).toContain(`${BASE}/arbejdsrum`);
    // Overdue for a month: no late reminder (nor did the old system send one).
    expect(mails("gammel@kommune.dk", "forfalden", from)).toHaveLength(0);
    const english = mails("medlem@test.dk", "is due soon", from);
    expect(english).toHaveLength(1);
    expect(english[0]?.text).toContain("Send oversigten");
    expect(english[0]?.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    // Lukas is no member of the body: reminded, but not told the closed follow-up's text.
    const closed = mails("lukas@kommune.dk", "forfalder snart", from);
    expect(closed).toHaveLength(1);
    for (const mail of smtp.received.slice(from).filter((m) => !m.to.includes("sekretaer@test.dk"))) {
      expect(mail.text).not.toContain(SECRET);
    }
    // The worker runs every 30 seconds: a second run reminds nobody again.
    const again = await run();
    expect(again.reminders).toBe(0);
    expect(mails("otto@kommune.dk", "er forfalden", from)).toHaveLength(1);
    expect(mails("medlem@test.dk", "is due soon", from)).toHaveLength(1);
  });

  it("minutes awaiting approval: the chair is reminded once after three days, not the one who drafted them", async () => {
    const m = (await post("/api/v1/meetings", { bodyId: w.ssu.id, start: "2025-09-04T10:00" })).json();
    await post(`/api/v1/meetings/${m.id}/items`, { title: "Status på genoptræning" });
    let version = m.version as number;
    for (const to of ["agenda_published", "held", "minutes_draft"]) {
      const res = await post(`/api/v1/meetings/${m.id}/transition`, { to, version });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const from = smtp.received.length;
    await run();
    // Told at once that they wait (the act's own notification) …
    expect(mails("formand@test.dk", "venter på din godkendelse", from)).toHaveLength(1);
    // … reminded only when they have waited three days, and only once.
    await run(new Date(Date.now() + 2 * DAY));
    expect(mails("formand@test.dk", "venter stadig", from)).toHaveLength(0);
    const later = new Date(Date.now() + 4 * DAY);
    await run(later);
    const reminder = mails("formand@test.dk", "venter stadig", from);
    expect(reminder).toHaveLength(1);
    expect(reminder[0]?.text).toContain(`${BASE}/moeder/${m.id}-`);
    expect((await run(later)).reminders).toBe(0);
    expect(mails("formand@test.dk", "venter stadig", from)).toHaveLength(1);
    for (const other of ["sekretaer@test.dk", "medlem@test.dk", "udenfor@test.dk"]) {
      expect(mails(other, "venter stadig", from)).toHaveLength(0);
      expect(mails(other, "still await", from)).toHaveLength(0);
    }
  });
});
