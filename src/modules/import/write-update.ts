/**
 * A document whose meeting exists (a corrected version, or the minutes after the agenda): each field
 * follows the rule in provenance.ts. Approved minutes are changed the way a secretariat changes them
 * by hand — with a correction row that keeps the values before and after and the reason.
 */
import { and, asc, desc, eq, max, sql } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import {
  agendaItems,
  attachments,
  isMinutesLocked,
  itemAbsences,
  meetings,
  minutesCorrections,
} from "../meetings/index.ts";
import type { ImportItem, ImportResult } from "./import.schemas.ts";
import { importedDocuments } from "./import.tables.ts";
import {
  EMPTY_PROVENANCE,
  ITEM_FIELDS,
  type ItemField,
  type ItemProvenance,
  type ItemValues,
  itemValues,
  meetingKindOf,
  mergeAction,
  type Provenance,
  type SectionKey,
  same,
} from "./provenance.ts";
import type { PersonIndex } from "./resolve.ts";
import {
  type AttachmentFiles,
  closedTitles,
  syncAbsences,
  syncAttachments,
  uniqueTitles,
} from "./sync-children.ts";
import { absentIds, locationOf, type WriteCounts, zeroCounts } from "./write-create.ts";

type MeetingRow = typeof meetings.$inferSelect;
type ItemRow = typeof agendaItems.$inferSelect;

const FIELD_DA: Record<ItemField | "sections", string> = {
  title: "titlen",
  access: "åben/lukket",
  durationMinutes: "varigheden",
  kind: "punkttypen",
  caseNumbers: "sagsnumrene",
  recommendations: "indstillingen",
  otherSections: "de øvrige afsnit",
  decisionText: "beslutningen",
  outcome: "udfaldet",
  sections: "afsnittet",
};

export interface UpdateInput {
  meeting: MeetingRow;
  result: ImportResult;
  fileName: string;
  files: AttachmentFiles;
  people: PersonIndex;
}

/** What the importer wrote into this meeting last time. */
async function lastProvenance(ctx: Ctx, meetingId: number): Promise<Provenance> {
  const [row] = await ctx.db
    .select({ provenance: importedDocuments.provenance })
    .from(importedDocuments)
    .where(eq(importedDocuments.meetingId, meetingId))
    .orderBy(desc(importedDocuments.id))
    .limit(1);
  return row?.provenance ?? EMPTY_PROVENANCE;
}

/** Merges one item's columns; returns the changed values, what was before, the new provenance and what was kept. */
function mergeItem(row: ItemRow, values: ItemValues, written: ItemProvenance | undefined) {
  const changes: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  const fields: ItemProvenance["fields"] = {};
  const kept: string[] = [];
  for (const field of ITEM_FIELDS) {
    const wasWritten = written !== undefined && field in written.fields;
    const action = mergeAction(row[field], written?.fields[field], values[field], wasWritten);
    if (action === "keep") {
      kept.push(FIELD_DA[field]);
      if (wasWritten) {
        fields[field] = written?.fields[field];
      }
      continue;
    }
    fields[field] = values[field];
    if (action === "update") {
      changes[field] = values[field];
      before[field] = row[field];
    }
  }
  const current = row.sections as Partial<Record<SectionKey, string>>;
  const sections: Partial<Record<SectionKey, string>> = { ...current };
  const sectionProvenance: ItemProvenance["sections"] = {};
  const keys = new Set([
    ...Object.keys(current),
    ...Object.keys(values.sections),
    ...Object.keys(written?.sections ?? {}),
  ]);
  for (const key of keys as Set<SectionKey>) {
    const wasWritten = written !== undefined && key in written.sections;
    const action = mergeAction(current[key], written?.sections[key], values.sections[key], wasWritten);
    if (action === "keep") {
      kept.push(`${FIELD_DA.sections} ${key}`);
      if (wasWritten && written?.sections[key] !== undefined) {
        sectionProvenance[key] = written.sections[key];
      }
      continue;
    }
    const next = values.sections[key];
    if (next !== undefined) {
      sectionProvenance[key] = next;
      sections[key] = next;
    } else {
      delete sections[key];
    }
  }
  if (!same(sections, current)) {
    changes.sections = sections;
    before.sections = current;
  }
  return { changes, before, fields, sections: sectionProvenance, kept };
}

