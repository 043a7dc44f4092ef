import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { TIME_ZONE } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { listCaseActions } from "../actions/index.ts";
import { bodies } from "../bodies/index.ts";
import { listCaseDecisions } from "../matters/index.ts";
import {
  agendaItems,
  attachments,
  CLOSED_TITLE,
  canSeeAttachment,
  canSeeItem,
  type ItemRow,
  type MeetingRow,
  meetings,
  presentAttachment,
  visibilityOf,
} from "../meetings/index.ts";
import type { TTimelineEntry } from "./cases.schemas.ts";
import { loadCase, numbersOf, presentCase } from "./cases.service.ts";
import { consultations } from "./cases.tables.ts";
import { ROLE_LABEL_DA } from "./phrases.ts";

type ConsultationRow = typeof consultations.$inferSelect;

/** SQL: a meeting's local date, the date part of an item's stable key. */
export const localDate = (col: typeof meetings.start) =>
  sql<string>`to_char((${col} at time zone ${sql.raw(`'${TIME_ZONE}'`)}), 'YYYY-MM-DD')`;

/**
 * The items the consultations point at: by id, or — when a re-import replaced the row — by the
 * stable key (body, local meeting date, item number).
 */
export async function resolveItems(db: DbOrTx, rows: ConsultationRow[]) {
  const byConsultation = new Map<number, { item: ItemRow; meeting: MeetingRow }>();
  const ids = rows.map((r) => r.itemId).filter((id): id is number => id !== null);
  const keyed = rows.filter((r) => r.itemId === null);
  const conditions: SQL[] = [];
  if (ids.length > 0) {
    conditions.push(inArray(agendaItems.id, ids));
  }
  for (const r of keyed) {
    conditions.push(
      and(
        eq(meetings.bodyId, r.bodyId),
        eq(agendaItems.number, r.itemNumber),
        sql`${localDate(meetings.start)} = ${r.meetingDate}`,
      ) as SQL,
    );
  }
  if (conditions.length === 0) {
    return byConsultation;
  }
  const found = await db
    .select({ item: agendaItems, meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(or(...conditions));
  for (const r of rows) {
    const hit =
      r.itemId !== null
        ? found.find((f) => f.item.id === r.itemId)
        : found.find(
            (f) =>
              f.meeting.bodyId === r.bodyId &&
              f.item.number === r.itemNumber &&
              f.meeting.start.toLocaleDateString("sv-SE", { timeZone: TIME_ZONE }) === r.meetingDate,
          );
    if (hit) {
      byConsultation.set(r.id, hit);
    }
  }
  return byConsultation;
}

/**
 * For stops read from another item's case history (`source_item_id`): that item and its meeting. The
 * stop's note is as visible as that item.
 */
export async function resolveSources(db: DbOrTx, rows: ConsultationRow[]) {
  const bySource = new Map<number, { item: ItemRow; meeting: MeetingRow }>();
  const ids = [...new Set(rows.map((r) => r.sourceItemId).filter((id): id is number => id !== null))];
  if (ids.length === 0) {
    return bySource;
  }
  const found = await db
    .select({ item: agendaItems, meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(inArray(agendaItems.id, ids));
  for (const r of rows) {
    const hit = found.find((f) => f.item.id === r.sourceItemId);
    if (hit) {
      bySource.set(r.id, hit);
    }
  }
  return bySource;
}

/** What a reader is told an entry is: its title, or why it is withheld. */
function titleFor(hit: { item: ItemRow } | undefined, sees: boolean, agendaPublic: boolean): string {
  if (!hit) {
    return "Punktet findes ikke længere";
  }
  if (sees) {
    return hit.item.title;
  }
  return agendaPublic ? CLOSED_TITLE : "Dagsordenen er ikke offentliggjort endnu";
}

/** A case's timeline across bodies, as the reader may see it: closed items keep only their place. */
export async function getTimeline(ctx: Ctx, caseId: number) {
  const { row } = await loadCase(ctx, caseId);
  const rows = await ctx.db
    .select()
    .from(consultations)
    .where(eq(consultations.caseId, caseId))
    .orderBy(asc(consultations.meetingDate), asc(consultations.id));
  const resolved = await resolveItems(ctx.db, rows);
  const sources = await resolveSources(ctx.db, rows);
  const bodyIds = [
    ...new Set(rows.flatMap((r) => [r.bodyId, r.targetBodyId]).filter((b): b is number => b !== null)),
  ];
  const bodyRows =
    bodyIds.length > 0
      ? await ctx.db
          .select({ id: bodies.id, name: bodies.name })
          .from(bodies)
          .where(inArray(bodies.id, bodyIds))
      : [];
  const bodyName = new Map(bodyRows.map((b) => [b.id, b.name]));
  const visibleItems: { item: ItemRow; meeting: MeetingRow }[] = [];
  const entries: TTimelineEntry[] = rows.map((c) => {
    const hit = resolved.get(c.id);
    const source = hit ? undefined : sources.get(c.id);
    if (source) {
      return historyEntry(ctx, c, source, bodyName);
    }
    const v = hit ? visibilityOf(ctx.actor, hit.meeting) : null;
    const sees = hit !== undefined && v !== null && canSeeItem(v, hit.item.access);
    if (sees && hit) {
      visibleItems.push(hit);
    }
    return {
      consultationId: c.id,
      date: c.meetingDate,
      body: { id: c.bodyId, name: bodyName.get(c.bodyId) ?? "" },
      meetingId: hit?.meeting.id ?? null,
      itemId: hit?.item.id ?? null,
      itemNumber: c.itemNumber,
      title: titleFor(hit, sees, v?.agenda ?? false),
      redacted: !sees,
      missing: hit === undefined,
      role: c.role,
      roleLabel: ROLE_LABEL_DA[c.role],
      targetBody: c.targetBodyId ? { id: c.targetBodyId, name: bodyName.get(c.targetBodyId) ?? "" } : null,
      outcome: sees && hit && v?.minutes ? hit.item.outcome : null,
      decisionText: sees && hit && v?.minutes ? hit.item.decisionText : null,
      source: null,
    };
  });
  const documents = await visibleDocuments(ctx, visibleItems);
  const numbers = await numbersOf(ctx.db, [caseId]);
  return {
    case: presentCase(row, numbers.get(caseId) ?? []),
    entries,
    decisions: await listCaseDecisions(ctx, caseId),
    documents,
    actions: await listCaseActions(ctx, caseId),
  };
}

/**
 * A stop known only from another item's case history: the reader sees the earlier decision exactly
 * when they may see the item whose document told it (a closed item's history stays closed).
 */
function historyEntry(
  ctx: Ctx,
  c: ConsultationRow,
  source: { item: ItemRow; meeting: MeetingRow },
  bodyName: Map<number, string>,
): TTimelineEntry {
  const v = visibilityOf(ctx.actor, source.meeting);
  const sees = canSeeItem(v, source.item.access);
  return {
    consultationId: c.id,
    date: c.meetingDate,
    body: { id: c.bodyId, name: bodyName.get(c.bodyId) ?? "" },
    meetingId: c.meetingId,
    itemId: null,
    itemNumber: c.itemNumber,
    title: sees ? source.item.title : titleFor(source, false, v.agenda),
    redacted: !sees,
    missing: false,
    role: c.role,
    roleLabel: ROLE_LABEL_DA[c.role],
    targetBody: c.targetBodyId ? { id: c.targetBodyId, name: bodyName.get(c.targetBodyId) ?? "" } : null,
    outcome: null,
    decisionText: sees ? c.note : null,
    source: sees
      ? { itemId: source.item.id, meetingId: source.meeting.id, itemNumber: source.item.number }
      : null,
  };
}

async function visibleDocuments(ctx: Ctx, visible: { item: ItemRow; meeting: MeetingRow }[]) {
  if (visible.length === 0) {
    return [];
  }
  const byItem = new Map(visible.map((h) => [h.item.id, h]));
  const rows = await ctx.db
    .select()
    .from(attachments)
    .where(inArray(attachments.itemId, [...byItem.keys()]))
    .orderBy(asc(attachments.itemId), asc(attachments.position), asc(attachments.id));
  return rows
    .filter((a) => {
      const h = byItem.get(a.itemId);
      return h !== undefined && canSeeAttachment(visibilityOf(ctx.actor, h.meeting), h.item.access, a.access);
    })
    .map(presentAttachment);
}
