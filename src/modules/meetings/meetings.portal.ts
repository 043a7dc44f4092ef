import { and, asc, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { bodies } from "../bodies/index.ts";
import type { TMeeting } from "./meetings.schemas.ts";
import { type MeetingRow, presentMeeting } from "./meetings.service.ts";
import { meetings } from "./meetings.tables.ts";

/** A meeting as lists show it: its public facts and its body's name. No agenda content. */
export interface MeetingSummary extends TMeeting {
  bodyName: string;
  bodyShortName: string | null;
}

async function summaries(ctx: Ctx, where: SQL | undefined, order: "asc" | "desc", limit: number) {
  const rows = await ctx.db
    .select({ meeting: meetings, bodyName: bodies.name, bodyShortName: bodies.shortName })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(where)
    .orderBy(order === "asc" ? asc(meetings.start) : desc(meetings.start), asc(meetings.id))
    .limit(limit);
  return rows.map(
    (r): MeetingSummary => ({
      ...presentMeeting(r.meeting as MeetingRow),
      bodyName: r.bodyName,
      bodyShortName: r.bodyShortName,
    }),
  );
}

/** Meetings from now on, soonest first (cancelled ones included: pages mark them). */
export function listUpcomingMeetings(ctx: Ctx, opts: { now?: Date; limit?: number } = {}) {
  return summaries(ctx, gte(meetings.start, opts.now ?? new Date()), "asc", opts.limit ?? 8);
}

/** Meetings whose minutes are published, newest first. */
export function listLatestMinutes(ctx: Ctx, opts: { limit?: number } = {}) {
  return summaries(ctx, eq(meetings.status, "minutes_published"), "desc", opts.limit ?? 8);
}

/** Meetings starting in [from, to), optionally of some bodies, in time order. */
export function listMeetingsBetween(ctx: Ctx, f: { from: Date; to: Date; bodyIds?: number[] }) {
  return summaries(
    ctx,
    and(
      gte(meetings.start, f.from),
      lt(meetings.start, f.to),
      f.bodyIds ? inArray(meetings.bodyId, f.bodyIds.length > 0 ? f.bodyIds : [0]) : undefined,
    ),
    "asc",
    1000,
  );
}

/** Every meeting of one body in time order (the meeting plan and the past meetings). */
export function listBodyMeetings(ctx: Ctx, bodyId: number) {
  return summaries(ctx, eq(meetings.bodyId, bodyId), "asc", 1000);
}

/** All meetings, for the sitemap. */
export function listAllMeetings(ctx: Ctx) {
  return summaries(ctx, undefined, "asc", 100_000);
}
