import { createHash } from "node:crypto";
import { and, asc, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { authorize, canEditBody } from "../auth/index.ts";
import { getItemWithMeeting, getMeetingRow } from "../meetings/index.ts";
import { auditLog } from "./audit.tables.ts";

/** The hash of one entry: the same text the database hashes (migration "audit_triggers"), computed here independently. */
export function entryHash(e: {
  prevHash: string;
  tableName: string;
  action: string;
  rowId: string | null;
  before: string | null;
  after: string | null;
  actor: string;
  epoch: string;
}): string {
  const text = [
    e.prevHash,
    e.tableName,
    e.action,
    e.rowId ?? "",
    e.before ?? "",
    e.after ?? "",
    e.actor,
    e.epoch,
  ].join("|");
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface VerifyResult {
  entries: number;
  /** ids of entries whose hash or link to the previous entry does not match */
  broken: number[];
}

/**
 * Walks the whole chain in id order and recomputes every hash in Node, not with the database's own
 * function, so a tampered function cannot hide a tampered row.
 */
export async function verifyAuditChain(db: DbOrTx, batch = 5000): Promise<VerifyResult> {
  let after = 0;
  let prev = "";
  let entries = 0;
  const broken: number[] = [];
  for (;;) {
    const rows = await db
      .select({
        id: auditLog.id,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
        tableName: auditLog.tableName,
        action: auditLog.action,
        rowId: auditLog.rowId,
        actor: auditLog.actor,
        before: sql<string | null>`${auditLog.before}::text`,
        after: sql<string | null>`${auditLog.after}::text`,
        epoch: sql<string>`extract(epoch from ${auditLog.at})::text`,
      })
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(batch);
    for (const row of rows) {
      entries++;
      if (row.prevHash !== prev || entryHash(row) !== row.hash) {
        broken.push(row.id);
      }
      prev = row.hash;
      after = row.id;
    }
    if (rows.length < batch) {
      return { entries, broken };
    }
  }
}

/** Appends a note to the chain (e.g. "restore", "demo") for work audited as a whole. */
export async function appendAuditNote(
  db: DbOrTx,
  tableName: string,
  action: string,
  detail: Record<string, unknown>,
) {
  await db.execute(
    sql`select tvaers_audit_append(${tableName}, ${action}, null, null, ${JSON.stringify(detail)}::jsonb)`,
  );
}

/** Runs `fn` with row auditing off in this transaction and records one note for all of it instead. */
export async function asAuditedBulk<T>(
  db: DbOrTx,
  note: { tableName: string; action: string; detail: Record<string, unknown> },
  fn: () => Promise<T>,
): Promise<T> {
  await db.execute(sql`select set_config('tvaers.audit_bulk', 'on', true)`);
  const result = await fn();
  await db.execute(sql`select set_config('tvaers.audit_bulk', 'off', true)`);
  await appendAuditNote(db, note.tableName, note.action, note.detail);
  return result;
}

function present(row: typeof auditLog.$inferSelect) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    table: row.tableName,
    rowId: row.rowId,
    action: row.action,
    before: row.before as Record<string, unknown> | null,
    after: row.after as Record<string, unknown> | null,
  };
}

const rowOf = (table: string, id: number) =>
  and(eq(auditLog.tableName, table), eq(auditLog.rowId, String(id))) as SQL;
const childOf = (table: string, key: string, ids: number[]) =>
  and(
    eq(auditLog.tableName, table),
    or(
      inArray(sql`(${auditLog.after}->>${key})`, ids.map(String)),
      inArray(sql`(${auditLog.before}->>${key})`, ids.map(String)),
    ),
  ) as SQL;

async function history(db: DbOrTx, where: SQL) {
  const rows = await db.select().from(auditLog).where(where).orderBy(asc(auditLog.id)).limit(2000);
  return rows.map(present);
}

/** The history of a meeting: the meeting, its attendance and its items (secretariat of the body only). */
export async function meetingHistory(ctx: Ctx, meetingId: number) {
  const meeting = await getMeetingRow(ctx.db, meetingId);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, meeting.bodyId),
    "Kun forummets sekretariat kan se historikken.",
  );
  return history(
    ctx.db,
    or(
      rowOf("meetings", meetingId),
      childOf("attendance", "meeting_id", [meetingId]),
      childOf("agenda_items", "meeting_id", [meetingId]),
    ) as SQL,
  );
}

/** The history of an item: the item, its absences, attachments and corrections. */
export async function itemHistory(ctx: Ctx, itemId: number) {
  const { meeting } = await getItemWithMeeting(ctx, itemId);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, meeting.bodyId),
    "Kun forummets sekretariat kan se historikken.",
  );
  return history(
    ctx.db,
    or(
      rowOf("agenda_items", itemId),
      childOf("item_absences", "item_id", [itemId]),
      childOf("attachments", "item_id", [itemId]),
      childOf("minutes_corrections", "item_id", [itemId]),
    ) as SQL,
  );
}
