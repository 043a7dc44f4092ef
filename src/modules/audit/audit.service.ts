import { createHash } from "node:crypto";
import { and, asc, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { authorize, canEditBody } from "../auth/index.ts";
import { getItemWithMeeting, getMeetingRow } from "../meetings/index.ts";
import { auditLog } from "./audit.tables.ts";

/** The hash of one entry under chain version 1 (before migration "personal_data_removal"); kept for reference. */
export function entryHashV1(e: {
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
  return sha256(text);
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The digest of an entry's payload: the same text the database digests (tvaers_audit_digest). */
export function payloadDigest(e: {
  tableName: string;
  action: string;
  rowId: string | null;
  before: string | null;
  after: string | null;
}): string {
  return sha256([e.tableName, e.action, e.rowId ?? "", e.before ?? "", e.after ?? ""].join("|"));
}

/** The hash of one entry under chain version 2: the previous hash, the payload's digest, who and when. */
export function entryHash(e: { prevHash: string; digest: string; actor: string; epoch: string }): string {
  return sha256(["v2", e.prevHash, e.digest, e.actor, e.epoch].join("|"));
}

/** The action of the chained note a removal of personal data writes; it names the entries it scrubbed. */
export const REMOVAL_NOTE = "personal_data_removed";

export interface VerifyResult {
  entries: number;
  /** ids of entries whose hash, digest or link to the previous entry does not match */
  broken: number[];
  /** entries whose payload a removal of personal data changed (their digest is kept, not recomputed) */
  scrubbed: number;
}

/** The entry ids a removal note lists as scrubbed. */
function scrubbedIdsOf(after: string | null): number[] {
  if (!after) {
    return [];
  }
  const detail = JSON.parse(after) as { scrubbedEntries?: unknown };
  return Array.isArray(detail.scrubbedEntries) ? detail.scrubbedEntries.map(Number) : [];
}

/**
 * Walks the whole chain in id order and recomputes every digest and hash in Node, not with the
 * database's own functions, so a tampered function cannot hide a tampered row. A scrubbed entry's
 * payload is not checked against its digest (the passage was replaced on purpose), but the entry must
 * be named by a later removal note, which is itself chained and checked.
 */
export async function verifyAuditChain(db: DbOrTx, batch = 5000): Promise<VerifyResult> {
  let after = 0;
  let prev = "";
  let entries = 0;
  let scrubbed = 0;
  const broken: number[] = [];
  const unexplained = new Set<number>();
  for (;;) {
    const rows = await db
      .select({
        id: auditLog.id,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
        digest: auditLog.digest,
        scrubbedAt: auditLog.scrubbedAt,
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
      const digest = row.digest ?? "";
      const payloadOk = row.scrubbedAt !== null || payloadDigest(row) === digest;
      if (row.scrubbedAt !== null) {
        scrubbed++;
        unexplained.add(row.id);
      }
      if (row.prevHash !== prev || !payloadOk || !row.digest || entryHash({ ...row, digest }) !== row.hash) {
        broken.push(row.id);
      } else if (row.action === REMOVAL_NOTE && row.scrubbedAt === null) {
        for (const id of scrubbedIdsOf(row.after)) {
          unexplained.delete(id);
        }
      }
      prev = row.hash;
      after = row.id;
    }
    if (rows.length < batch) {
      broken.push(...unexplained);
      return { entries, broken: [...new Set(broken)].sort((a, b) => a - b), scrubbed };
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
