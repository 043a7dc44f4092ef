import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, updateVersioned } from "../../db/crud.ts";
import { toLocalDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize, canEditBody, canReadClosed } from "../auth/index.ts";
import {
  canSeeItem,
  getItemWithMeeting,
  type ItemRow,
  type MeetingRow,
  visibilityOf,
} from "../meetings/index.ts";
import { canEditCase } from "./cases.access.ts";
import { loadCase } from "./cases.service.ts";
import { type ConsultationRole, cases, consultations } from "./cases.tables.ts";
import { roleOf } from "./phrases.ts";
import { resolveItems, resolveSources } from "./timeline.service.ts";

type ConsultationRow = typeof consultations.$inferSelect;
const WHAT = "Behandlingen";

/** The local (Danish) date of a meeting: part of an item's stable key. */
export function meetingDateOf(meeting: Pick<MeetingRow, "start">): string {
  return toLocalDateTime(meeting.start).slice(0, 10);
}

/**
 * The consultations whose note the reader may see: a note is read next to its item, so it follows the
 * item's visibility (`visibility.ts`: a closed item's note only for the body's members, an unpublished
 * agenda's only for members). A note whose item is gone is shown to the body's members only.
 */
export async function visibleNotes(ctx: Ctx, rows: ConsultationRow[]): Promise<Set<number>> {
  const resolved = await resolveItems(ctx.db, rows);
  const sources = await resolveSources(ctx.db, rows);
  const visible = new Set<number>();
  for (const r of rows) {
    // a stop read from another item's case history is as visible as that item
    const hit = resolved.get(r.id) ?? sources.get(r.id);
    const sees = hit
      ? canSeeItem(visibilityOf(ctx.actor, hit.meeting), hit.item.access)
      : canReadClosed(ctx.actor, r.bodyId);
    if (sees) {
      visible.add(r.id);
    }
  }
  return visible;
}

/** A consultation as the reader may see it: `noteVisible` from `visibleNotes`. */
export function presentConsultation(row: ConsultationRow, noteVisible: boolean) {
  return {
    ...presentMeta(row),
    caseId: row.caseId,
    itemId: row.itemId,
    meetingId: row.meetingId,
    bodyId: row.bodyId,
    meetingDate: row.meetingDate,
    itemNumber: row.itemNumber,
    role: row.role,
    targetBodyId: row.targetBodyId,
    note: noteVisible ? row.note : null,
  };
}

/** An item the actor may see in full (a closed item only for members): else 404. */
export async function loadVisibleItem(ctx: Ctx, itemId: number) {
  const { item, meeting } = await getItemWithMeeting(ctx, itemId);
  if (!canSeeItem(visibilityOf(ctx.actor, meeting), item.access)) {
    throw notFound("Punktet");
  }
  return { item, meeting };
}

/**
 * Links an item to a case (idempotent by the item's stable key). A closed item makes a new case's
 * link visible only to its body's members; the case itself stays as it is.
 */
export async function linkItem(
  db: DbOrTx,
  caseId: number,
  item: ItemRow,
  meeting: MeetingRow,
  opts: {
    role?: ConsultationRole | undefined;
    targetBodyId?: number | null | undefined;
    note?: string | null;
  } = {},
): Promise<ConsultationRow> {
  const values = {
    caseId,
    itemId: item.id,
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
    meetingDate: meetingDateOf(meeting),
    itemNumber: item.number,
  };
  const [existing] = await db
    .select()
    .from(consultations)
    .where(
      and(
        eq(consultations.caseId, caseId),
        eq(consultations.bodyId, values.bodyId),
        eq(consultations.meetingDate, values.meetingDate),
        eq(consultations.itemNumber, values.itemNumber),
      ),
    );
  if (existing) {
    return existing;
  }
  const [row] = await db
    .insert(consultations)
    .values({
      ...values,
      role: opts.role ?? roleOf(item, false),
      targetBodyId: opts.targetBodyId ?? null,
      note: opts.note ?? null,
    })
    .returning();
  return row as ConsultationRow;
}

