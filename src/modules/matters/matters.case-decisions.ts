/**
 * Decisions between meetings on a case's timeline (issue 21.2): a decided chair decision or written
 * procedure linked to a case. The body's members see it (closed matters included); anyone else only an
 * open matter whose orientation item's minutes they may read — the body has then published it.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { bodies } from "../bodies/index.ts";
import { meetings, visibilityOf } from "../meetings/index.ts";
import { canReadMatter } from "./matters.access.ts";
import { type MatterProcedure, type MatterStatus, matters } from "./matters.tables.ts";
import { matterPath } from "./matters.urls.ts";

export interface TCaseDecision {
  matterId: number;
  procedure: MatterProcedure;
  title: string;
  status: Exclude<MatterStatus, "open">;
  decidedAt: string;
  decidedBy: string | null;
  remark: string | null;
  body: { id: number; name: string };
  /** the matter's page, for the body's members; null for the public */
  path: string | null;
  /** the meeting whose agenda told of the decision */
  reportedMeetingId: number | null;
}

/** The decided matters linked to the case, oldest first, as the reader may see them. */
export async function listCaseDecisions(ctx: Ctx, caseId: number): Promise<TCaseDecision[]> {
  const rows = await ctx.db
    .select({
      m: matters,
      bodyName: bodies.name,
      meetingStatus: meetings.status,
      meetingBodyId: meetings.bodyId,
    })
    .from(matters)
    .innerJoin(bodies, eq(bodies.id, matters.bodyId))
    .leftJoin(meetings, eq(meetings.id, matters.reportedMeetingId))
    .where(and(eq(matters.linkKind, "case"), eq(matters.linkId, caseId), ne(matters.status, "open")))
    .orderBy(asc(matters.decidedAt), asc(matters.id));
  const out: TCaseDecision[] = [];
  for (const { m, bodyName, meetingStatus, meetingBodyId } of rows) {
    const member = canReadMatter(ctx.actor, m);
    const published =
      m.access === "open" &&
      meetingStatus !== null &&
      meetingBodyId !== null &&
      visibilityOf(ctx.actor, { bodyId: meetingBodyId, status: meetingStatus }).minutes;
    if ((!member && !published) || m.status === "open" || m.decidedAt === null) {
      continue;
    }
    out.push({
      matterId: m.id,
      procedure: m.procedure,
      title: m.title,
      status: m.status,
      decidedAt: m.decidedAt.toISOString(),
      decidedBy: m.decidedBy,
      remark: m.decisionRemark,
      body: { id: m.bodyId, name: bodyName },
      path: member ? matterPath(m.id) : null,
      reportedMeetingId: m.reportedMeetingId,
    });
  }
  return out;
}
