import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createMailer, type Mailer } from "../../src/modules/mail/index.ts";
import { createItem, createMeeting, transitionMeeting } from "../../src/modules/meetings/index.ts";
import { runNotifications } from "../../src/modules/notifications/index.ts";
import { createPerson } from "../../src/modules/people/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const DAY = 86_400_000;
const day = (offset: number) =>
  new Date(Date.now() + offset * DAY).toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });

/** A real SMTP server on loopback that keeps what it receives. */
function useSmtp() {
  const received: { to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { received, url: () => `smtp://127.0.0.1:${port}` };
}

describeEachDatabase("Follow-up actions", (kind) => {
  const t = useTestApp(kind);
  const smtp = useSmtp();
  let w: World;
  let decision: { id: number };
  let next: { id: number; start: string };
  const sec = () => w.users.secretary.token;

  it("arranges a decision with follow-ups in its text and SSU's next meeting", async () => {
    const { system } = t();
    w = await seedWorld(system);
    const past = await createMeeting(system, { bodyId: w.ssu.id, start: new Date(Date.now() - 7 * DAY) });
    decision = await createItem(system, {
      meetingId: past.id,
      title: "Ad hoc gruppe om genoptræning",
      decisionText: [
        "Indstillingen blev godkendt.",
        "",
        `Sekretariatet udarbejder kommissorium for gruppen, deadline ${day(2).slice(8, 10)}.${day(2).slice(5, 7)}.${day(2).slice(0, 4)}.`,
        "",
        "Sagen følges op på næste møde.",
      ].join("\n"),
      outcome: "approved",
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
    next = await createMeeting(system, { bodyId: w.ssu.id, start: new Date(Date.now() + 14 * DAY) });
  });

  it("proposes follow-ups from the decision; the secretariat confirms them", async () => {
    const res = await t().request({
      method: "GET",
      url: `/api/v1/items/${decision.id}/action-proposals`,
      token: sec(),
    });
    expect(res.statusCode).toBe(200);
    const proposals = res.json();
    expect(proposals).toHaveLength(2);
    expect(proposals[0]).toMatchObject({ ownerText: "Sekretariatet", dueDate: day(2), dueBodyId: null });
    expect(proposals[1]).toMatchObject({ ownerText: null, dueBodyId: w.ssu.id, dueDate: day(14) });
    for (const p of proposals) {
      const created = await t().request({
        method: "POST",
        url: "/api/v1/actions",
        token: sec(),
        payload: {
          itemId: decision.id,
          text: p.text,
          ownerText: p.ownerText,
          ownerPersonId: p.ownerText ? w.people.secretary.id : null,
          dueDate: p.dueDate,
          dueBodyId: p.dueBodyId,
        },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ bodyId: w.ssu.id, status: "open", overdue: false });
    }
    const outsider = await t().request({
      method: "GET",
      url: `/api/v1/items/${decision.id}/action-proposals`,
      token: w.users.outsider.token,
    });
    expect(outsider.statusCode).toBe(403);
  });

  it("lists per body and per owner, flags overdue, and the next agenda shows what falls due by then", async () => {
    const overdue = await t().request({
      method: "POST",
      url: "/api/v1/actions",
      token: sec(),
      payload: {
        bodyId: w.ssu.id,
        text: "Indhent data om udskrivninger",
        dueDate: day(-3),
        ownerText: "Regionen",
      },
    });
    expect(overdue.json()).toMatchObject({ overdue: true, effectiveDue: day(-3) });
    const later = await t().request({
      method: "POST",
      url: "/api/v1/actions",
      token: sec(),
      payload: { bodyId: w.ssu.id, text: "Evaluering", dueDate: day(60) },
    });
    expect(later.statusCode).toBe(201);

    const byBody = (
      await t().request({ method: "GET", url: `/api/v1/actions?bodyId=${w.ssu.id}`, token: sec() })
    ).json();
    expect(byBody.items).toHaveLength(4);
    const byOwner = (
      await t().request({
        method: "GET",
        url: `/api/v1/actions?ownerPersonId=${w.people.secretary.id}`,
        token: sec(),
      })
    ).json();
    expect(byOwner.items.map((a: { ownerText: string }) => a.ownerText)).toEqual(["Sekretariatet"]);
    const byOwnerText = (
      await t().request({ method: "GET", url: "/api/v1/actions?owner=regionen", token: sec() })
    ).json();
    expect(byOwnerText.items).toHaveLength(1);
    const overdueList = (
      await t().request({ method: "GET", url: "/api/v1/actions?overdue=true", token: sec() })
    ).json();
    expect(overdueList.items.map((a: { text: string }) => a.text)).toEqual(["Indhent data om udskrivninger"]);

    const agenda = (
      await t().request({
        method: "GET",
        url: `/api/v1/bodies/${w.ssu.id}/next-agenda/actions`,
        token: sec(),
      })
    ).json();
    expect(agenda.nextMeeting.id).toBe(next.id);
    expect(agenda.actions.map((a: { text: string }) => a.text).sort()).toEqual(
      [
        "Indhent data om udskrivninger",
        "Sagen følges op på næste møde.",
        expect.stringContaining("Sekretariatet udarbejder"),
      ].sort(),
    );

    const done = await t().request({
      method: "PATCH",
      url: `/api/v1/actions/${overdue.json().id}`,
      token: sec(),
      payload: { version: overdue.json().version, status: "done" },
    });
    expect(done.json()).toMatchObject({ status: "done", overdue: false });
  });

  it("e-mails the owner before the due date, once per due date, through the outbox (real SMTP server on loopback)", async () => {
    const { system } = t();
    const mailer = (await createMailer({
      smtpUrl: smtp.url(),
      mailFrom: "Tværs <tvaers@test.dk>",
    })) as Mailer;
    const owner = await createPerson(system, { name: "Pia Påmindet", email: "pia@kommune.dk" });
    const noMail = await createPerson(system, { name: "Uden Mail" });
    for (const [personId, dueDate] of [
      [owner.id, day(2)],
      [noMail.id, day(1)],
      [owner.id, day(20)],
    ] as const) {
      await t().request({
        method: "POST",
        url: "/api/v1/actions",
        token: sec(),
        payload: { bodyId: w.ssu.id, text: `Opgave til ${dueDate}`, ownerPersonId: personId, dueDate },
      });
    }
    const run = () =>
      runNotifications(system.db, { send: (m) => mailer.send(m), baseUrl: "https://tvaers.test" });
    const before = smtp.received.length;
    const first = await run();
    expect(first.failed).toBe(0);
    // Pia is told she was made responsible (twice) and reminded of the action due in two days (once).
    const reminders = smtp.received
      .slice(before)
      .filter((m) => m.to.includes("pia@kommune.dk") && m.data.includes("forfalder snart"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.data).toContain(`Opgave til ${day(2)}`);
    expect(reminders[0]?.data).not.toContain(`Opgave til ${day(20)}`);
    const again = await run();
    expect(again.reminders).toBe(0);
    expect(smtp.received.slice(before).filter((m) => m.data.includes("forfalder snart"))).toHaveLength(
      first.reminders,
    );
    mailer.close();
  });

  it("closed is closed: an action from a closed decision is invisible to outsiders", async () => {
    const created = await t().request({
      method: "POST",
      url: "/api/v1/actions",
      token: sec(),
      payload: { itemId: w.items.closed.id, text: `Følg op på ${SECRET}` },
    });
    expect(created.statusCode).toBe(201);
    for (const token of [undefined, w.users.outsider.token]) {
      for (const url of [
        "/api/v1/actions",
        `/api/v1/actions?itemId=${w.items.closed.id}`,
        `/api/v1/actions/${created.json().id}`,
        `/api/v1/items/${w.items.closed.id}/action-proposals`,
        `/api/v1/bodies/${w.ssu.id}/next-agenda/actions`,
      ]) {
        const res = await t().request({ method: "GET", url, token });
        expect(res.body, url).not.toContain(SECRET);
        expect(res.statusCode, url).toBeLessThan(500);
      }
    }
    const member = await t().request({
      method: "GET",
      url: `/api/v1/actions/${created.json().id}`,
      token: w.users.member.token,
    });
    expect(member.json().text).toContain(SECRET);
    // an action from an open, published decision is public
    const pub = (await t().request({ method: "GET", url: `/api/v1/actions?itemId=${decision.id}` })).json();
    expect(pub.items).toHaveLength(2);
  });

  it("bad input answers in Danish, never 500, and writes nothing", async () => {
    const count = async () =>
      (await t().request({ method: "GET", url: "/api/v1/actions?limit=200", token: sec() })).json().items
        .length;
    const n = await count();
    for (const payload of [
      { bodyId: w.ssu.id, text: "X", dueDate: "2026-02-30" },
      { bodyId: w.ssu.id, text: "" },
      { text: "Uden forum" },
      { bodyId: w.ssu.id, text: "X", ownerPersonId: 999999 },
      { bodyId: w.ssu.id, text: "X", status: "maybe" },
      { itemId: decision.id, bodyId: w.other.id, text: "Forkert forum" },
    ]) {
      const res = await t().request({ method: "POST", url: "/api/v1/actions", token: sec(), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(payload)).toBeLessThan(500);
      expect(res.json().error.message).toBeTruthy();
    }
    const forbidden = await t().request({
      method: "POST",
      url: "/api/v1/actions",
      token: w.users.outsider.token,
      payload: { bodyId: w.ssu.id, text: "Ikke min" },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(await count()).toBe(n);
  });
});