export async function addConsultation(
  ctx: Ctx,
  input: {
    caseId: number;
    itemId: number;
    role?: ConsultationRole | undefined;
    targetBodyId?: number | null | undefined;
    note?: string | null | undefined;
  },
) {
  const { row, bodyIds } = await loadCase(ctx, input.caseId);
  const { item, meeting } = await loadVisibleItem(ctx, input.itemId);
  authorize(
    ctx.actor,
    canEditCase(ctx.actor, row, bodyIds) || canEditBody(ctx.actor, meeting.bodyId),
    "Kun sekretariatet for et forum, der behandler sagen, kan føje punkter til den.",
  );
  const decidingId = row.decidingBodyId;
  const role = input.role ?? (decidingId === meeting.bodyId ? "decision" : undefined);
  const created = await linkItem(ctx.db, input.caseId, item, meeting, {
    role,
    targetBodyId: input.targetBodyId,
    note: input.note ?? null,
  });
  if (row.awaitingBodyId === meeting.bodyId) {
    await ctx.db.update(cases).set({ awaitingBodyId: null }).where(eq(cases.id, row.id));
  }
  return presentConsultation(created, true);
}

export async function listConsultations(ctx: Ctx, f: Partial<{ caseId: number }>) {
  if (!f.caseId) {
    throw new AppError("validation_failed", "Angiv sagen.", [{ path: "caseId", message: "Skal udfyldes." }]);
  }
  await loadCase(ctx, f.caseId);
  const rows = await ctx.db
    .select()
    .from(consultations)
    .where(eq(consultations.caseId, f.caseId))
    .orderBy(asc(consultations.meetingDate), asc(consultations.id));
  const notes = await visibleNotes(ctx, rows);
  return { items: rows.map((r) => presentConsultation(r, notes.has(r.id))), nextCursor: null };
}

async function loadConsultation(ctx: Ctx, id: number) {
  const [row] = await ctx.db.select().from(consultations).where(eq(consultations.id, id));
  if (!row) {
    throw notFound(WHAT);
  }
  const loaded = await loadCase(ctx, row.caseId).catch(() => {
    throw notFound(WHAT);
  });
  return { row, caseRow: loaded.row, bodyIds: loaded.bodyIds };
}

export async function getConsultation(ctx: Ctx, id: number) {
  const { row } = await loadConsultation(ctx, id);
  return presentConsultation(row, (await visibleNotes(ctx, [row])).has(row.id));
}

export async function updateConsultation(
  ctx: Ctx,
  id: number,
  input: {
    version: number;
    role?: ConsultationRole | undefined;
    targetBodyId?: number | null;
    note?: string | null;
  },
) {
  const { row, caseRow, bodyIds } = await loadConsultation(ctx, id);
  authorize(
    ctx.actor,
    canEditCase(ctx.actor, caseRow, bodyIds),
    "Kun sagens sekretariat kan ændre behandlingen.",
  );
  const { version, ...values } = input;
  const updated = await updateVersioned<ConsultationRow>(
    ctx.db,
    consultations,
    row.id,
    version,
    values,
    WHAT,
  );
  return presentConsultation(updated, (await visibleNotes(ctx, [updated])).has(updated.id));
}

export async function removeConsultation(ctx: Ctx, id: number, version: number | undefined) {
  const { row, caseRow, bodyIds } = await loadConsultation(ctx, id);
  authorize(
    ctx.actor,
    canEditCase(ctx.actor, caseRow, bodyIds),
    "Kun sagens sekretariat kan fjerne behandlingen.",
  );
  await deleteVersioned(ctx.db, consultations, row.id, version, WHAT);
}

export const consultationService = {
  list: listConsultations,
  get: getConsultation,
  create: addConsultation,
  update: updateConsultation,
  remove: removeConsultation,
};
