/**
 * Removal of accidentally published personal data (issue 18.6, GDPR art. 17 and 5(1)(c)). One act
 * replaces a passage, wherever the item's material holds it, by "[Oplysninger fjernet <dato> –
 * <begrundelse>]": the item's fields, its correction history, the meeting's document jobs and every
 * frozen edition (rendered again, same address), the search index (its triggers follow the item) and the
 * audit log's payloads (scrubbed: the digest the chain covers stays). The log keeps that it happened, by
 * whom and why — never the text.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { appendAuditNote, auditLog, REMOVAL_NOTE } from "../audit/index.ts";
import { authorize } from "../auth/index.ts";
import { documentJobs, publishedDocuments, redactFrozenEditions, replaceDeep } from "../documents/index.ts";
import { agendaItems, getItemWithMeeting, minutesCorrections } from "../meetings/index.ts";
import { canRemovePersonalData } from "./removals.access.ts";
import { removalMarker } from "./removals.messages.ts";
import type { TRemovePersonalData } from "./removals.schemas.ts";
import { personalDataRemovals } from "./removals.tables.ts";

const ITEM_FIELDS = [
  "title",
  "sections",
  "otherSections",
  "recommendations",
  "decisionText",
  "caseNumbers",
] as const;

/** How a passage looks inside a JSON text (the audit log's payloads are searched as jsonb::text). */
const inJson = (passage: string) => JSON.stringify(passage).slice(1, -1);

type RemovalRow = typeof personalDataRemovals.$inferSelect;

function presentRemoval(row: RemovalRow) {
  return {
    id: row.id,
    itemId: row.itemId,
    meetingId: row.meetingId,
    reason: row.reason,
    marker: row.marker,
    removedAt: row.removedAt.toISOString(),
    places: row.places,
  };
}

/** Where the passage is in the item and its history: what the confirmation step shows, and the act's check. */
export async function findPassage(ctx: Ctx, itemId: number, passage: string | null) {
  const { item, meeting } = await getItemWithMeeting(ctx, itemId);
  authorize(
    ctx.actor,
    canRemovePersonalData(ctx.actor),
    "Kun en administrator kan fjerne personoplysninger.",
  );
  if (passage === null || passage === "") {
    return { item, meeting, fields: [] as string[], corrections: 0 };
  }
  const needle = inJson(passage);
  const fields = ITEM_FIELDS.filter((f) => JSON.stringify(item[f] ?? "").includes(needle));
  const corrections = await ctx.db
    .select({ id: minutesCorrections.id })
    .from(minutesCorrections)
    .where(
      and(
        eq(minutesCorrections.itemId, itemId),
        or(
          sql`strpos(${minutesCorrections.reason}, ${passage}) > 0`,
          sql`strpos(${minutesCorrections.before}::text, ${needle}) > 0`,
          sql`strpos(${minutesCorrections.after}::text, ${needle}) > 0`,
        ),
      ),
    );
  return { item, meeting, fields: fields as string[], corrections: corrections.length };
}

/** Replaces the passage in the given rows' text and JSON columns; returns how many rows changed. */
async function scrubRows<T extends Record<string, unknown>>(
  rows: (T & { id: number })[],
  columns: (keyof T & string)[],
  passage: string,
  marker: string,
  write: (id: number, values: Partial<T>) => Promise<unknown>,
): Promise<number> {
  let changed = 0;
  for (const row of rows) {
    const values: Partial<T> = {};
    for (const column of columns) {
      const next = replaceDeep(row[column], passage, marker);
      if (JSON.stringify(next) !== JSON.stringify(row[column])) {
        values[column] = next;
      }
    }
    if (Object.keys(values).length > 0) {
      await write(row.id, values);
      changed++;
    }
  }
  return changed;
}

/** Scrubs every audit entry whose payload holds the passage; returns their ids. */
async function scrubAuditLog(db: DbOrTx, passage: string, marker: string): Promise<number[]> {
  const needle = inJson(passage);
  const rows = await db
    .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(
      or(
        sql`strpos(coalesce(${auditLog.before}::text, ''), ${needle}) > 0`,
        sql`strpos(coalesce(${auditLog.after}::text, ''), ${needle}) > 0`,
      ),
    );
  if (rows.length === 0) {
    return [];
  }
  await db.execute(sql`select set_config('tvaers.audit_scrub', 'on', true)`);
  for (const row of rows) {
    await db
      .update(auditLog)
      .set({
        before: replaceDeep(row.before, passage, marker),
        after: replaceDeep(row.after, passage, marker),
        scrubbedAt: new Date(),
      })
      .where(eq(auditLog.id, row.id));
  }
  await db.execute(sql`select set_config('tvaers.audit_scrub', 'off', true)`);
  return rows.map((r) => r.id);
}

/** Rows of db.execute(): node-postgres and PGlite answer in different shapes. */
const rowCount = (result: unknown) =>
  (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])).length;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Mails that carry the passage (queued or sent, and the events they came from) forget it too. */