/** Updates an existing meeting from a document; returns the new provenance and counts. */
export async function updateFromDocument(
  ctx: Ctx,
  input: UpdateInput,
): Promise<{ provenance: Provenance; counts: WriteCounts; kept: string[]; meetingChanged: boolean }> {
  const { meeting, result, files, people } = input;
  const db = ctx.db;
  const locked = isMinutesLocked(meeting.status);
  const reason = `Rettet udgave importeret fra ${input.fileName}`.slice(0, 2000);
  const written = await lastProvenance(ctx, meeting.id);
  const counts = zeroCounts();
  const kept: string[] = [];
  const provenance: Provenance = { meeting: {}, items: [] };

  const meetingChanges: Record<string, unknown> = {};
  const nextMeeting = { location: locationOf(result), kind: meetingKindOf(result) };
  for (const field of ["location", "kind"] as const) {
    const wasWritten = field in written.meeting;
    const action = mergeAction(meeting[field], written.meeting[field], nextMeeting[field], wasWritten);
    if (action === "keep") {
      kept.push(`mødets ${field === "location" ? "sted" : "type"}`);
      if (wasWritten) {
        Object.assign(provenance.meeting, { [field]: written.meeting[field] });
      }
      continue;
    }
    Object.assign(provenance.meeting, { [field]: nextMeeting[field] });
    if (action === "update") {
      meetingChanges[field] = nextMeeting[field];
    }
  }
  if (Object.keys(meetingChanges).length > 0) {
    await db
      .update(meetings)
      .set({ ...meetingChanges, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
      .where(eq(meetings.id, meeting.id));
  }

  const rows = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const claimed = new Set<number>();
  const findRow = (number: number) => {
    const p = written.items.find((w) => w.number === number && byId.has(w.itemId) && !claimed.has(w.itemId));
    const row = p ? byId.get(p.itemId) : rows.find((r) => r.number === number && !claimed.has(r.id));
    return { row, p: row && p?.itemId === row.id ? p : written.items.find((w) => w.itemId === row?.id) };
  };

  for (const item of result.items) {
    const values = itemValues(item);
    const { row, p } = findRow(values.number);
    if (!row) {
      provenance.items.push(await insertItem(ctx, meeting.id, item, values, files, people, counts));
      continue;
    }
    claimed.add(row.id);
    const merged = mergeItem(row, values, p);
    kept.push(...merged.kept.map((k) => `punkt ${values.number}: ${k} er ændret af en bruger og bevaret`));
    const att = await syncAttachments(
      db,
      row.id,
      p?.attachments ?? {},
      uniqueTitles(item.attachments),
      files,
      closedTitles(item),
    );
    const abs = await syncAbsences(db, row.id, p?.absences ?? {}, await absentIds(people, item.absent));
    counts.files += att.filesStored;
    const changed = Object.keys(merged.changes).length > 0;
    if (changed) {
      await db
        .update(agendaItems)
        .set({ ...merged.changes, version: sql`${agendaItems.version} + 1`, updatedAt: new Date() })
        .where(eq(agendaItems.id, row.id));
    }
    if (locked && (changed || att.changed || abs.changed)) {
      const before = {
        ...merged.before,
        ...(att.changed ? { attachments: att.before } : {}),
        ...(abs.changed ? { absentPersonIds: abs.before } : {}),
      };
      const after = {
        ...merged.changes,
        ...(att.changed ? { attachments: att.after } : {}),
        ...(abs.changed ? { absentPersonIds: abs.after } : {}),
      };
      await db
        .insert(minutesCorrections)
        .values({ itemId: row.id, reason, before, after, userId: ctx.actor.userId });
    }
    counts[changed || att.changed || abs.changed ? "updated" : "unchanged"] += 1;
    provenance.items.push({
      itemId: row.id,
      number: values.number,
      fields: merged.fields,
      sections: merged.sections,
      attachments: att.provenance,
      absences: abs.provenance,
    });
  }

  for (const p of written.items) {
    const row = byId.get(p.itemId);
    if (!row || claimed.has(row.id)) {
      continue;
    }
    if (await untouched(ctx, row, p)) {
      await db.delete(agendaItems).where(eq(agendaItems.id, row.id));
      counts.removed += 1;
    } else {
      kept.push(`punkt ${row.number} står ikke i den nye udgave, men er ændret af en bruger og bevaret`);
    }
  }
  return { provenance, counts, kept, meetingChanged: Object.keys(meetingChanges).length > 0 };
}

/** True when an item the importer wrote still holds exactly that, with no rows added by users. */
async function untouched(ctx: Ctx, row: ItemRow, p: ItemProvenance): Promise<boolean> {
  if (
    ITEM_FIELDS.some((f) => !(f in p.fields) || !same(row[f], p.fields[f])) ||
    !same(row.sections, p.sections)
  ) {
    return false;
  }
  const files = await ctx.db
    .select({ id: attachments.id, title: attachments.title })
    .from(attachments)
    .where(eq(attachments.itemId, row.id));
  const absent = await ctx.db
    .select({ id: itemAbsences.id, personId: itemAbsences.personId })
    .from(itemAbsences)
    .where(eq(itemAbsences.itemId, row.id));
  return (
    files.every((a) => p.attachments[String(a.id)] === a.title) &&
    absent.every((a) => p.absences[String(a.id)] === a.personId)
  );
}

/** A new item on an existing meeting, at the end of the agenda. */
async function insertItem(
  ctx: Ctx,
  meetingId: number,
  item: ImportItem,
  values: ItemValues,
  files: AttachmentFiles,
  people: PersonIndex,
  counts: WriteCounts,
): Promise<ItemProvenance> {
  const [last] = await ctx.db
    .select({ n: max(agendaItems.position) })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId)));
  const [row] = await ctx.db
    .insert(agendaItems)
    .values({ meetingId, ...values, position: (last?.n ?? 0) + 1 })
    .returning();
  const itemId = (row as ItemRow).id;
  const att = await syncAttachments(
    ctx.db,
    itemId,
    {},
    uniqueTitles(item.attachments),
    files,
    closedTitles(item),
  );
  const abs = await syncAbsences(ctx.db, itemId, {}, await absentIds(people, item.absent));
  counts.created += 1;
  counts.files += att.filesStored;
  return {
    itemId,
    number: values.number,
    fields: Object.fromEntries(ITEM_FIELDS.map((f) => [f, values[f]])),
    sections: values.sections,
    attachments: att.provenance,
    absences: abs.provenance,
  };
}
