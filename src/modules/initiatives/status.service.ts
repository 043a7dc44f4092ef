import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import { getById, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { authorize, canEditBody, isPrivileged, todayInDenmark } from "../auth/index.ts";
import { bodies, successorBodyIds } from "../bodies/index.ts";
import { getMeetingRow, meetings } from "../meetings/index.ts";
import type { TMeetingStatusReport, TStatusChange } from "./initiatives.schemas.ts";
import { getInitiative, type InitiativeRow, invalid, presentRows } from "./initiatives.service.ts";
import { initiativeStatusChanges, initiatives } from "./initiatives.tables.ts";
import { statusOn, statusReasonError } from "./overview.ts";

type ChangeRow = typeof initiativeStatusChanges.$inferSelect;

const presentChange = (c: ChangeRow): TStatusChange => ({
  id: c.id,
  initiativeId: c.initiativeId,
  phase: c.phase,
  rag: c.rag,
  reason: c.reason,
  effectiveOn: c.effectiveOn,
  meetingId: c.meetingId,
  at: c.at.toISOString(),
});

/** Changes an initiative's status (phase and red/yellow/green with a reason), keeping the history. */
export async function changeStatus(
  ctx: Ctx,
  id: number,
  input: {
    version: number;
    phase: InitiativeRow["phase"];
    rag: InitiativeRow["rag"];
    reason?: string | null | undefined;
    effectiveOn?: string | undefined;
    meetingId?: number | null | undefined;
  },
) {
  const current = await getById<InitiativeRow>(ctx.db, initiatives, id, "Indsatsen");
  authorize(
    ctx.actor,
    isPrivileged(ctx.actor) || (current.ownerBodyId !== null && canEditBody(ctx.actor, current.ownerBodyId)),
    "Kun det ejende forums sekretariat kan ændre indsatsens status.",
  );
  const reasonError = statusReasonError({ phase: input.phase, rag: input.rag, reason: input.reason ?? null });
  if (reasonError) {
    throw invalid("reason", reasonError);
  }
  let effectiveOn = input.effectiveOn ?? todayInDenmark();
  if (input.meetingId) {
    const meeting = await getMeetingRow(ctx.db, input.meetingId).catch(() => {
      throw invalid("meetingId", "Mødet findes ikke.");
    });
    effectiveOn = input.effectiveOn ?? isoDayInDenmark(meeting.start);
  }
  await updateVersioned(
    ctx.db,
    initiatives,
    id,
    input.version,
    {
      phase: input.phase,
      rag: input.rag,
      ragReason: input.reason?.trim() || null,
    },
    "Indsatsen",
  );
  await ctx.db.insert(initiativeStatusChanges).values({
    initiativeId: id,
    phase: input.phase,
    rag: input.rag,
    reason: input.reason?.trim() || null,
    effectiveOn,
    meetingId: input.meetingId ?? null,
    userId: ctx.actor.userId,
  });
  return getInitiative(ctx, id);
}

export async function statusHistory(ctx: Ctx, id: number): Promise<TStatusChange[]> {
  await getById(ctx.db, initiatives, id, "Indsatsen");
  const rows = await ctx.db
    .select()
    .from(initiativeStatusChanges)
    .where(eq(initiativeStatusChanges.initiativeId, id))
    .orderBy(desc(initiativeStatusChanges.effectiveOn), desc(initiativeStatusChanges.id));
  return rows.map(presentChange);
}

/** The body and every body reporting to it, directly or further down. */
async function bodyAndBelow(ctx: Ctx, bodyId: number): Promise<number[]> {
  const all = await ctx.db.select({ id: bodies.id, reportsToId: bodies.reportsToId }).from(bodies);
  const out = [bodyId];
  for (let i = 0; i < out.length; i++) {
    for (const b of all) {
      if (b.reportsToId === out[i] && !out.includes(b.id)) {
        out.push(b.id);
      }
    }
  }
  return out;
}

/**
 * "Status på indsatser" at a meeting: the initiatives owned by the meeting's body or a body under it,
 * each with the status in force on the meeting day and the changes since the body's previous meeting.
 */
export async function meetingStatusReport(ctx: Ctx, meetingId: number): Promise<TMeetingStatusReport> {
  const meeting = await getMeetingRow(ctx.db, meetingId);
  const day = isoDayInDenmark(meeting.start);
  const [previous] = await ctx.db
    .select({ id: meetings.id, start: meetings.start })
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, meeting.bodyId),
        lt(meetings.start, meeting.start),
        eq(meetings.cancelled, false),
      ),
    )
    .orderBy(desc(meetings.start))
    .limit(1);
  const since = previous ? isoDayInDenmark(previous.start) : "0000-00-00";
  // Initiatives a reorganisation moved on (with the groups under the body) were this body's when it met.
  const owners: number[] = [];
  for (const id of [meeting.bodyId, ...(await successorBodyIds(ctx.db, meeting.bodyId))]) {
    owners.push(...(await bodyAndBelow(ctx, id)));
  }
  const rows = await ctx.db
    .select()
    .from(initiatives)
    .where(inArray(initiatives.ownerBodyId, owners))
    .orderBy(asc(initiatives.focusArea), asc(initiatives.title));
  const presented = await presentRows(ctx.db, rows);
  const changes = rows.length
    ? await ctx.db
        .select()
        .from(initiativeStatusChanges)
        .where(
          inArray(
            initiativeStatusChanges.initiativeId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const report = presented.flatMap((initiative) => {
    const mine = changes.filter((c) => c.initiativeId === initiative.id);
    const now = statusOn(mine, day);
    if (!now) {
      return [];
    }
    const recent = mine
      .filter((c) => c.effectiveOn > since && c.effectiveOn <= day)
      .sort((a, b) =>
        a.effectiveOn === b.effectiveOn ? a.id - b.id : a.effectiveOn < b.effectiveOn ? -1 : 1,
      );
    return [
      {
        initiative,
        phase: now.phase,
        rag: now.rag,
        reason: now.reason,
        changedSincePrevious: recent.length > 0,
        changes: recent.map(presentChange),
      },
    ];
  });
  return {
    meetingId,
    bodyId: meeting.bodyId,
    asOf: day,
    previousMeetingId: previous?.id ?? null,
    initiatives: report,
  };
}
