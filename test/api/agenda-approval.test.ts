import { beforeAll, expect, it } from "vitest";
import { setUserLocale } from "../../src/modules/auth/index.ts";
import { createMailer } from "../../src/modules/mail/index.ts";
import { runNotifications } from "../../src/modules/notifications/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";
import { type Received, useSmtpServer } from "../helpers/smtp.ts";

const BASE = "https://tvaers.test";

describeEachDatabase("The chair approves the agenda before publication (bodies.agendaApproval)", (kind) => {
  const t = useTestApp(kind);
  const smtp = useSmtpServer();
  let w: World;
  const call = (method: "GET" | "POST" | "PATCH", url: string, token?: string, payload?: object) =>
    t().request({ method, url, token, payload });
  const version = async (id: number) =>
    (await call("GET", `/api/v1/meetings/${id}`, w.users.secretary.token)).json().version as number;
  const act = async (id: number, path: string, token: string, extra: object = {}) =>
    call("POST", `/api/v1/meetings/${id}/${path}`, token, { version: await version(id), ...extra });
  const publish = async (id: number) =>
    call("POST", `/api/v1/meetings/${id}/transition`, w.users.secretary.token, {
      to: "agenda_published",
      version: await version(id),
    });
  const run = async () => {
    const mailer = await createMailer(
      { smtpUrl: smtp.url(), mailFrom: "Tværs <tvaers@test.invalid>" },
      { timeoutMs: 3000 },
    );
    try {
      return await runNotifications(t().database.db, {
        send: (m) => (mailer ? mailer.send(m) : Promise.resolve()),
        baseUrl: BASE,
      });
    } finally {
      mailer?.close();
    }
  };
  const mailsTo = (address: string, from: number): Received[] =>
    smtp.received.slice(from).filter((r) => r.to.includes(address));
  const only = (address: string, from: number): Received => {
    const list = mailsTo(address, from);
    expect(list, address).toHaveLength(1);
    return list[0] as Received;
  };

  /** A coming SSU meeting with an open and a closed item. */
  async function comingMeeting(start: string) {
    const token = w.users.secretary.token;
    const m = (await call("POST", "/api/v1/meetings", token, { bodyId: w.ssu.id, start })).json();
    await call("POST", `/api/v1/meetings/${m.id}/items`, token, { title: "Sundhedsaftalens handleplan" });
    await call("POST", `/api/v1/meetings/${m.id}/items`, token, {
      title: `Lukket ${SECRET}`,
      access: "closed",
    });
    return m.id as number;
  }

  beforeAll(async () => {
    w = await seedWorld(t().system);
    await setUserLocale(t().database.db, w.users.chair.user.id, "en");
  }, 180_000);

  it("only the chair or an admin turns the setting on; the secretariat alone may not", async () => {
    const body = (await call("GET", `/api/v1/bodies/${w.ssu.id}`)).json();
    expect(body.agendaApproval).toBe(false);
    const refused = await call("PATCH", `/api/v1/bodies/${w.ssu.id}`, w.users.secretary.token, {
      agendaApproval: true,
      version: body.version,
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.message).toContain("hvem der godkender dagsorden og referat");
    const set = await call("PATCH", `/api/v1/bodies/${w.ssu.id}`, w.users.admin.token, {
      agendaApproval: true,
      version: body.version,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().agendaApproval).toBe(true);
  });

  it("request → the chair is told → sent back with a comment → approved → published; changes need a new approval", async () => {
    const id = await comingMeeting("2031-04-03T10:00");
    const blocked = await publish(id);
    expect(blocked.statusCode, blocked.body).toBe(409);
    expect(blocked.json().error.message).toContain("Send den til godkendelse først");
    const state = await call("GET", `/api/v1/meetings/${id}/agenda-approval`, w.users.member.token);
    expect(state.json()).toMatchObject({ required: true, block: "not_requested", requestedAt: null });
    expect(
      (await call("GET", `/api/v1/meetings/${id}/agenda-approval`, w.users.outsider.token)).statusCode,
    ).toBe(404);

    // The secretariat asks; the chair (in English) and nobody else is told, with a link to the approval page.
    let from = smtp.received.length;
    expect((await act(id, "agenda-approval/request", w.users.secretary.token)).statusCode).toBe(200);
    expect((await act(id, "agenda-approval/request", w.users.secretary.token)).statusCode).toBe(409);
    await run();
    const ask = only("formand@test.dk", from);
    expect(ask.text).toContain("The agenda awaits your approval");
    expect(ask.text).toContain(`${BASE}/arbejdsrum/moeder/${id}/dagsorden-godkendelse`);
    expect(mailsTo("medlem@test.dk", from)).toHaveLength(0);
    expect(mailsTo("sekretaer@test.dk", from)).toHaveLength(0);
    expect((await publish(id)).json().error.message).toContain("venter på formandskabets godkendelse");

    // A member may neither approve nor send back; the chair sends it back with a comment.
    expect((await act(id, "agenda-approval/approve", w.users.member.token)).statusCode).toBe(403);
    const short = await act(id, "agenda-approval/send-back", w.users.chair.token, { comment: "Nej" });
    expect(short.statusCode).toBe(400);
    from = smtp.received.length;
    const back = await act(id, "agenda-approval/send-back", w.users.chair.token, {
      comment: "Punkt 1 mangler bilaget om økonomi",
    });
    expect(back.statusCode, back.body).toBe(200);
    await run();
    const told = only("sekretaer@test.dk", from);
    expect(told.text).toContain("Dagsordenen er sendt tilbage");
    expect(told.text).toContain("Punkt 1 mangler bilaget om økonomi");
    expect(told.text).toContain(`${BASE}/arbejdsrum/moeder/${id}`);
    expect((await act(id, "agenda-approval/approve", w.users.chair.token)).statusCode).toBe(409);

    // Asked again and approved: the secretariat is told, and may publish.
    await act(id, "agenda-approval/request", w.users.secretary.token);
    from = smtp.received.length;
    const ok = await act(id, "agenda-approval/approve", w.users.chair.token);
    expect(ok.statusCode, ok.body).toBe(200);
    await run();
    expect(only("sekretaer@test.dk", from).text).toContain("Dagsordenen er godkendt af formandskabet");
    const approved = (
      await call("GET", `/api/v1/meetings/${id}/agenda-approval`, w.users.chair.token)
    ).json();
    expect(approved).toMatchObject({ block: null, approvedBy: "formand", returnComment: null });

    // An item added after the approval makes it stale.
    await call("POST", `/api/v1/meetings/${id}/items`, w.users.secretary.token, { title: "Eventuelt" });
    const stale = await publish(id);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain("ændret, efter formandskabet godkendte den");
    await act(id, "agenda-approval/request", w.users.secretary.token);
    await act(id, "agenda-approval/approve", w.users.chair.token);
    from = smtp.received.length;
    const published = await publish(id);
    expect(published.statusCode, published.body).toBe(200);
    await run();
    expect(only("medlem@test.dk", from).text).toContain("Sundhedsaftalens handleplan");

    // No mail of the whole round carried the closed item's words to someone outside the body.
    for (const mail of smtp.received) {
      if (mail.to.some((to) => to === "udenfor@test.dk" || to.includes("example"))) {
        expect(mail.text).not.toContain(SECRET);
      }
    }
  });

  it("a body that does not require it publishes directly and refuses a request", async () => {
    const token = w.users.outsider.token; // the other body's secretary
    const m = (
      await call("POST", "/api/v1/meetings", token, { bodyId: w.other.id, start: "2031-05-05T10:00" })
    ).json();
    await call("POST", `/api/v1/meetings/${m.id}/items`, token, { title: "Status på genoptræning" });
    const v = (await call("GET", `/api/v1/meetings/${m.id}`, token)).json().version;
    const asked = await call("POST", `/api/v1/meetings/${m.id}/agenda-approval/request`, token, {
      version: v,
    });
    expect(asked.statusCode).toBe(409);
    expect(asked.json().error.message).toContain("kræver ikke formandskabets godkendelse");
    const pub = await call("POST", `/api/v1/meetings/${m.id}/transition`, token, {
      to: "agenda_published",
      version: v,
    });
    expect(pub.statusCode, pub.body).toBe(200);
  });
});
