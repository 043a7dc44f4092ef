/** What the secretariat's workspace reads and writes beyond the meetings services: the dashboard, standard items. */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import { parseDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { listActions } from "../actions/index.ts";
import { canApprove, canEditBody, isPrivileged, users } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { countCasesAwaiting } from "../cases/index.ts";
import { listMattersAwaitingMe } from "../matters/index.ts";
import { type MeetingRow, meetings, presentMeeting } from "../meetings/index.ts";
import type { ItemKind } from "./templates.ts";

export interface BodyRef {
  id: number;
  name: string;
  shortName: string | null;
  roles: string[];
  editor: boolean;
  chair: boolean;
  /** answers the body's draft minutes: its chair where the chair approves, its members where they do */
  approver: boolean;
}

/** The bodies the user works in (every body for an administrator), by name. */
export async function myBodies(ctx: Ctx): Promise<BodyRef[]> {
  const ids = [...ctx.actor.roles.keys()];
  const all = isPrivileged(ctx.actor);
  if (!all && ids.length === 0) {
    return [];
  }
  const rows = await ctx.db
    .select({
      id: bodies.id,
      name: bodies.name,
      shortName: bodies.shortName,
      minutesApproval: bodies.minutesApproval,
    })
    .from(bodies)
    .where(all ? undefined : inArray(bodies.id, ids));
  return rows
    .map(({ minutesApproval, ...b }) => {
      const roles = [...(ctx.actor.roles.get(b.id) ?? [])];
      const member = roles.some((r) => r === "chair" || r === "vice_chair" || r === "member");
      return {
        ...b,
        roles,
        editor: canEditBody(ctx.actor, b.id),
        chair: canApprove(ctx.actor, b.id),
        approver: minutesApproval === "chair" ? canApprove(ctx.actor, b.id) : member,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "da"));
}

export interface MeetingRef {
  id: number;
  start: string;
  title: string | null;
  status: MeetingRow["status"];
  cancelled: boolean;
  version: number;
  body: { id: number; name: string; shortName: string | null };
  /** the chair sent the draft minutes back, and the secretariat has not closed the meeting again */
  returned: boolean;
}

async function meetingsWhere(ctx: Ctx, where: SQL | undefined, limit: number): Promise<MeetingRef[]> {
  const rows = await ctx.db
    .select({ meeting: meetings, bodyName: bodies.name, bodyShortName: bodies.shortName })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(where)
    .orderBy(asc(meetings.start), asc(meetings.id))
    .limit(limit);
  return rows.map((r) => {
    const m = presentMeeting(r.meeting as MeetingRow);
    return {
      id: m.id,
      start: m.start,
      title: m.title,
      status: m.status,
      cancelled: m.cancelled,
      version: m.version,
      body: { id: m.bodyId, name: r.bodyName, shortName: r.bodyShortName },
      returned: m.status === "held" && Boolean((r.meeting as MeetingRow).minutesReturnComment),
    };
  });
}

/** The user's person (whose memberships and follow-ups are theirs), if any. */
export async function personOfUser(ctx: Ctx): Promise<number | null> {
  if (ctx.actor.userId === null) {
    return null;
  }
  const [row] = await ctx.db
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  return row?.personId ?? null;
}

/** Everything the dashboard shows, for the logged-in user. */
export async function loadDashboard(ctx: Ctx, now = new Date()) {
  const mine = await myBodies(ctx);
  const ids = mine.map((b) => b.id);
  const editorIds = mine.filter((b) => b.editor).map((b) => b.id);
  const approverIds = mine.filter((b) => b.approver).map((b) => b.id);
  const chairIds = mine.filter((b) => b.chair).map((b) => b.id);
  const none = [] as MeetingRef[];
  const inBodies = (list: number[]) => (list.length > 0 ? inArray(meetings.bodyId, list) : undefined);
  const notCancelled = eq(meetings.cancelled, false);
  const [next, agendas, minutes, approvals, toPublish, agendaApprovals] = await Promise.all([
    ids.length > 0 ? meetingsWhere(ctx, and(inBodies(ids), gte(meetings.start, now), notCancelled), 8) : none,
    editorIds.length > 0
      ? meetingsWhere(ctx, and(inBodies(editorIds), eq(meetings.status, "planned"), notCancelled), 20)
      : none,
    editorIds.length > 0
      ? meetingsWhere(
          ctx,
          and(inBodies(editorIds), inArray(meetings.status, ["held", "minutes_draft"]), notCancelled),
          20,
        )
      : none,
    approverIds.length > 0
      ? meetingsWhere(ctx, and(inBodies(approverIds), eq(meetings.status, "minutes_draft"), notCancelled), 20)
      : none,
    editorIds.length > 0
      ? meetingsWhere(
          ctx,
          and(inBodies(editorIds), eq(meetings.status, "minutes_approved"), notCancelled),
          20,
        )
      : none,
    // Agendas sent to the chair and not yet answered (where the body requires the chair's approval).
    chairIds.length > 0
      ? meetingsWhere(
          ctx,
          and(
            inBodies(chairIds),
            eq(meetings.status, "planned"),
            isNotNull(meetings.agendaApprovalRequestedAt),
            isNull(meetings.agendaApprovedAt),
            notCancelled,
          ),
          20,
        )
      : none,
  ]);
  const personId = await personOfUser(ctx);
  const actions =
    personId === null
      ? []
      : (await listActions(ctx, { ownerPersonId: personId, status: "open", limit: 50 })).items;
  const matters = await listMattersAwaitingMe(ctx, now);
  // Cases sent to the bodies the reader is the secretariat of that have no meeting to go on yet (those
  // with a planned meeting are offered on its agenda page).
  const awaiting = await countCasesAwaiting(ctx, editorIds);
  const cases = mine.flatMap((b) => {
    const n = awaiting.get(b.id) ?? 0;
    return n > 0 ? [{ body: b, count: n }] : [];
  });
  return {
    bodies: mine,
    next,
    agendas,
    minutes,
    approvals,
    agendaApprovals,
    toPublish,
    actions,
    matters,
    cases,
  };
}

/**
 * A body's meeting plan as the workspace shows it: the meetings of this (Danish) year and the next, so
 * that in December the secretariat sees January's meetings too.
 */
export function bodyPlan(ctx: Ctx, bodyId: number, year: number) {
  const from = parseDateTime(`${year}-01-01T00:00`) as Date;
  const to = parseDateTime(`${year + 2}-01-01T00:00`) as Date;
  return meetingsWhere(
    ctx,
    and(eq(meetings.bodyId, bodyId), gte(meetings.start, from), lt(meetings.start, to)),
    500,
  );
}

/** Inserts the standard items (Godkendelse af dagsorden, Godkendelse af referat, Eventuelt) into an empty agenda. */
export { insertStandardItems } from "../meetings/index.ts";

export type { ItemKind };
