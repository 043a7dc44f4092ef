/** E-mail reminders before actions fall due: run by the server periodically and by `tvaers actions remind`. */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Mailer } from "../mail/index.ts";
import { persons } from "../people/index.ts";
import { type ActionRow, presentActions, todayInDenmark } from "./actions.service.ts";
import { actions } from "./actions.tables.ts";

export const REMIND_DAYS_BEFORE = 3;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Should this action get a reminder today? Pure: open, due within the window, not reminded for this due date. */
export function needsReminder(
  a: { status: string; effectiveDue: string | null; remindedFor: string | null },
  today: string,
  daysBefore = REMIND_DAYS_BEFORE,
): boolean {
  return (
    a.status === "open" &&
    a.effectiveDue !== null &&
    a.effectiveDue >= today &&
    a.effectiveDue <= addDays(today, daysBefore) &&
    a.remindedFor !== a.effectiveDue
  );
}

export function reminderText(a: { text: string; effectiveDue: string; ownerText: string | null }): MailBody {
  const [y, m, d] = a.effectiveDue.split("-");
  return {
    subject: `Påmindelse: opfølgning forfalder ${d}.${m}.${y}`,
    text: `Hej${a.ownerText ? ` ${a.ownerText}` : ""}\n\nEn opfølgning, du er ansvarlig for, forfalder den ${d}.${m}.${y}:\n\n${a.text}\n\nVenlig hilsen\nTværs`,
  };
}
interface MailBody {
  subject: string;
  text: string;
}

/**
 * Sends one reminder per open action whose owner has an e-mail address and whose due date is within
 * `daysBefore` days; remembers the due date it reminded for, so a run twice a day sends once.
 */
export async function sendActionReminders(opts: {
  db: DbOrTx;
  mailer: Mailer;
  now?: Date;
  daysBefore?: number;
}): Promise<{ sent: number; withoutEmail: number }> {
  const now = opts.now ?? new Date();
  const today = todayInDenmark(now);
  const rows = await opts.db
    .select()
    .from(actions)
    .where(and(eq(actions.status, "open"), isNotNull(actions.ownerPersonId)));
  const presented = await presentActions(opts.db, rows, now);
  const byId = new Map<number, ActionRow>(rows.map((r) => [r.id, r]));
  const due = presented.filter((a) =>
    needsReminder(
      { ...a, remindedFor: byId.get(a.id)?.remindedFor ?? null },
      today,
      opts.daysBefore ?? REMIND_DAYS_BEFORE,
    ),
  );
  const ownerIds = [...new Set(due.map((a) => a.ownerPersonId as number))];
  const owners =
    ownerIds.length > 0
      ? await opts.db
          .select({ id: persons.id, email: persons.email })
          .from(persons)
          .where(inArray(persons.id, ownerIds))
      : [];
  const email = new Map(owners.map((o) => [o.id, o.email]));
  let sent = 0;
  let withoutEmail = 0;
  for (const a of due) {
    const to = email.get(a.ownerPersonId as number);
    if (!to || !a.effectiveDue) {
      withoutEmail++;
      continue;
    }
    await opts.mailer.send({ to, ...reminderText({ ...a, effectiveDue: a.effectiveDue }) });
    // one update per sent mail: a failure midway leaves the sent ones marked and the rest for next run
    await opts.db
      .update(actions)
      .set({ remindedFor: a.effectiveDue, remindedAt: now })
      .where(eq(actions.id, a.id));
    sent++;
  }
  return { sent, withoutEmail };
}
