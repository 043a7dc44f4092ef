/** `tvaers actions remind` and the server's periodic run: the same function, sendActionReminders. */
import type { Config } from "../../config.ts";
import { loadConfig } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import { createDatabase } from "../../db/client.ts";
import { createMailer } from "../mail/index.ts";
import { sendActionReminders } from "./remind.ts";

export async function runActionsRemind(
  opts: { days?: string },
  out = (l: string) => process.stderr.write(`${l}\n`),
) {
  const config = loadConfig();
  const days = Number(opts.days ?? "3");
  if (!Number.isInteger(days) || days < 0 || days > 60) {
    throw new Error("--days skal være et helt tal mellem 0 og 60.");
  }
  const mailer = await createMailer(config);
  if (!mailer) {
    throw new Error(
      "Der er ingen SMTP-server: sæt TVAERS_SMTP_URL (fx smtp://bruger:kode@smtp.example.dk:587).",
    );
  }
  const database = await createDatabase(config);
  try {
    await database.migrate();
    const result = await sendActionReminders({ db: database.db, mailer, daysBefore: days });
    out(`Påmindelser sendt: ${result.sent}. Uden e-mailadresse: ${result.withoutEmail}.`);
    return result;
  } finally {
    mailer.close();
    await database.close();
  }
}

const HOUR = 60 * 60 * 1000;

/**
 * Runs the reminders every hour while the server runs (only with an SMTP server). Each action is
 * reminded once per due date, so the hourly run sends nothing twice. Returns a stop function.
 */
export async function startReminderTimer(
  config: Pick<Config, "smtpUrl" | "mailFrom">,
  database: Database,
  log: (err: unknown) => void,
): Promise<() => void> {
  const mailer = await createMailer(config);
  if (!mailer) {
    return () => {};
  }
  let running = false;
  const run = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      await sendActionReminders({ db: database.db, mailer });
    } catch (err) {
      log(err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), HOUR);
  timer.unref();
  void run();
  return () => {
    clearInterval(timer);
    mailer.close();
  };
}
