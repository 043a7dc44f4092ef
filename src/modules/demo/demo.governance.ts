import type { Ctx } from "../../server/context.ts";
import { getBody, updateBody } from "../bodies/index.ts";
import { getMeetingRow, requestAgendaApproval } from "../meetings/index.ts";

/**
 * Governance between meetings in the demo (docs/governance.md): Sundhedsklynge Nord's professional level
 * lets its members approve the minutes — approved when nobody has an unanswered remark seven days after
 * the draft. Set after the meetings are loaded: the body chose the rule after its earlier minutes, which
 * its chair approved; its November draft is answered under the new rule.
 *
 * The body holding Sundhedsklynge Syd's political January meeting (after the reform, its successor) has
 * its chair approve each agenda before publication: that agenda has been sent to the chair and waits for
 * the answer (the chair's front page lists it).
 */
export async function loadDemoGovernance(
  ctx: Ctx,
  bodies: ReadonlyMap<string, number>,
  meetings: ReadonlyMap<string, number>,
) {
  const id = bodies.get("fsn-nord");
  if (id !== undefined) {
    const body = await getBody(ctx, id);
    await updateBody(ctx, id, {
      minutesApproval: "no_objection",
      minutesApprovalDays: 7,
      version: body.version,
    });
  }
  // The body that holds the January meeting now (the reform may have handed it to a successor).
  const january = meetings.get("m-pn-syd-2027-01");
  const meeting = january === undefined ? null : await getMeetingRow(ctx.db, january);
  if (meeting && meeting.status === "planned" && !meeting.cancelled) {
    const body = await getBody(ctx, meeting.bodyId);
    await updateBody(ctx, body.id, { agendaApproval: true, version: body.version });
    await requestAgendaApproval(ctx, meeting.id, { version: meeting.version });
  }
}
