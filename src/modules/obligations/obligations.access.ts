/**
 * Who may see an obligation and who may answer for an addressee (issue 22.1, 22.6). The one home of these
 * rules: `visibleObligationsWhere` (SQL) and its predicate twin `canSeeAddressee`, and `mayAnswerFor`.
 */
import { inArray, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { type Actor, canEditBody, canReadClosed, isPrivileged, todayInDenmark } from "../auth/index.ts";
import { listRepresentedParties, representedPartiesSql } from "../people/index.ts";
import { obligationAddressees, obligations } from "./obligations.tables.ts";

/** The reader as these rules see them: the actor and the parties they represent today. */
export interface Reader {
  actor: Actor;
  parties: ReadonlySet<number>;
}

/** Loads the parties the actor represents (a membership on behalf of the party, people module). */
export async function readerOf(ctx: Ctx): Promise<Reader> {
  return {
    actor: ctx.actor,
    parties: await listRepresentedParties(ctx.db, ctx.actor.userId, todayInDenmark()),
  };
}

type Who = { bodyId: number | null; partyId: number | null };

/**
 * SQL: the obligations a reader may see at all — the deciding body's members, the addressee bodies'
 * members and the addressee parties' representatives, nobody else (the text may come from a closed
 * item: issue 22.6).
 */
export function visibleObligationsWhere(actor: Actor): SQL | undefined {
  if (isPrivileged(actor)) {
    return undefined;
  }
  if (actor.userId === null) {
    return sql`false`;
  }
  const mine = [...actor.roles.keys()];
  const today = todayInDenmark();
  const byParty = sql`${obligationAddressees.partyId} in ${representedPartiesSql(actor.userId, today)}`;
  const addressed = sql`(select ${obligationAddressees.obligationId} from ${obligationAddressees} where ${
    mine.length > 0 ? or(inArray(obligationAddressees.bodyId, mine), byParty) : byParty
  })`;
  return mine.length > 0
    ? or(inArray(obligations.bodyId, mine), inArray(obligations.id, addressed))
    : inArray(obligations.id, addressed);
}

/**
 * The predicate twin of `visibleObligationsWhere`, per addressee row: the deciding body's members see every
 * addressee; a body's members and a party's representatives see their own row.
 */
export function canSeeAddressee(reader: Reader, obligation: { bodyId: number }, a: Who): boolean {
  return (
    canReadClosed(reader.actor, obligation.bodyId) ||
    (a.bodyId !== null && canReadClosed(reader.actor, a.bodyId)) ||
    (a.partyId !== null && reader.parties.has(a.partyId))
  );
}

/**
 * Who answers for an addressee: a body's secretariat; for a party, its representatives (the people who
 * sit in a body on behalf of the party today), since a party has no secretariat of its own in Tværs.
 */
export function mayAnswerFor(reader: Reader, a: Who): boolean {
  if (a.bodyId !== null) {
    return canEditBody(reader.actor, a.bodyId);
  }
  return isPrivileged(reader.actor) || (a.partyId !== null && reader.parties.has(a.partyId));
}
