/**
 * A party's representatives: the people who sit in some body on behalf of the party today (a current
 * membership whose `party_id` is the party) and have an active user. One home for the question "who speaks
 * for this municipality / region / PLO in Tværs", used by the obligations (who answers for a party) and
 * the notifications (who is told).
 */
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { users } from "../auth/auth.tables.ts";
import { memberships } from "./people.tables.ts";

const current = (today: string) =>
  sql`(${memberships.from} is null or ${memberships.from} <= ${today}) and (${memberships.to} is null or ${memberships.to} >= ${today})`;

/** SQL subquery: the parties the user represents today. */
export function representedPartiesSql(userId: number, today: string): SQL {
  return sql`(select ${memberships.partyId} from ${memberships} join ${users} on ${users.personId} = ${memberships.personId} and ${users.active}
    where ${users.id} = ${userId} and ${memberships.partyId} is not null and ${current(today)})`;
}

/** The parties the user represents today. */
export async function listRepresentedParties(db: DbOrTx, userId: number | null, today: string) {
  if (userId === null) {
    return new Set<number>();
  }
  const rows = await db
    .selectDistinct({ partyId: memberships.partyId })
    .from(memberships)
    .innerJoin(users, sql`${users.personId} = ${memberships.personId} and ${users.active}`)
    .where(sql`${users.id} = ${userId} and ${memberships.partyId} is not null and ${current(today)}`);
  return new Set(rows.flatMap((r) => (r.partyId === null ? [] : [r.partyId])));
}

/** The active users who represent the party today (ids, ascending). */
export async function listPartyRepresentativeUsers(db: DbOrTx, partyId: number, today: string) {
  const rows = await db
    .selectDistinct({ userId: users.id })
    .from(memberships)
    .innerJoin(users, sql`${users.personId} = ${memberships.personId} and ${users.active}`)
    .where(sql`${memberships.partyId} = ${partyId} and ${current(today)}`)
    .orderBy(users.id);
  return rows.map((r) => r.userId);
}
