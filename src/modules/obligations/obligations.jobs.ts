/**
 * The background work of obligations (after the commit, resumable: what is due is read from the addressee
 * rows themselves): one reminder to each addressee that has not answered, a few days before its own
 * deadline. Guarded in SQL (`reminded_at is null`), so a second run, or a second instance, reminds nobody
 * twice; the mail itself goes through the notifications module (an `obligation_reminder` event).
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { emitDomainEvent } from "../../lib/domain-events.ts";
import { type Actor, PUBLIC_ACTOR, todayInDenmark } from "../auth/index.ts";
import { obligationAddressees, obligations } from "./obligations.tables.ts";

/** An addressee that has not answered is reminded this many days before its own deadline (once). */
export const REMIND_DAYS_BEFORE = 3;

/** The background task acts as nobody in particular (not the system, whose acts tell nobody). */
const TASK: Actor = { ...PUBLIC_ACTOR };

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** One round: the reminders due now; returns how many addressees were reminded (0: nothing due). */
export async function runObligationReminders(db: Db, now = new Date()): Promise<number> {
  const today = todayInDenmark(now);
  const due = sql`(case when ${obligationAddressees.state} = 'more_time' and ${obligationAddressees.newDeadline} is not null
    then ${obligationAddressees.newDeadline} else ${obligations.deadline} end)`;
  const rows = await db
    .select({ id: obligationAddressees.id, obligationId: obligationAddressees.obligationId })
    .from(obligationAddressees)
    .innerJoin(obligations, eq(obligations.id, obligationAddressees.obligationId))
    .where(
      and(
        inArray(obligationAddressees.state, ["open", "more_time"]),
        isNull(obligationAddressees.remindedAt),
        sql`${due} >= ${today} and ${due} <= ${addDays(today, REMIND_DAYS_BEFORE)}`,
      ),
    )
    .orderBy(obligationAddressees.id)
    .limit(50);
  let reminded = 0;
  for (const r of rows) {
    reminded += await db.transaction(async (tx) => {
      const [marked] = await tx
        .update(obligationAddressees)
        .set({ remindedAt: now })
        .where(and(eq(obligationAddressees.id, r.id), isNull(obligationAddressees.remindedAt)))
        .returning({ id: obligationAddressees.id });
      if (!marked) {
        return 0;
      }
      await emitDomainEvent(
        { db: tx, actor: TASK },
        { kind: "obligation_reminder", obligationId: r.obligationId, addresseeId: r.id },
      );
      return 1;
    });
  }
  return reminded;
}
