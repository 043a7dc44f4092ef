/**
 * Who keeps a cell of the implementation matrix (docs/implementation.md): the secretariat of the
 * agreement's owner group (and admins), or a representative of the party — a person with an active
 * membership of any body on behalf of that party, in a role that speaks for it (not an observer).
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { type Actor, canEditBody, todayInDenmark, users } from "../auth/index.ts";
import { memberships } from "../people/index.ts";

const SPEAKING_ROLES = ["chair", "vice_chair", "member", "secretary", "substitute"] as const;

/** The parties the actor represents today (empty for the public and for users without a person). */
export async function representedParties({ db, actor }: Ctx): Promise<Set<number>> {
  if (actor.userId === null) {
    return new Set();
  }
  const today = todayInDenmark();
  const rows = await db
    .selectDistinct({ partyId: memberships.partyId })
    .from(users)
    .innerJoin(memberships, eq(memberships.personId, users.personId))
    .where(
      and(
        eq(users.id, actor.userId),
        isNotNull(memberships.partyId),
        inArray(memberships.role, [...SPEAKING_ROLES]),
        or(isNull(memberships.from), lte(memberships.from, today)),
        or(isNull(memberships.to), gte(memberships.to, today)),
      ),
    );
  return new Set(rows.flatMap((r) => (r.partyId === null ? [] : [r.partyId])));
}

/** May the actor record the state of this party's cell of this agreement? */
export function mayKeepCell(
  actor: Actor,
  agreement: { ownerBodyId: number },
  partyId: number,
  represented: ReadonlySet<number>,
): boolean {
  return canEditBody(actor, agreement.ownerBodyId) || represented.has(partyId);
}
