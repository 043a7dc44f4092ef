import { loadConfig } from "../config.ts";
import { createDatabase } from "../db/client.ts";
import { onFileStored } from "../modules/files/index.ts";
import { indexFileText, queuePublicSearchAlerts, sendAlerts, smtpSender } from "../modules/search/index.ts";

/** `tvaers alerts send`: one run of the search alerts (what the server does every TVAERS_ALERT_MINUTES). */
export async function runAlertsSend(say: (line: string) => void = (l) => process.stderr.write(`${l}\n`)) {
  const config = loadConfig();
  const send = await smtpSender(config);
  if (!send) {
    throw new Error("TVAERS_SMTP_URL er ikke sat; uden en SMTP-server kan der ikke sendes e-mail.");
  }
  onFileStored(indexFileText);
  const database = await createDatabase(config);
  try {
    await database.migrate();
    const run = await sendAlerts(database.db, {
      send,
      baseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      onError: (id, err) => say(`  gemt søgning ${id}: ${err instanceof Error ? err.message : String(err)}`),
    });
    const baseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
    const pub = await queuePublicSearchAlerts(database.db, {
      baseUrl,
      onError: (id, err) => say(`  abonnement ${id}: ${err instanceof Error ? err.message : String(err)}`),
    });
    say(
      `Offentlige søgeabonnementer: ${pub.subscriptions}, ${pub.mails} e-mails lagt i udbakken (sendes af serveren eller \`tvaers notifications send\`).`,
    );
    say(
      `Søgeagenter: ${run.searches} gemte søgninger, ${run.mails} e-mails med ${run.hits} resultater${run.failed ? `, ${run.failed} fejlede` : ""}.`,
    );
    return run;
  } finally {
    await database.close();
  }
}
