import { and, asc, eq, inArray } from "drizzle-orm";
import { deleteVersioned, getById, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { agendaItems } from "./items.tables.ts";
import type { TAttendance, TAttendanceInput } from "./meetings.schemas.ts";
import { getMeetingRow, type MeetingRow, requireEditableMeeting } from "./meetings.service.ts";
import { attendance } from "./meetings.tables.ts";
import { visibilityOf } from "./visibility.ts";

type AttendanceRow = typeof attendance.$inferSelect;
const WHAT = "Fremmøderegistreringen";

export function presentAttendance(row: AttendanceRow): TAttendance {
  return {
    ...presentMeta(row),
    meetingId: row.meetingId,
    personId: row.personId,
    status: row.status,
    substituteForId: row.substituteForId,
    guestItemIds: row.guestItemIds,
    note: row.note,
  };
}

/** A substitute names whom they stand in for; a guest names the items they attend, all of this meeting. */
async function checkRules(ctx: Ctx, meetingId: number, v: Partial<TAttendanceInput>) {
  const invalid = (path: string, message: string) =>
    new AppError("validation_failed", message, [{ path, message }]);
  if (v.status === "substitute" && !v.substituteForId) {
    throw invalid("substituteForId", "Angiv hvem stedfortræderen deltager for.");
  }
  if (v.status !== undefined && v.status !== "substitute" && v.substituteForId) {
    throw invalid("substituteForId", "Kun en stedfortræder deltager for en anden.");
  }
  if (v.substituteForId && v.substituteForId === v.personId) {
    throw invalid("substituteForId", "En person kan ikke være stedfortræder for sig selv.");
  }
  const guestItems = v.guestItemIds ?? [];
  if (guestItems.length > 0) {
    const found = await ctx.db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), inArray(agendaItems.id, guestItems)));
    if (found.length !== new Set(guestItems).size) {
      throw invalid("guestItemIds", "Gæstepunkterne skal være punkter på dette møde.");
    }
  }
}

/** Attendance of a meeting; the public sees it with the published minutes. */
export async function listMeetingAttendance(ctx: Ctx, meeting: MeetingRow) {
  if (!visibilityOf(ctx.actor, meeting).minutes) {
    return [];
  }
  const rows = await ctx.db
    .select()
    .from(attendance)
    .where(eq(attendance.meetingId, meeting.id))
    .orderBy(asc(attendance.id));
  return rows.map(presentAttendance);
}

async function getVisible(ctx: Ctx, id: number) {
  const row = await getById<AttendanceRow>(ctx.db, attendance, id, WHAT);
  const meeting = await getMeetingRow(ctx.db, row.meetingId);
  if (!visibilityOf(ctx.actor, meeting).minutes) {
    throw notFound(WHAT);
  }
  return row;
}

export const attendanceService = {
  async list(ctx: Ctx, f: { meetingId?: number }) {
    const meeting = await getMeetingRow(ctx.db, f.meetingId ?? 0);
    return { items: await listMeetingAttendance(ctx, meeting), nextCursor: null };
  },
  async get(ctx: Ctx, id: number) {
    return presentAttendance(await getVisible(ctx, id));
  },
  async create(ctx: Ctx, input: TAttendanceInput) {
    await requireEditableMeeting(ctx, input.meetingId);
    await checkRules(ctx, input.meetingId, input);
    const [row] = await ctx.db.insert(attendance).values(input).returning();
    return presentAttendance(row as AttendanceRow);
  },
  async update(ctx: Ctx, id: number, input: Partial<TAttendanceInput> & { version: number }) {
    const current = await getVisible(ctx, id);
    await requireEditableMeeting(ctx, current.meetingId);
    const { version, meetingId: _ignored, ...values } = input;
    await checkRules(ctx, current.meetingId, { ...current, ...values });
    return presentAttendance(
      await updateVersioned<AttendanceRow>(ctx.db, attendance, id, version, values, WHAT),
    );
  },
  async remove(ctx: Ctx, id: number, version: number | undefined) {
    const current = await getVisible(ctx, id);
    await requireEditableMeeting(ctx, current.meetingId);
    await deleteVersioned(ctx.db, attendance, id, version, WHAT);
  },
};
