import { asc, eq } from "drizzle-orm";
import { deleteVersioned, getById, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { readFile, storeFile } from "../files/index.ts";
import { type AbsenceRow, type AttachmentRow, presentAbsence, presentAttachment } from "./items.present.ts";
import { getItemWithMeeting } from "./items.service.ts";
import { attachments, itemAbsences } from "./items.tables.ts";
import { requireEditableMeeting } from "./meetings.service.ts";
import { canSeeAttachment, canSeeItem, visibilityOf } from "./visibility.ts";

const ABSENCE = "Fraværet";
const ATTACHMENT = "Bilaget";

/** Absences per item: visible with the minutes, and never for a closed item the reader may not see. */
async function visibleAbsence(ctx: Ctx, id: number) {
  const row = await getById<AbsenceRow>(ctx.db, itemAbsences, id, ABSENCE);
  const { item, meeting } = await getItemWithMeeting(ctx, row.itemId);
  const v = visibilityOf(ctx.actor, meeting);
  if (!v.minutes || !canSeeItem(v, item.access)) {
    throw notFound(ABSENCE);
  }
  return { row, item };
}

export const absenceService = {
  async list(ctx: Ctx, f: { itemId?: number }) {
    const { item, meeting } = await getItemWithMeeting(ctx, f.itemId ?? 0);
    const v = visibilityOf(ctx.actor, meeting);
    if (!v.minutes || !canSeeItem(v, item.access)) {
      return { items: [], nextCursor: null };
    }
    const rows = await ctx.db
      .select()
      .from(itemAbsences)
      .where(eq(itemAbsences.itemId, item.id))
      .orderBy(asc(itemAbsences.id));
    return { items: rows.map(presentAbsence), nextCursor: null };
  },
  async get(ctx: Ctx, id: number) {
    return presentAbsence((await visibleAbsence(ctx, id)).row);
  },
  async create(ctx: Ctx, input: { itemId: number; personId: number; note?: string | null | undefined }) {
    const { item } = await getItemWithMeeting(ctx, input.itemId);
    await requireEditableMeeting(ctx, item.meetingId);
    const [row] = await ctx.db.insert(itemAbsences).values(input).returning();
    return presentAbsence(row as AbsenceRow);
  },
  async update(
    ctx: Ctx,
    id: number,
    input: { note?: string | null | undefined; personId?: number; version: number },
  ) {
    const { item } = await visibleAbsence(ctx, id);
    await requireEditableMeeting(ctx, item.meetingId);
    const { version, ...values } = input;
    return presentAbsence(
      await updateVersioned<AbsenceRow>(ctx.db, itemAbsences, id, version, values, ABSENCE),
    );
  },
  async remove(ctx: Ctx, id: number, version: number | undefined) {
    const { item } = await visibleAbsence(ctx, id);
    await requireEditableMeeting(ctx, item.meetingId);
    await deleteVersioned(ctx.db, itemAbsences, id, version, ABSENCE);
  },
};

/** An attachment the reader may see, with its item; 404 otherwise, so a closed one's existence stays hidden. */
async function visibleAttachment(ctx: Ctx, id: number) {
  const row = await getById<AttachmentRow>(ctx.db, attachments, id, ATTACHMENT);
  const { item, meeting } = await getItemWithMeeting(ctx, row.itemId).catch(() => {
    throw notFound(ATTACHMENT);
  });
  if (!canSeeAttachment(visibilityOf(ctx.actor, meeting), item.access, row.access)) {
    throw notFound(ATTACHMENT);
  }
  return { row, item };
}

type AttachmentInput = {
  itemId: number;
  title: string;
  fileName?: string | null | undefined;
  access?: "open" | "closed" | undefined;
  position?: number | undefined;
};

export const attachmentService = {
  async list(ctx: Ctx, f: { itemId?: number }) {
    const { item, meeting } = await getItemWithMeeting(ctx, f.itemId ?? 0);
    const v = visibilityOf(ctx.actor, meeting);
    const rows = await ctx.db
      .select()
      .from(attachments)
      .where(eq(attachments.itemId, item.id))
      .orderBy(asc(attachments.position), asc(attachments.id));
    return {
      items: rows.filter((a) => canSeeAttachment(v, item.access, a.access)).map(presentAttachment),
      nextCursor: null,
    };
  },
  async get(ctx: Ctx, id: number) {
    return presentAttachment((await visibleAttachment(ctx, id)).row);
  },
  async create(ctx: Ctx, input: AttachmentInput) {
    const { item } = await getItemWithMeeting(ctx, input.itemId);
    await requireEditableMeeting(ctx, item.meetingId);
    const [row] = await ctx.db.insert(attachments).values(input).returning();
    return presentAttachment(row as AttachmentRow);
  },
  async update(ctx: Ctx, id: number, input: Partial<AttachmentInput> & { version: number }) {
    const { item } = await visibleAttachment(ctx, id);
    await requireEditableMeeting(ctx, item.meetingId);
    const { version, itemId: _ignored, ...values } = input;
    return presentAttachment(
      await updateVersioned<AttachmentRow>(ctx.db, attachments, id, version, values, ATTACHMENT),
    );
  },
  async remove(ctx: Ctx, id: number, version: number | undefined) {
    const { item } = await visibleAttachment(ctx, id);
    await requireEditableMeeting(ctx, item.meetingId);
    await deleteVersioned(ctx.db, attachments, id, version, ATTACHMENT);
  },
};

/** Stores the file of an attachment (replacing any earlier file). */
export async function uploadAttachmentContent(
  ctx: Ctx,
  id: number,
  input: { bytes: Uint8Array; mimeType: string; fileName?: string | undefined; version: number },
) {
  const { row, item } = await visibleAttachment(ctx, id);
  await requireEditableMeeting(ctx, item.meetingId);
  if (input.bytes.byteLength === 0) {
    throw new AppError("validation_failed", "Filen er tom.", [{ path: "body", message: "Filen er tom." }]);
  }
  const stored = await storeFile(ctx.db, input.bytes);
  const updated = await updateVersioned<AttachmentRow>(
    ctx.db,
    attachments,
    id,
    input.version,
    {
      sha256: stored.sha256,
      size: stored.size,
      mimeType: input.mimeType,
      fileName: input.fileName ?? row.fileName,
    },
    ATTACHMENT,
  );
  return presentAttachment(updated);
}

/** The file of an attachment the reader may see. */
export async function readAttachmentContent(ctx: Ctx, id: number) {
  const { row } = await visibleAttachment(ctx, id);
  const bytes = row.sha256 ? await readFile(ctx.db, row.sha256) : null;
  if (!bytes) {
    throw new AppError("not_found", "Bilaget har ingen fil – kun titlen er kendt.");
  }
  return {
    bytes,
    mimeType: row.mimeType ?? "application/octet-stream",
    fileName: row.fileName ?? `bilag-${row.id}`,
  };
}
