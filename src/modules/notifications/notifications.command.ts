/** `tvaers notifications send`: one run of the outbox worker (expand, digests, send), as the server does. */
import { loadConfig } from "../../config.ts";
import { createDatabase } from "../../db/client.ts";
import { createMailer } from "../mail/index.ts";
import { countUnsentUnchecked } from "./outbox-admin.ts";
import { runNotifications, SMTP_TIMEOUT_MS } from "./worker.ts";

export async function runNotificationsSend(
  say: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  opts: { remindDays?: number } = {},
) {
  const config = loadConfig();
  const mailer = await createMailer(config, { pool: 5, timeoutMs: SMTP_TIMEOUT_MS });
  if (!mailer) {
    say("TVAERS_SMTP_URL er ikke sat: notifikationerne bliver i udbakken, indtil en SMTP-server er sat op.");
  }
  const database = await createDatabase(config);
  try {
    await database.migrate();
    const run = await runNotifications(database.db, {
      send: mailer ? (m) => mailer.send(m) : null,
      baseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      remindDays: opts.remindDays,
      onError: (id, err) =>
        say(`  mail ${id}: ${err instanceof Error ? err.message : String(err)} (prøves igen senere)`),
    });
    const left = await countUnsentUnchecked(database.db);
    say(
      `Notifikationer: ${run.queued} lagt i udbakken, ${run.reminders} påmindelser, ${run.digests} døgnsamlinger, ${run.sent} sendt, ${run.failed} fejlede; ${left} venter.`,
    );
    return run;
  } finally {
    mailer?.close();
    await database.close();
  }
}
