import type { Actor } from "../../src/modules/auth/actor.ts";
import type { MembershipRole } from "../../src/modules/people/people.tables.ts";

/** A logged-in user with the given roles per body (no database needed): for tables of policy cases. */
export function actorWith(roles: Array<[number, MembershipRole[]]>, isAdmin = false): Actor {
  return {
    userId: 1,
    name: "x",
    isAdmin,
    system: false,
    roles: new Map(roles.map(([body, r]) => [body, new Set(r)])),
  };
}
