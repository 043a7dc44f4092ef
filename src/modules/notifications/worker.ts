/**
 * The outbox worker: expand recorded events, make the digests of past days, send what is due. Run by
 * the server while it listens (every WORKER_SECONDS, and shortly after each changing request) and by
 * `tvaers notifications send`. Runs never overlap within a process; across processes the claims in
 * outbox.ts keep each mail to one sender.
 */
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.ts";
import { createMailer } from "../mail/index.ts";
import { makeDigests } from "./digest.ts";
import { expandEvents } from "./expand.ts";
import { type SendMail, type SendRun, sendDue } from "./outbox.ts";
import { queueReminders } from "./reminders.ts";

const WORKER_SECONDS = 30;
const KICK_DELAY_MS = 200;
/** Reminders depend on the clock, not on writes: looked for at most this often by the server. */
const REMINDER_MINUTES = 5;
/** A mail server that does not answer fails the attempt after this long (then the back-off). */
export const SMTP_TIMEOUT_MS = 10_000;

export interface NotificationRun extends SendRun {
  queued: number;
  reminders: number;
  digests: number;
}

/** One run: expansion, digests, sending. Without a sender, mails wait in the outbox. */
export async function runNotifications(
  db: Db,
  opts: {
    send: SendMail | null;
    baseUrl: string;
    now?: Date;
    /** days before a follow-up's due date its owner is reminded (default 3) */
    remindDays?: number;
    /** false: skip looking for due reminders in this run (the server does it every few minutes) */
    reminders?: boolean;
    onError?: (id: number, err: unknown) => void;
    onEventError?: (eventId: number, err: unknown) => void;
  },
): Promise<NotificationRun> {
  const queued = await expandEvents(db, { baseUrl: opts.baseUrl, onError: opts.onEventError });
  const reminders =
    opts.reminders === false
      ? 0
      : await queueReminders(db, { baseUrl: opts.baseUrl, now: opts.now, daysBefore: opts.remindDays });
  const digests = await makeDigests(db, { baseUrl: opts.baseUrl, now: opts.now });
  const sent = opts.send
    ? await sendDue(db, { send: opts.send, now: opts.now, onError: opts.onError })
    : { sent: 0, failed: 0 };
  return { queued, reminders, digests, ...sent };
}

/** Starts the worker when the server listens; stops it on close. */
export function startNotificationWorker(app: FastifyInstance, baseUrl: () => string): void {
  let timer: NodeJS.Timeout | undefined;
  let kick: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  let again = false;
  let close: (() => void) | undefined;
  let send: SendMail | null = null;
  let remindedAt = 0;

  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    const reminders = Date.now() - remindedAt >= REMINDER_MINUTES * 60_000;
    if (reminders) {
      remindedAt = Date.now();
    }
    running = runNotifications(app.database.db, {
      send,
      baseUrl: baseUrl(),
      reminders,
      onError: (id, err) => app.log.warn({ err, outboxId: id }, "notification mail failed; retried later"),
      onEventError: (id, err) =>
        app.log.error({ err, eventId: id }, "notification event could not be expanded"),
    })
      .then((r) => {
        if (r.queued + r.reminders + r.sent + r.failed + r.digests > 0) {
          app.log.info(r, "notifications");
        }
      })
      .catch((err: unknown) => app.log.error({ err }, "notification worker failed"))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };

  app.addHook("onListen", async () => {
    const mailer = await createMailer(app.config, { pool: 10, timeoutMs: SMTP_TIMEOUT_MS });
    send = mailer ? (m) => mailer.send(m) : null;
    close = mailer ? () => mailer.close() : undefined;
    timer = setInterval(run, WORKER_SECONDS * 1000);
    timer.unref();
    run();
  });
  // A write may have recorded events: expand and send soon after it answered (never in the request).
  app.afterWrite(() => {
    if (timer && !kick) {
      kick = setTimeout(() => {
        kick = undefined;
        run();
      }, KICK_DELAY_MS);
      kick.unref();
    }
  });
  app.addHook("onClose", async () => {
    clearInterval(timer);
    clearTimeout(kick);
    await running;
    close?.();
  });
}
