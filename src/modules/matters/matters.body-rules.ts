/**
 * The body's rule for chair decisions (issue 21): the chair alone, the chair or a vice-chair ("any", the
 * default), or each member of the chair group. A matter copies the rule when it is put, so changing the
 * rule does not change matters already before the chair group.
 */
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { notFound } from "../../server/errors.ts";
import { authorize } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { canReadMatter, canSetChairRule } from "./matters.access.ts";
import { type ChairRule, matterBodyRules } from "./matters.tables.ts";

/** The body's rule; "any" where none is set. */
export async function chairRuleOf(db: DbOrTx, bodyId: number): Promise<ChairRule> {
  const [row] = await db
    .select({ chairRule: matterBodyRules.chairRule })
    .from(matterBodyRules)
    .where(eq(matterBodyRules.bodyId, bodyId));
  return row?.chairRule ?? "any";
}

/** The rule, for the body's members. */
export async function getChairRule(
  ctx: Ctx,
  bodyId: number,
): Promise<{ bodyId: number; chairRule: ChairRule }> {
  authorize(ctx.actor, canReadMatter(ctx.actor, { bodyId }), "Kun forummets medlemmer ser dets regler.");
  return { bodyId, chairRule: await chairRuleOf(ctx.db, bodyId) };
}

/** The chair or vice-chair (or an admin) sets the body's rule for chair decisions. */
export async function setChairRule(ctx: Ctx, bodyId: number, chairRule: ChairRule) {
  authorize(
    ctx.actor,
    canSetChairRule(ctx.actor, bodyId),
    "Kun forummets formand eller næstformand kan ændre reglen for formandsbeslutninger.",
  );
  const [b] = await ctx.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.id, bodyId));
  if (!b) {
    throw notFound("Forummet");
  }
  await ctx.db
    .insert(matterBodyRules)
    .values({ bodyId, chairRule })
    .onConflictDoUpdate({
      target: matterBodyRules.bodyId,
      set: { chairRule, updatedAt: new Date(), version: sql`${matterBodyRules.version} + 1` },
    });
  return { bodyId, chairRule };
}
