/**
 * A grant approved between meetings (issue 21): a chair decision or written procedure on the grant
 * (modules/matters) approves it through this act, under the named rule `canApproveGrantByChairDecision`.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { type Actor, authorize, canApprove, isPrivileged } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import type { TGrant } from "./funds.schemas.ts";
import { getFundRow, invalid, recordHistory } from "./funds.service.ts";
import { grants } from "./funds.tables.ts";
import { getGrant } from "./grants.service.ts";

/**
 * The named rule: the chair or vice-chair of the fund's body, or of a body reporting to it (its chair
 * group), approves a pending grant when the secretariat put it to them as a matter. Only the approval.
 */
export function canApproveGrantByChairDecision(
  actor: Actor,
  fundBodyId: number,
  approver: { id: number; reportsToId: number | null },
): boolean {
  const related = approver.id === fundBodyId || approver.reportsToId === fundBodyId;
  return related && (isPrivileged(actor) || canApprove(actor, approver.id));
}

/** Approves a pending grant on a day, by a body, as a decided matter carries it out. */
export async function approveGrant(
  ctx: Ctx,
  id: number,
  input: { on: string; bodyId: number; note?: string },
): Promise<TGrant> {
  const [grant] = await ctx.db.select().from(grants).where(eq(grants.id, id));
  if (!grant) {
    throw invalid("linkId", "Bevillingen findes ikke.");
  }
  const fund = await getFundRow(ctx.db, grant.fundId);
  const [approver] = await ctx.db
    .select({ id: bodies.id, reportsToId: bodies.reportsToId })
    .from(bodies)
    .where(eq(bodies.id, input.bodyId));
  authorize(
    ctx.actor,
    approver !== undefined && canApproveGrantByChairDecision(ctx.actor, fund.bodyId, approver),
    "Kun formandskabet for puljens forum kan godkende en bevilling ved formandsbeslutning.",
  );
  if (grant.status !== "pending") {
    throw new AppError("invalid_transition", "Bevillingen er allerede afgjort.");
  }
  const [row] = await ctx.db
    .update(grants)
    .set({
      status: "approved",
      approvedOn: input.on,
      approvedByBodyId: input.bodyId,
      updatedAt: new Date(),
      version: sql`${grants.version} + 1`,
    })
    .where(and(eq(grants.id, id), eq(grants.status, "pending")))
    .returning();
  await recordHistory(ctx, {
    fundId: grant.fundId,
    entity: "grant",
    entityId: id,
    action: "approve",
    before: grant,
    after: { ...row, note: input.note ?? null },
  });
  return getGrant(ctx, id);
}
