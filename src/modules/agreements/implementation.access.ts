/**
 * Who keeps a cell of the implementation matrix (docs/implementation.md): the secretariat of the
 * agreement's owner group (and admins), or a representative of the party. Who represents a party has
 * one home, the people module (listRepresentedParties: an active membership on behalf of the party).
 */
import type { Ctx } from "../../server/context.ts";
import { type Actor, canEditBody, todayInDenmark } from "../auth/index.ts";
import { listRepresentedParties } from "../people/index.ts";

/** The parties the actor represents today (empty for the public and for users without a person). */
export function representedParties({ db, actor }: Ctx): Promise<Set<number>> {
  return listRepresentedParties(db, actor.userId, todayInDenmark());
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
