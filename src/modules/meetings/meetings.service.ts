import { and, eq, gte, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import { emitDomainEvent } from "../../lib/domain-events.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { isoOrNull, presentMeta } from "../../server/schemas.ts";
import { authorize, canEditBody } from "../auth/policy.ts";
import { isMinutesLocked, type MeetingStatus } from "./meetings.rules.ts";
import type { TMeeting, TMeetingInput } from "./meetings.schemas.ts";
import { meetings } from "./meetings.tables.ts";

export type MeetingRow = typeof meetings.$inferSelect;
const WHAT = "Mødet";

export function presentMeeting(row: MeetingRow): TMeeting {
  return {
    ...presentMeta(row),
    bodyId: row.bodyId,
    title: row.title,
    start: row.start.toISOString(),
    end: isoOrNull(row.end),
    location: row.location,
    kind: row.kind,
    status: row.status,
    cancelled: row.cancelled,
    cancelReason: row.cancelReason,
  };
}

export const minutesLocked = () =>
  new AppError(
    "minutes_locked",
    "Referatet er godkendt og kan kun ændres gennem en rettelse med begrundelse.",
  );

export async function getMeetingRow(db: DbOrTx, id: number): Promise<MeetingRow> {
  return getById<MeetingRow>(db, meetings, id, WHAT);
}

/** Loads the meeting and checks that its minutes may still be edited by this actor. */
export async function requireEditableMeeting(ctx: Ctx, meetingId: number): Promise<MeetingRow> {
  const meeting = await getMeetingRow(ctx.db, meetingId);
  authorize(ctx.actor, canEditBody(ctx.actor, meeting.bodyId), "Kun forummets sekretariat kan rette mødet.");
  if (isMinutesLocked(meeting.status)) {
    throw minutesLocked();
  }
  return meeting;
}

function checkTimes(start: Date, end: Date | null | undefined) {
  if (end && end.getTime() <= start.getTime()) {
    throw new AppError("validation_failed", "Mødet skal slutte efter, at det begynder.", [
      { path: "end", message: "Sluttidspunktet ligger før starttidspunktet." },
    ]);
  }
}

export async function listMeetings(
  { db }: Ctx,
  f: Partial<{
    bodyId: number;
    status: MeetingStatus;
    from: Date;
    to: Date;
    cancelled: boolean;
    limit: number;
    cursor: string;
  }>,
) {
  const where = and(
    f.bodyId ? eq(meetings.bodyId, f.bodyId) : undefined,
    f.status ? eq(meetings.status, f.status) : undefined,
    f.from ? gte(meetings.start, f.from) : undefined,
    f.to ? lt(meetings.start, f.to) : undefined,
    f.cancelled !== undefined ? eq(meetings.cancelled, f.cancelled) : undefined,
  );
  const page = await paginate<MeetingRow>({
    db,
    table: meetings,
    where,
    page: f,
    sortColumn: meetings.start,
    sortKey: "start",
  });
  return { items: page.items.map(presentMeeting), nextCursor: page.nextCursor };
}

export async function getMeeting({ db }: Ctx, id: number) {
  return presentMeeting(await getMeetingRow(db, id));
}

export async function createMeeting({ db, actor }: Ctx, input: TMeetingInput) {
  authorize(actor, canEditBody(actor, input.bodyId), "Kun forummets sekretariat kan oprette møder.");
  checkTimes(input.start, input.end);
  const [row] = await db.insert(meetings).values(input).returning();
  return presentMeeting(row as MeetingRow);
}

export async function updateMeeting(
  ctx: Ctx,
  id: number,
  input: Partial<TMeetingInput> & { version: number },
) {
  const current = await requireEditableMeeting(ctx, id);
  if (input.bodyId !== undefined && input.bodyId !== current.bodyId) {
    authorize(ctx.actor, canEditBody(ctx.actor, input.bodyId), "Du kan ikke flytte mødet til det forum.");
  }
  const { version, ...values } = input;
  checkTimes(values.start ?? current.start, values.end !== undefined ? values.end : current.end);
  const row = await updateVersioned<MeetingRow>(ctx.db, meetings, id, version, values, WHAT);
  const moved = row.start.getTime() !== current.start.getTime();
  await emitDomainEvent(ctx, {
    kind: "meeting_changed",
    meetingId: id,
    moved,
    previousStart: moved ? current.start.toISOString() : null,
  });
  return presentMeeting(row);
}

export async function deleteMeeting(ctx: Ctx, id: number, version: number | undefined) {
  const current = await requireEditableMeeting(ctx, id);
  if (current.status !== "planned" && current.status !== "agenda_published") {
    throw new AppError("conflict", "Et afholdt møde kan ikke slettes.");
  }
  await deleteVersioned(ctx.db, meetings, id, version, WHAT);
}

/** Writes meeting fields at a version, without any check: only for the domain acts (meeting-acts.ts). */
export async function updateMeetingRowUnchecked(
  db: DbOrTx,
  id: number,
  version: number,
  values: Partial<MeetingRow>,
): Promise<MeetingRow> {
  return updateVersioned<MeetingRow>(db, meetings, id, version, values, WHAT);
}

export const meetingService = {
  list: listMeetings,
  get: getMeeting,
  create: createMeeting,
  update: updateMeeting,
  remove: deleteMeeting,
};
