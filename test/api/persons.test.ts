import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

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
          const to = session.envelope.rcptTo.map((r) => r.address);
          received.push({ to, data: Buffer.concat(chunks).toString("utf8") });
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

/** The link of a confirmation mail (quoted-printable soft breaks undone). */
const linkIn = (mail: string) => {
  const m = /http:\/\/[^\s]*\/mine-oplysninger\/e-mail\/[A-Za-z0-9_-]+/.exec(mail.replace(/=\r?\n/g, ""));
  if (!m) {
    throw new Error(`no link in ${mail}`);
  }
  return new URL(m[0]);
};

describeEachDatabase("API: persons and their e-mail (issue 18.4)", (kind) => {
  const smtp = useSmtp();
  const t = useTestApp(kind, {
    get smtpUrl() {
      return smtp.url();
    },
    mailFrom: "tvaers@test.dk",
  });
  let w: World;
  const patchPerson = (who: keyof World["users"], id: number, payload: Record<string, unknown>) =>
    t().request({ method: "PATCH", url: `/api/v1/persons/${id}`, token: w.users[who].token, payload });
  const person = async (id: number) =>
    (await t().request({ method: "GET", url: `/api/v1/persons/${id}`, token: w.users.admin.token })).json();

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
    const chair = await person(w.people.chair.id);
    expect(
      (await patchPerson("admin", chair.id, { email: "frede@test.dk", version: chair.version })).statusCode,
    ).toBe(200);
  }, 120_000);

  it("refuses another body's secretary who changes a person's e-mail (the audit's request) or deletes them", async () => {
    const chair = await person(w.people.chair.id);
    const res = await patchPerson("outsider", chair.id, {
      email: "attacker@evil.example",
      version: chair.version,
    });
    expect(res.statusCode).toBe(403);
    expect(
      (await patchPerson("outsider", chair.id, { title: "Hacket", version: chair.version })).statusCode,
    ).toBe(403);
    const del = await t().request({
      method: "DELETE",
      url: `/api/v1/persons/${chair.id}?version=${chair.version}`,
      token: w.users.outsider.token,
    });
    expect(del.statusCode).toBe(403);
    expect((await person(chair.id)).email).toBe("frede@test.dk");
  });

  it("lets the body's secretary correct a title, but a new address only through a confirmation", async () => {
    const chair = await person(w.people.chair.id);
    const title = await patchPerson("secretary", chair.id, {
      title: "Regionsrådsmedlem",
      version: chair.version,
    });
    expect(title.statusCode).toBe(200);
    const direct = await patchPerson("secretary", chair.id, {
      email: "ny@test.dk",
      version: title.json().version,
    });
    expect(direct.statusCode).toBe(400);
    expect(direct.json().error.fields[0].path).toBe("email");
    expect((await person(chair.id)).email).toBe("frede@test.dk");
  });

  it("changes the address when the link mailed to the new address is confirmed; the old one is told", async () => {
    const before = smtp.received.length;
    const asked = await t().request({
      method: "POST",
      url: `/api/v1/persons/${w.people.chair.id}/email`,
      token: w.users.secretary.token,
      payload: { email: "frede.formand@test.dk" },
    });
    expect(asked.statusCode).toBe(202);
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(["frede.formand@test.dk", "frede@test.dk"]);
    const toNew = mails.find((m) => m.to[0] === "frede.formand@test.dk")?.data ?? "";
    expect(mails.find((m) => m.to[0] === "frede@test.dk")?.data).not.toMatch(/mine-oplysninger\/e-mail\//);
    expect((await person(w.people.chair.id)).email).toBe("frede@test.dk");

    const link = linkIn(toNew);
    const page = await t().request({ method: "GET", url: link.pathname, headers: { accept: "text/html" } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("frede.formand@test.dk");
    expect((await person(w.people.chair.id)).email).toBe("frede@test.dk");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const cookie = [page.headers["set-cookie"] ?? []]
      .flat()
      .map((c) => c.split(";")[0])
      .join("; ");
    const confirmed = await t().request({
      method: "POST",
      url: link.pathname,
      headers: { accept: "text/html", cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain("E-mailadressen er nu frede.formand@test.dk");
    expect((await person(w.people.chair.id)).email).toBe("frede.formand@test.dk");
    const again = await t().request({
      method: "POST",
      url: "/api/v1/email-confirmations",
      payload: { token: link.pathname.split("/").at(-1) },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].path).toBe("token");
  });

  it("shows a person their own data on »Mine oplysninger« and lets them correct it", async () => {
    const token = w.users.member.token;
    const page = await t().request({
      method: "GET",
      url: "/mine-oplysninger",
      token,
      headers: { accept: "text/html" },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Mette Medlem");
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? "";
    const saved = await t().request({
      method: "POST",
      url: "/mine-oplysninger",
      token,
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ name: "Mette Medlem Hansen", title: "Konsulent", version }).toString(),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain("Dine oplysninger er gemt.");
    expect((await person(w.people.member.id)).name).toBe("Mette Medlem Hansen");

    const before = smtp.received.length;
    const asked = await t().request({
      method: "POST",
      url: "/mine-oplysninger/e-mail",
      token,
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ email: "mette@test.dk" }).toString(),
    });
    expect(asked.statusCode).toBe(200);
    expect(smtp.received.slice(before).map((m) => m.to[0])).toEqual(["mette@test.dk"]);
    const bad = await t().request({
      method: "POST",
      url: "/mine-oplysninger/e-mail",
      token,
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ email: "ikke en adresse" }).toString(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv en gyldig e-mailadresse");
    const anonymous = await t().request({
      method: "GET",
      url: "/mine-oplysninger",
      headers: { accept: "text/html" },
    });
    expect(anonymous.statusCode).toBe(303);
  });
});
