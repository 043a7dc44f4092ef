import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sendAlerts, smtpSender } from "../../src/modules/search/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
function useSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { received, url: () => `smtp://127.0.0.1:${port}` };
}

/** The message with quoted-printable and base64 parts decoded, so the text can be searched. */
function decode(raw: string): string {
  const parts = raw.split(/\r?\n\r?\n/);
  return parts
    .map((part, i) => {
      const headers = parts[i - 1] ?? "";
      if (/content-transfer-encoding: base64/i.test(headers)) {
        return Buffer.from(part.replace(/--[^\n]*$/s, ""), "base64").toString("utf8");
      }
      const bytes = part
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
      return Buffer.from(bytes, "latin1").toString("utf8");
    })
    .join("\n\n");
}

describeEachDatabase("Search alerts by e-mail (SMTP on loopback)", (kind) => {
  const t = useTestApp(kind);
  const smtp = useSmtpServer();
  let w: World;
  const post = (url: string, payload: object, token: string) =>
    t().request({ method: "POST", url, payload, token });

  it("publishing minutes sends an alert with the item link, never closed content", async () => {
    w = await seedWorld(t().system);
    const member = w.users.member.token;
    const secretary = w.users.secretary.token;
    for (const [name, query] of [
      ["Genoptræning", "genoptræning"],
      ["Hemmeligt", "hemmelig"],
    ]) {
      const res = await post("/api/v1/saved-searches", { name, query }, member);
      expect(res.statusCode, res.body).toBe(201);
    }
    const send = await smtpSender({ smtpUrl: smtp.url(), mailFrom: "Tværs <tvaers@test.invalid>" });
    if (!send) {
      throw new Error("no sender");
    }
    const run = () => sendAlerts(t().database.db, { send, baseUrl: "https://tvaers.test" });

    const m = (
      await post("/api/v1/meetings", { bodyId: w.ssu.id, start: "2025-06-05T10:00" }, secretary)
    ).json();
    const open = (
      await post(
        `/api/v1/meetings/${m.id}/items`,
        { title: "Genoptræningsplaner efter udskrivning" },
        secretary,
      )
    ).json();
    await post(
      `/api/v1/meetings/${m.id}/items`,
      { title: `Genoptræning ${SECRET}`, access: "closed", decisionText: `Hemmelig ${SECRET}` },
      secretary,
    );
    expect((await run()).mails).toBe(0);

    let v = m.version;
    for (const to of ["agenda_published", "held", "minutes_draft", "minutes_approved", "minutes_published"]) {
      const token = to === "minutes_approved" ? w.users.chair.token : secretary;
      const res = await post(`/api/v1/meetings/${m.id}/transition`, { to, version: v }, token);
      expect(res.statusCode, res.body).toBe(200);
      v = res.json().version;
    }
    const first = await run();
    // Agenda and minutes were both published since the search was saved: one mail, the item at both levels.
    expect(first).toMatchObject({ mails: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0] as Received;
    expect(mail.to).toEqual(["medlem@test.dk"]);
    const body = decode(mail.raw);
    expect(body).toContain("Genoptræningsplaner efter udskrivning");
    expect(body).toContain(`https://tvaers.test/moeder/${m.id}#punkt-${open.number}`);
    expect(body).toContain("Referat offentliggjort");
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain("Hemmelig");

    // Nothing new: nothing sent again.
    expect((await run()).mails).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it("an unreachable mail server fails the run softly and the alert is retried", async () => {
    const dead = await smtpSender({ smtpUrl: "smtp://127.0.0.1:1", mailFrom: "x@test.invalid" });
    const m = (
      await post("/api/v1/meetings", { bodyId: w.ssu.id, start: "2025-06-12T10:00" }, w.users.secretary.token)
    ).json();
    await post(`/api/v1/meetings/${m.id}/items`, { title: "Genoptræning igen" }, w.users.secretary.token);
    await post(
      `/api/v1/meetings/${m.id}/transition`,
      { to: "agenda_published", version: m.version },
      w.users.secretary.token,
    );
    const errors: number[] = [];
    const failed = await sendAlerts(t().database.db, {
      send: dead as NonNullable<typeof dead>,
      baseUrl: "https://tvaers.test",
      onError: (id) => errors.push(id),
    });
    expect(failed.failed).toBe(1);
    expect(errors).toHaveLength(1);
    const send = await smtpSender({ smtpUrl: smtp.url(), mailFrom: "x@test.invalid" });
    const retried = await sendAlerts(t().database.db, {
      send: send as NonNullable<typeof send>,
      baseUrl: "https://tvaers.test",
    });
    expect(retried.mails).toBe(1);
    expect(decode(smtp.received.at(-1)?.raw ?? "")).toContain("Genoptræning igen");
  });
});
