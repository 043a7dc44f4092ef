import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { todayInDenmark } from "../auth/index.ts";
import { type MembershipRole, memberships } from "../people/index.ts";

/** The roles that answer a written procedure: the body's members proper, as for the minutes. */
export const ANSWERING: readonly MembershipRole[] = ["chair", "vice_chair", "member"];

/** The persons holding one of `roles` in the body today (active memberships). */
export async function answeringMembersOf(
  db: DbOrTx,
  bodyId: number,
  now = new Date(),
  roles: readonly MembershipRole[] = ANSWERING,
): Promise<number[]> {
  const today = todayInDenmark(now);
  const rows = await db
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        inArray(memberships.role, [...roles]),
        or(isNull(memberships.from), lte(memberships.from, today)),
        or(isNull(memberships.to), gte(memberships.to, today)),
      ),
    );
  return rows.map((r) => r.personId).sort((a, b) => a - b);
}

const RANK: Record<string, number> = { chair: 0, vice_chair: 1, member: 2 };

/** The answering members today with the party each sits for (their highest role's membership). */
export async function answeringMembersWithParty(db: DbOrTx, bodyId: number, now = new Date()) {
  const today = todayInDenmark(now);
  const rows = await db
    .select({ personId: memberships.personId, partyId: memberships.partyId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        inArray(memberships.role, [...ANSWERING]),
        or(isNull(memberships.from), lte(memberships.from, today)),
        or(isNull(memberships.to), gte(memberships.to, today)),
      ),
    );
  const best = new Map<number, { personId: number; partyId: number | null; rank: number }>();
  for (const r of rows) {
    const rank = RANK[r.role] ?? 3;
    const held = best.get(r.personId);
    if (!held || rank < held.rank) {
      best.set(r.personId, { personId: r.personId, partyId: r.partyId, rank });
    }
  }
  return [...best.values()].sort((a, b) => a.personId - b.personId);
}
