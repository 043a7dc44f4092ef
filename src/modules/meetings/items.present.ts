import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { presentMeta } from "../../server/schemas.ts";
import type { TAbsence, TAttachmentMeta, TItem } from "./items.schemas.ts";
import { type agendaItems, attachments, itemAbsences } from "./items.tables.ts";
import { canSeeAttachment, canSeeItem, type Visibility } from "./visibility.ts";

export type ItemRow = typeof agendaItems.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type AbsenceRow = typeof itemAbsences.$inferSelect;

export const CLOSED_TITLE = "Lukket punkt";

export function presentAttachment(row: AttachmentRow): TAttachmentMeta {
  return {
    ...presentMeta(row),
    itemId: row.itemId,
    position: row.position,
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    access: row.access,
    hasFile: row.sha256 !== null,
  };
}

export function presentAbsence(row: AbsenceRow): TAbsence {
  return { ...presentMeta(row), itemId: row.itemId, personId: row.personId, note: row.note };
}

/**
 * Presents an item for a reader. A closed item the reader may not see keeps only its place
 * in the agenda; decisions and absences appear only once the reader may see the minutes.
 */
export function presentItem(
  row: ItemRow,
  related: { attachments: AttachmentRow[]; absences: AbsenceRow[] },
  v: Visibility,
): TItem {
  const base = {
    ...presentMeta(row),
    meetingId: row.meetingId,
    number: row.number,
    position: row.position,
    access: row.access,
  };
  if (!canSeeItem(v, row.access)) {
    return {
      ...base,
      title: CLOSED_TITLE,
      redacted: true,
      durationMinutes: null,
      kind: "standard",
      sections: {},
      otherSections: [],
      recommendations: [],
      decisionText: null,
      outcome: null,
      caseNumbers: [],
      absences: [],
      attachments: [],
    };
  }
  return {
    ...base,
    title: row.title,
    redacted: false,
    durationMinutes: row.durationMinutes,
    kind: row.kind,
    sections: row.sections as Record<string, string>,
    otherSections: row.otherSections,
    recommendations: row.recommendations,
    decisionText: v.minutes ? row.decisionText : null,
    outcome: v.minutes ? row.outcome : null,
    caseNumbers: row.caseNumbers,
    absences: v.minutes ? related.absences.map(presentAbsence) : [],
    attachments: related.attachments
      .filter((a) => canSeeAttachment(v, row.access, a.access))
      .map(presentAttachment),
  };
}

/** Loads attachments and absences of many items in two queries (never one per item). */
export async function loadItemRelations(db: DbOrTx, itemIds: number[]) {
  const byItem = new Map<number, { attachments: AttachmentRow[]; absences: AbsenceRow[] }>();
  for (const id of itemIds) {
    byItem.set(id, { attachments: [], absences: [] });
  }
  if (itemIds.length === 0) {
    return byItem;
  }
  const [atts, abs] = await Promise.all([
    db
      .select()
      .from(attachments)
      .where(inArray(attachments.itemId, itemIds))
      .orderBy(asc(attachments.position), asc(attachments.id)),
    db.select().from(itemAbsences).where(inArray(itemAbsences.itemId, itemIds)).orderBy(asc(itemAbsences.id)),
  ]);
  for (const a of atts) {
    byItem.get(a.itemId)?.attachments.push(a);
  }
  for (const a of abs) {
    byItem.get(a.itemId)?.absences.push(a);
  }
  return byItem;
}
