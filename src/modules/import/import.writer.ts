/** Writes one parsed document into the database; the caller runs it in one transaction. */
import { createHash } from "node:crypto";
import type { Ctx } from "../../server/context.ts";
import { authorize, canEditBody } from "../auth/index.ts";
import {
  draftMinutes,
  forwardPath,
  getMeetingRow,
  holdMeeting,
  type MeetingStatus,
  publishAgenda,
  publishMinutes,
  recordHistoricApproval,
  withdrawAgenda,
} from "../meetings/index.ts";
import { writeCaseHistories } from "./history.writer.ts";
import type { ImportResult } from "./import.schemas.ts";
import { importedDocuments } from "./import.tables.ts";
import { canonicalJson } from "./provenance.ts";
import { findMeeting, PersonIndex, resolveBody, startInstant } from "./resolve.ts";
import type { AttachmentFiles } from "./sync-children.ts";
import { createFromDocument, type WriteCounts } from "./write-create.ts";
import { ImportWriteError } from "./write-errors.ts";
import { updateFromDocument } from "./write-update.ts";

export type ImportStatus = "imported" | "updated" | "duplicate";

export interface WriteOutcome {
  status: ImportStatus;
  /** the import record; for a duplicate, the record of the earlier import */
  importId: number;
  meetingId: number;
  bodyId: number;
  bodyCreated: boolean;
  counts: WriteCounts;
  persons: { matched: number; created: number };
  /** user changes the corrected version left alone, in Danish */
  kept: string[];
}

export interface WriteInput {
  result: ImportResult;
  fileName: string;
  /** of the document's bytes */
  sha256: string;
  body?: { id?: number | undefined; name?: string | undefined } | undefined;
  files?: AttachmentFiles | undefined;
  now?: Date | undefined;
}

/** Hash of the result as written, so that an edited review of the same bytes is another version. */
export function resultHash(result: ImportResult): string {
  return createHash("sha256").update(canonicalJson(result)).digest("hex");
}

/**
 * Walks the meeting forward to where the document puts it through the meetings' domain acts, so the
 * import gets the same effects as the pages (frozen documents, index, notices). Historic minutes were
 * approved outside Tværs: that step is `recordHistoricApproval` (the policy's named rule), not the chair's.
 */
async function walkStatus(ctx: Ctx, meetingId: number, kind: ImportResult["kind"], now: Date) {
  const target: MeetingStatus =
    kind === "minutes" ? "minutes_published" : kind === "agenda" ? "agenda_published" : "planned";
  let meeting = await getMeetingRow(ctx.db, meetingId);
  if (meeting.cancelled) {
    return;
  }
  for (const to of forwardPath(meeting.status, target)) {
    const act = to === "minutes_approved" ? recordHistoricApproval : IMPORT_ACTS[to];
    const moved = await act(ctx, meetingId, { version: meeting.version }, now);
    meeting = { ...meeting, status: moved.status, version: moved.version };
  }
}

const IMPORT_ACTS = {
  planned: withdrawAgenda,
  agenda_published: publishAgenda,
  held: holdMeeting,
  minutes_draft: draftMinutes,
  minutes_approved: recordHistoricApproval,
  minutes_published: publishMinutes,
} satisfies Record<MeetingStatus, unknown>;

/**
 * Finds or creates the body and the meeting, writes items, sections, recommendations, decisions,
 * absences and attachments, walks the status, and records the import with its provenance.
 */
export async function writeImport(ctx: Ctx, input: WriteInput): Promise<WriteOutcome> {
  const { result } = input;
  const now = input.now ?? new Date();
  if (result.items.length === 0) {
    throw new ImportWriteError("memo_without_items");
  }
  const start = result.start ? startInstant(result.start) : null;
  if (!result.start || !start) {
    throw new ImportWriteError("no_meeting_date", result.start ?? undefined);
  }
  if (result.kind === "minutes" && start.getTime() > now.getTime()) {
    throw new ImportWriteError("minutes_in_future", result.start);
  }
  const body = await resolveBody(
    ctx,
    input.body?.id !== undefined ? { id: input.body.id } : { name: input.body?.name ?? result.body },
  );
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, body.id),
    "Kun forummets sekretariat eller en administrator kan importere til forummet.",
  );
  const people = new PersonIndex(ctx);
  const files = input.files ?? new Map();
  const existing = await findMeeting(ctx.db, body.id, result.start);
  let meetingId: number;
  let written: Awaited<ReturnType<typeof updateFromDocument>>;
  if (existing) {
    meetingId = existing.id;
    written = await updateFromDocument(ctx, {
      meeting: existing,
      result,
      fileName: input.fileName,
      files,
      people,
    });
  } else {
    const created = await createFromDocument(ctx, { bodyId: body.id, start, result, files, people });
    meetingId = created.meetingId;
    written = { provenance: created.provenance, counts: created.counts, kept: [], meetingChanged: false };
  }
  const before = existing?.status;
  // The items' case histories, across bodies (before the status walk freezes the documents).
  await writeCaseHistories(ctx, meetingId, result);
  await walkStatus(ctx, meetingId, result.kind, now);
  const after = (await getMeetingRow(ctx.db, meetingId)).status;
  const c = written.counts;
  const changed =
    c.created + c.updated + c.removed + c.files > 0 || written.meetingChanged || before !== after;
  const [record] = await ctx.db
    .insert(importedDocuments)
    .values({
      sha256: input.sha256,
      resultSha256: resultHash(result),
      fileName: input.fileName.slice(0, 500),
      format: result.format,
      kind: result.kind,
      meetingId,
      result,
      provenance: written.provenance,
      importedBy: ctx.actor.userId,
    })
    .returning({ id: importedDocuments.id });
  return {
    status: existing ? (changed ? "updated" : "duplicate") : "imported",
    importId: (record as { id: number }).id,
    meetingId,
    bodyId: body.id,
    bodyCreated: body.created,
    counts: c,
    persons: { matched: people.matched, created: people.created },
    kept: written.kept,
  };
}
