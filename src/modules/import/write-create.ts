/** A document whose meeting does not exist yet: written through the meetings services. */
import type { Ctx } from "../../server/context.ts";
import {
  absenceService,
  attachmentService,
  createItem,
  createMeeting,
  uploadAttachmentContent,
} from "../meetings/index.ts";
import type { ImportResult } from "./import.schemas.ts";
import {
  fold,
  ITEM_FIELDS,
  type ItemProvenance,
  itemValues,
  meetingKindOf,
  type Provenance,
} from "./provenance.ts";
import type { PersonIndex } from "./resolve.ts";
import { type AttachmentFiles, uniqueTitles } from "./sync-children.ts";

export interface WriteCounts {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  attachments: number;
  files: number;
  absences: number;
}

export const zeroCounts = (): WriteCounts => ({
  created: 0,
  updated: 0,
  removed: 0,
  unchanged: 0,
  attachments: 0,
  files: 0,
  absences: 0,
});

/** The location as the meetings API would take it. */
export const locationOf = (result: ImportResult) => result.location?.trim().slice(0, 300) || null;

/** Unique person ids of an item's absent names, in document order. */
export async function absentIds(people: PersonIndex, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    if (name.trim() === "") {
      continue;
    }
    const id = await people.idFor(name);
    if (!ids.includes(id)) {
      ids.push(id);
    }
  }
  return ids;
}

/** An attachment's access: a package names it per attachment; otherwise open, as the services default. */
export function attachmentAccess(item: ImportResult["items"][number], title: string): "open" | "closed" {
  const listed = item.packageAttachments?.find((a) => fold(a.title) === fold(title));
  return listed?.access === "closed" ? "closed" : "open";
}

/** Creates the meeting and everything in it; returns its id and what the importer wrote. */
export async function createFromDocument(
  ctx: Ctx,
  input: { bodyId: number; start: Date; result: ImportResult; files: AttachmentFiles; people: PersonIndex },
): Promise<{ meetingId: number; provenance: Provenance; counts: WriteCounts }> {
  const { result, files, people } = input;
  const counts = zeroCounts();
  const location = locationOf(result);
  const kind = meetingKindOf(result);
  const meeting = await createMeeting(ctx, { bodyId: input.bodyId, start: input.start, location, kind });
  const provenance: Provenance = { meeting: { location, kind }, items: [] };
  for (const item of result.items) {
    const values = itemValues(item);
    const created = await createItem(ctx, { meetingId: meeting.id, ...values });
    const itemProvenance: ItemProvenance = {
      itemId: created.id,
      number: values.number,
      fields: Object.fromEntries(ITEM_FIELDS.map((f) => [f, values[f]])),
      sections: values.sections,
      attachments: {},
      absences: {},
    };
    for (const personId of await absentIds(people, item.absent)) {
      const absence = await absenceService.create(ctx, { itemId: created.id, personId });
      itemProvenance.absences[String(absence.id)] = personId;
      counts.absences += 1;
    }
    for (const [index, title] of uniqueTitles(item.attachments).entries()) {
      const attachment = await attachmentService.create(ctx, {
        itemId: created.id,
        title,
        position: index + 1,
        access: attachmentAccess(item, title),
      });
      itemProvenance.attachments[String(attachment.id)] = title;
      counts.attachments += 1;
      const file = files.get(fold(title));
      if (file) {
        await uploadAttachmentContent(ctx, attachment.id, { ...file, version: attachment.version });
        counts.files += 1;
      }
    }
    provenance.items.push(itemProvenance);
    counts.created += 1;
  }
  return { meetingId: meeting.id, provenance, counts };
}
