import type { Ctx } from "../../server/context.ts";
import { getBody, updateBody } from "../bodies/index.ts";

/**
 * Governance between meetings in the demo (docs/governance.md): Sundhedsklynge Nord's professional level
 * lets its members approve the minutes — approved when nobody has an unanswered remark seven days after
 * the draft. Set after the meetings are loaded: the body chose the rule after its earlier minutes, which
 * its chair approved; its November draft is answered under the new rule.
 */
export async function loadDemoGovernance(ctx: Ctx, bodies: ReadonlyMap<string, number>) {
  const id = bodies.get("fsn-nord");
  if (id === undefined) {
    return;
  }
  const body = await getBody(ctx, id);
  await updateBody(ctx, id, {
    minutesApproval: "no_objection",
    minutesApprovalDays: 7,
    version: body.version,
  });
}
