/**
 * Publishing the minutes of a body with 40 members and 500 confirmed public subscribers, with the
 * outbox worker running as in the server (listening, SMTP on loopback): how long the publishing
 * request takes (it must not wait for mail) and how long until the outbox is empty and every mail
 * has arrived at the SMTP server. PGlite, and PostgreSQL when BENCH_PG_URL (or DATABASE_URL) is set.
 */
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { testConfig } from "../src/config.ts";
import { createDatabase, type Database } from "../src/db/client.ts";
import { createApiToken, createUser } from "../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR, SYSTEM_ACTOR } from "../src/modules/auth/index.ts";
import { createBody } from "../src/modules/bodies/index.ts";
import { createItem, createMeeting, transitionMeeting } from "../src/modules/meetings/index.ts";
import { countUnsentUnchecked, publicSubscriptions } from "../src/modules/notifications/index.ts";
import { createMembership, createPerson } from "../src/modules/people/index.ts";
import { buildApp } from "../src/server/app.ts";

const MEMBERS = 40;
const SUBSCRIBERS = 500;

async function smtpServer() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function benchOn(label: string, database: Database): Promise<void> {
  await database.migrate();
  const smtp = await smtpServer();
  const app = await buildApp({
    config: testConfig({ logLevel: "silent", smtpUrl: smtp.url, publicUrl: "https://tvaers.test" }),
    database,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const system = { db: database.db, actor: SYSTEM_ACTOR };
    const stamp = Date.now();
    const body = await createBody(system, {
      name: `Bench-notifikationer ${stamp}`,
      kind: "political_committee",
    });
    let secretaryToken = "";
    for (let i = 0; i < MEMBERS; i++) {
      const person = await createPerson(system, { name: `Medlem ${i}` });
      const role = i === 0 ? "secretary" : i === 1 ? "chair" : "member";
      await createMembership(system, { personId: person.id, bodyId: body.id, role });
      const user = await createUser(system, {
        email: `medlem-${i}-${stamp}@bench.test`,
        name: `Medlem ${i}`,
        password: "korrekt-hest-batteri",
        isAdmin: false,
        personId: person.id,
      });
      if (i === 0) {
        secretaryToken = (
          await createApiToken(
            { db: database.db, actor: { ...PUBLIC_ACTOR, userId: user.id } },
            { name: "bench" },
          )
        ).token;
      }
    }
    await database.db.insert(publicSubscriptions).values(
      Array.from({ length: SUBSCRIBERS }, (_, i) => ({
        email: `borger-${i}-${stamp}@bench.test`,
        bodyId: body.id,
        token: `bench${stamp}${String(i).padStart(20, "0")}`,
        confirmedAt: new Date(),
      })),
    );
    const meeting = await createMeeting(system, {
      bodyId: body.id,
      start: new Date(Date.UTC(2025, 0, 9, 9)),
    });
    for (let i = 1; i <= 10; i++) {
      await createItem(system, {
        meetingId: meeting.id,
        title: `Punkt ${i}`,
        access: i === 5 ? "closed" : "open",
      });
    }
    let m = meeting;
    for (const to of ["agenda_published", "held", "minutes_draft", "minutes_approved"] as const) {
      m = await transitionMeeting(system, meeting.id, { to, version: m.version });
    }
    // Let the documents of the earlier steps be made, so only the publication is measured.
    await app.background.drain();

    const t0 = performance.now();
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/meetings/${meeting.id}/transition`,
      headers: { authorization: `Bearer ${secretaryToken}` },
      payload: { to: "minutes_published", version: m.version },
    });
    const answered = performance.now() - t0;
    if (res.statusCode !== 200) {
      throw new Error(`${res.statusCode}: ${res.body.slice(0, 200)}`);
    }
    const expected = MEMBERS - 1 + SUBSCRIBERS;
    const deadline = performance.now() + 300_000;
    let expanded = 0;
    while (
      JSON.stringify(
        await database.db.execute(
          sql`select count(*)::int as n from notification_events where expanded_at is null`,
        ),
      ).includes('"n":1') &&
      performance.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expanded = performance.now() - t0;
    while (
      ((await countUnsentUnchecked(database.db)) > 0 || smtp.received() < expected) &&
      performance.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const emptied = performance.now() - t0;
    process.stdout.write(
      `${label}: publishing request ${answered.toFixed(0)} ms; ${expected} mails queued after ${(expanded / 1000).toFixed(2)} s; outbox empty after ${(emptied / 1000).toFixed(2)} s, ` +
        `${smtp.received()} of ${expected} mails received (${((smtp.received() / emptied) * 1000).toFixed(0)} mails/s)\n`,
    );
  } finally {
    await app.close();
    await smtp.close();
    await database.close();
  }
}

export async function benchNotifications(): Promise<void> {
  await benchOn("PGlite", await createDatabase({ databaseUrl: undefined, dataDir: "memory://" }));
  const url = process.env.BENCH_PG_URL ?? process.env.DATABASE_URL;
  if (url) {
    await benchOn("PostgreSQL", await createDatabase({ databaseUrl: url, dataDir: "memory://" }));
  } else {
    process.stdout.write(
      "PostgreSQL: set BENCH_PG_URL (or DATABASE_URL) to an empty database to include it.\n",
    );
  }
}