async function scrubMail(db: DbOrTx, passage: string, marker: string): Promise<number> {
  const [n, m] = [inJson(passage), inJson(marker)];
  const events = await db.execute(
    sql`update notification_events set payload = replace(payload::text, ${n}, ${m})::jsonb
      where strpos(payload::text, ${n}) > 0 returning id`,
  );
  const [hp, hm] = [escapeHtml(passage), escapeHtml(marker)];
  const mails = await db.execute(
    sql`update notification_outbox set subject = replace(subject, ${passage}, ${marker}),
      text = replace(text, ${passage}, ${marker}), html = replace(html, ${hp}, ${hm})
      where strpos(subject, ${passage}) > 0 or strpos(text, ${passage}) > 0 or strpos(html, ${hp}) > 0 returning id`,
  );
  return rowCount(events) + rowCount(mails);
}

/**
 * Removes a passage of personal data from an item and everything made from it (admins only; the caller's
 * transaction). Answers 409 when the item and its corrections do not hold the passage.
 */
export async function removePersonalData(ctx: Ctx, itemId: number, input: TRemovePersonalData) {
  const { item, meeting, fields, corrections } = await findPassage(ctx, itemId, input.passage);
  if (fields.length === 0 && corrections === 0) {
    throw new AppError(
      "conflict",
      "Teksten findes hverken i punktet eller i dets rettelser. Kopiér den præcise tekst fra punktet.",
      [{ path: "passage", message: "Teksten findes ikke i punktet." }],
    );
  }
  const { passage, reason } = input;
  const now = new Date();
  const marker = removalMarker(now, reason);
  // The changed rows are written without row entries (their old values would carry the passage); the
  // removal is recorded instead as one chained note below.
  await ctx.db.execute(sql`select set_config('tvaers.audit_bulk', 'on', true)`);
  const itemChanged = await scrubRows([item], [...ITEM_FIELDS], passage, marker, (id, values) =>
    ctx.db
      .update(agendaItems)
      .set({ ...values, version: sql`${agendaItems.version} + 1`, updatedAt: now })
      .where(eq(agendaItems.id, id)),
  );
  const correctionRows = await ctx.db
    .select()
    .from(minutesCorrections)
    .where(eq(minutesCorrections.itemId, itemId));
  const correctionsChanged = await scrubRows(
    correctionRows,
    ["reason", "before", "after"],
    passage,
    marker,
    (id, values) =>
      ctx.db
        .update(minutesCorrections)
        .set({ ...values, version: sql`${minutesCorrections.version} + 1`, updatedAt: now })
        .where(eq(minutesCorrections.id, id)),
  );
  const jobRows = await ctx.db.select().from(documentJobs).where(eq(documentJobs.meetingId, meeting.id));
  const jobsChanged = await scrubRows(
    jobRows,
    ["reasonFull", "reasonPublic"],
    passage,
    marker,
    (id, values) => ctx.db.update(documentJobs).set(values).where(eq(documentJobs.id, id)),
  );
  const docRows = await ctx.db
    .select({ id: publishedDocuments.id, reason: publishedDocuments.reason })
    .from(publishedDocuments)
    .where(eq(publishedDocuments.meetingId, meeting.id));
  const reasonsChanged = await scrubRows(docRows, ["reason"], passage, marker, (id, values) =>
    ctx.db.update(publishedDocuments).set(values).where(eq(publishedDocuments.id, id)),
  );
  const editions = await redactFrozenEditions(ctx, meeting.id, passage, marker);
  const mail = await scrubMail(ctx.db, passage, marker);
  await ctx.db.execute(sql`select set_config('tvaers.audit_bulk', 'off', true)`);
  const scrubbed = await scrubAuditLog(ctx.db, passage, marker);
  const places = {
    itemFields: itemChanged > 0 ? fields.length : 0,
    corrections: correctionsChanged,
    documentJobs: jobsChanged,
    documentReasons: reasonsChanged,
    editions,
    mail,
    auditEntries: scrubbed.length,
  };
  const [row] = await ctx.db
    .insert(personalDataRemovals)
    .values({
      itemId,
      meetingId: meeting.id,
      reason,
      marker,
      userId: ctx.actor.userId,
      places,
      removedAt: now,
    })
    .returning();
  const removal = row as RemovalRow;
  await appendAuditNote(ctx.db, "agenda_items", REMOVAL_NOTE, {
    removal: removal.id,
    itemId,
    meetingId: meeting.id,
    reason,
    by: ctx.actor.name,
    places,
    scrubbedEntries: scrubbed,
  });
  return presentRemoval(removal);
}

/** The removals made from an item (no text, only when, why and where): for those who may remove. */
export async function listRemovals(ctx: Ctx, itemId: number) {
  await getItemWithMeeting(ctx, itemId);
  authorize(ctx.actor, canRemovePersonalData(ctx.actor), "Kun en administrator kan se fjernelser.");
  const rows = await ctx.db
    .select()
    .from(personalDataRemovals)
    .where(inArray(personalDataRemovals.itemId, [itemId]))
    .orderBy(personalDataRemovals.id);
  return rows.map(presentRemoval);
}
