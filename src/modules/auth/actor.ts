import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { MembershipRole } from "../people/people.tables.ts";
import { memberships } from "../people/people.tables.ts";

/** Who is asking: a logged-in user with roles per body, the public, or the system itself (CLI, importer). */
export interface Actor {
  userId: number | null;
  name: string | null;
  isAdmin: boolean;
  /** trusted in-process callers such as the CLI; never set from a request */
  system: boolean;
  /** body id → the roles of the user's person there, from active memberships */
  roles: ReadonlyMap<number, ReadonlySet<MembershipRole>>;
  /** the user's chosen language for pages, when they chose one */
  locale?: string | null;
}

export const PUBLIC_ACTOR: Actor = {
  userId: null,
  name: null,
  isAdmin: false,
  system: false,
  roles: new Map(),
};
export const SYSTEM_ACTOR: Actor = {
  userId: null,
  name: "system",
  isAdmin: true,
  system: true,
  roles: new Map(),
};

/** Today's date in Denmark as YYYY-MM-DD; memberships are dated in local days. */
export function todayInDenmark(now = new Date()): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
}

/** The roles per body of a person, from memberships that are active today. */
export async function loadRoles(
  db: DbOrTx,
  personId: number | null,
): Promise<Map<number, Set<MembershipRole>>> {
  const roles = new Map<number, Set<MembershipRole>>();
  if (personId === null) {
    return roles;
  }
  const today = todayInDenmark();
  const rows = await db
    .select({ bodyId: memberships.bodyId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        or(isNull(memberships.from), lte(memberships.from, today)),
        or(isNull(memberships.to), gte(memberships.to, today)),
      ),
    );
  for (const row of rows) {
    const set = roles.get(row.bodyId) ?? new Set<MembershipRole>();
    set.add(row.role);
    roles.set(row.bodyId, set);
  }
  return roles;
}
