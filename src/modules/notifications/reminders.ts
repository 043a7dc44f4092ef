/**
 * Reminders through the outbox, queued by the worker on each run: a follow-up due soon and a follow-up
 * overdue (to its owner), minutes still waiting for approval after some days (to the chair and
 * vice-chair). Each reminder's dedupe key names what it reminds of (the due date, the draft), so a
 * reminder is queued once however often the worker runs, and sent like any other mail (retries,
 * language, settings, one-click unsubscribe).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { actions } from "../actions/actions.tables.ts";
import { needsReminder, presentActions, REMIND_DAYS_BEFORE } from "../actions/index.ts";
import { todayInDenmark } from "../auth/index.ts";
import {
  actionSubject,
  insertOutboxRows,
  meetingSubject,
  outboxRows,
  recipientsOf,
  withTokens,
} from "./expand.ts";
import { rowsOf } from "./rows.ts";
import type { Route } from "./topics.ts";

/** Minutes waiting this many days for approval remind the chair and vice-chair (once per draft). */
export const MINUTES_REMIND_AFTER_DAYS = 3;
/** An overdue follow-up is reminded of once, if it fell due at most this many days ago. */
export const OVERDUE_WITHIN_DAYS = 7;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Which reminder an open follow-up needs today, if any. Pure. */
export function actionReminderKind(
  a: { status: string; effectiveDue: string | null; remindedFor: string | null },
  today: string,
  daysBefore = REMIND_DAYS_BEFORE,
): "actionDue" | "actionOverdue" | null {
  if (needsReminder(a, today, daysBefore)) {
    return "actionDue";
  }
  const due = a.effectiveDue;
  if (a.status === "open" && due !== null && due < today && due >= addDays(today, -OVERDUE_WITHIN_DAYS)) {
    return "actionOverdue";
  }
  return null;
}

async function queueActionReminders(db: Db, baseUrl: string, now: Date, daysBefore: number) {
  const today = todayInDenmark(now);
  const rows = await db
    .select()
    .from(actions)
    .where(sql`${actions.status} = 'open' and ${actions.ownerPersonId} is not null`);
  const presented = await presentActions(db, rows, now);
  const remindedFor = new Map(rows.map((r) => [r.id, r.remindedFor]));
  let queued = 0;
  for (const a of presented) {
    const kind = actionReminderKind({ ...a, remindedFor: remindedFor.get(a.id) ?? null }, today, daysBefore);
    if (!kind || !a.effectiveDue) {
      continue;
    }
    queued += await db.transaction(async (tx) => {
      const subject = await actionSubject(tx, a.id, baseUrl, kind);
      const route: Route = { topic: "actions", audience: "owner", subscribers: false, message: kind };
      const event = { kind: "action_assigned", actionId: a.id } as const;
      const readers = subject
        ? await withTokens(tx, await recipientsOf(tx, route, event, subject.bodyId))
        : [];
      const stem = `r-${kind}:a${a.id}:${a.effectiveDue}`;
      const out = subject
        ? outboxRows(readers, { subject, topic: "actions", stem, eventId: null, actorUserId: null }, baseUrl)
        : [];
      const inserted = await insertOutboxRows(tx, out);
      if (kind === "actionDue") {
        // The workspace shows when the owner was reminded; this due date is not reminded of again.
        await tx.execute(sql`update actions set reminded_for = ${a.effectiveDue}::date, reminded_at = ${now.toISOString()}::timestamptz
          where id = ${a.id}`);
      }
      return inserted;
    });
  }
  return queued;
}

async function queueMinutesReminders(db: Db, baseUrl: string, now: Date) {
  const waiting = rowsOf<{ id: number; draftedAt: string; draftedBy: number | null }>(
    await db.execute(sql`select id, minutes_drafted_at::text as "draftedAt", minutes_drafted_by as "draftedBy"
      from meetings where status = 'minutes_draft' and not cancelled and minutes_drafted_at is not null
        and minutes_drafted_at <= ${now.toISOString()}::timestamptz - interval '${sql.raw(String(MINUTES_REMIND_AFTER_DAYS))} days'
      order by id`),
  );
  let queued = 0;
  for (const m of waiting) {
    queued += await db.transaction(async (tx) => {
      const route: Route = {
        topic: "approval",
        audience: "chairs",
        subscribers: false,
        message: "minutesReminder",
      };
      const event = { kind: "minutes_awaiting_approval", meetingId: m.id } as const;
      const subject = await meetingSubject(tx, route, event, baseUrl);
      if (!subject) {
        return 0;
      }
      const readers = await withTokens(tx, await recipientsOf(tx, route, event, subject.bodyId));
      // The one who drafted the minutes is not reminded to approve their own draft.
      const occasion = {
        subject,
        topic: route.topic,
        stem: `r-minutes:m${m.id}:${m.draftedAt}`,
        eventId: null,
        actorUserId: m.draftedBy,
      };
      return insertOutboxRows(tx, outboxRows(readers, occasion, baseUrl));
    });
  }
  return queued;
}

/** Queues every reminder that is due now; returns the number of mails queued. */
export async function queueReminders(
  db: Db,
  opts: { baseUrl: string; now?: Date; daysBefore?: number },
): Promise<number> {
  const now = opts.now ?? new Date();
  return (
    (await queueActionReminders(db, opts.baseUrl, now, opts.daysBefore ?? REMIND_DAYS_BEFORE)) +
    (await queueMinutesReminders(db, opts.baseUrl, now))
  );
}
