/**
 * Sending the outbox: each due mail is claimed (so two workers never take the same row), sent, and
 * marked sent only after the SMTP server accepted it. A failure puts it back with a growing pause;
 * after MAX_ATTEMPTS it is given up and shown as failed on the admin's page. A claim older than
 * STALE_MINUTES (a worker that died mid-send) is taken back.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { MailMessage } from "../mail/index.ts";
import { rowsOf } from "./rows.ts";

export const MAX_ATTEMPTS = 12;
const STALE_MINUTES = 15;
/** News older than this is not sent any more (a mail server down for days, or configured late). */
const EXPIRY_DAYS = 7;
const BATCH = 50;
/** How many mails are handed to the (pooled) transport at once. */
const PARALLEL = 10;

export type SendMail = (message: MailMessage) => Promise<void>;

/** Minutes before attempt n+1 after n failed ones: 1, 2, 4 … capped at an hour. */
export function backoffMinutes(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

interface Claimed {
  id: number;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
  attempts: number;
}

/** The SMTP message of an outbox row, with RFC 8058 one-click unsubscribe when it has a link. */
export function toMessage(row: Claimed): MailMessage {
  return {
    to: row.toAddress,
    subject: row.subject,
    text: row.text,
    html: row.html,
    ...(row.unsubscribeUrl
      ? {
          headers: {
            "List-Unsubscribe": `<${row.unsubscribeUrl}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
        }
      : {}),
  };
}

async function claim(db: Db, now: Date): Promise<Claimed[]> {
  const at = now.toISOString();
  const days = sql.raw(String(EXPIRY_DAYS));
  await db.execute(sql`update notification_outbox set state = 'failed', last_error = 'Ikke sendt inden for ${days} dage.'
    where state = 'pending' and created_at < ${at}::timestamptz - interval '${days} days'`);
  await db.execute(sql`update notification_outbox set state = 'pending'
    where state = 'sending' and next_attempt_at < ${at}::timestamptz - interval '${sql.raw(String(STALE_MINUTES))} minutes'`);
  return rowsOf<Claimed>(
    await db.execute(sql`update notification_outbox o
      set state = 'sending', attempts = o.attempts + 1, next_attempt_at = ${at}::timestamptz
      where o.id in (select id from notification_outbox where state = 'pending' and next_attempt_at <= ${at}::timestamptz
        order by id limit ${BATCH} for update skip locked)
      returning o.id, o.to_address as "toAddress", o.subject, o.text, o.html,
        o.unsubscribe_url as "unsubscribeUrl", o.attempts`),
  );
}

export interface SendRun {
  sent: number;
  failed: number;
}

/** Sends every due mail; a failed send waits for its back-off and never blocks the others. */
export async function sendDue(
  db: Db,
  opts: { send: SendMail; now?: Date; onError?: (id: number, err: unknown) => void },
): Promise<SendRun> {
  const run: SendRun = { sent: 0, failed: 0 };
  const now = opts.now ?? new Date();
  for (;;) {
    const rows = await claim(db, now);
    if (rows.length === 0) {
      return run;
    }
    for (let i = 0; i < rows.length; i += PARALLEL) {
      const sent: number[] = [];
      await Promise.all(
        rows.slice(i, i + PARALLEL).map(async (row) => {
          try {
            await opts.send(toMessage(row));
            sent.push(row.id);
            run.sent++;
          } catch (err) {
            run.failed++;
            opts.onError?.(row.id, err);
            const next = new Date(now.getTime() + backoffMinutes(row.attempts) * 60_000);
            const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
            await db.execute(sql`update notification_outbox
              set state = ${row.attempts >= MAX_ATTEMPTS ? "failed" : "pending"},
                next_attempt_at = ${next.toISOString()}::timestamptz, last_error = ${message}
              where id = ${row.id}`);
          }
        }),
      );
      // Marked once the server accepted them; a crash before this line is the one case of a mail sent twice.
      if (sent.length > 0) {
        await db.execute(sql`update notification_outbox set state = 'sent', sent_at = now(), last_error = null
          where id in (select (jsonb_array_elements_text(${JSON.stringify(sent)}::jsonb))::int)`);
      }
    }
    // A run that only fails would claim the same rows again at once: stop until their back-off.
    if (run.sent === 0 && run.failed > 0) {
      return run;
    }
  }
}
