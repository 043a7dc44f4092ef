/**
 * The background work of written procedures (after the commit, resumable: everything due is read from the
 * matters themselves): the one reminder a day before the deadline to those who have not answered, and at
 * the deadline the result recorded once. Each step is guarded in SQL (`reminded_at is null`, `status =
 * 'open'`), so a second run, or a second instance, does nothing twice.
 */
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { bodies } from "../bodies/index.ts";
import { queueMatterMails } from "./matters.mail.ts";
import { REMIND_BEFORE_MS } from "./matters.rules.ts";
import { recordProcedureResult, silentParticipants } from "./matters.service.ts";
import { matters } from "./matters.tables.ts";

async function sendDueReminders(db: Db, baseUrl: string, now: Date): Promise<number> {
  const soon = new Date(now.getTime() + REMIND_BEFORE_MS);
  const due = await db
    .select({ id: matters.id })
    .from(matters)
    .where(
      and(
        eq(matters.procedure, "written_procedure"),
        eq(matters.status, "open"),
        isNull(matters.remindedAt),
        gt(matters.deadline, now),
        lte(matters.deadline, soon),
      ),
    )
    .limit(20);
  let reminded = 0;
  for (const { id } of due) {
    reminded += await db.transaction(async (tx) => {
      const [m] = await tx
        .update(matters)
        .set({ remindedAt: now })
        .where(and(eq(matters.id, id), isNull(matters.remindedAt)))
        .returning();
      if (!m) {
        return 0;
      }
      const silent = await silentParticipants(tx, m, now);
      const [b] = await tx.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, m.bodyId));
      await queueMatterMails(tx, m, b?.name ?? "", "remind", silent, baseUrl);
      return 1;
    });
  }
  return reminded;
}

async function closeDueProcedures(db: Db, now: Date): Promise<number> {
  const due = await db
    .select({ id: matters.id })
    .from(matters)
    .where(
      and(
        eq(matters.procedure, "written_procedure"),
        eq(matters.status, "open"),
        lte(matters.deadline, sql`${now.toISOString()}::timestamptz`),
      ),
    )
    .orderBy(matters.id)
    .limit(20);
  let closed = 0;
  for (const { id } of due) {
    if (await db.transaction((tx) => recordProcedureResult(tx, id, now))) {
      closed++;
    }
  }
  return closed;
}

/** One round: reminders due now, then results due now; returns how much it did (0: nothing due). */
export async function runMatterDeadlines(db: Db, baseUrl: string, now = new Date()): Promise<number> {
  return (await sendDueReminders(db, baseUrl, now)) + (await closeDueProcedures(db, now));
}
