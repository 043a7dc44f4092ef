import { type Actor, canEditBody, isPrivileged } from "../auth/index.ts";

/**
 * May set a party's variant of an initiative (model, in or out, contact) and add its figures: the
 * secretariat of the initiative's owner body (or an admin), or the party's own representative — a person
 * with an active membership of a body on behalf of that party (`represented`: the parties the actor sits
 * for today, from the people module). Nobody else; a representative keeps only their own party. Pure.
 */
export function mayKeepPartyVariant(
  actor: Actor,
  initiative: { ownerBodyId: number | null },
  partyId: number,
  represented: ReadonlySet<number>,
): boolean {
  if (isPrivileged(actor)) {
    return true;
  }
  return (
    (initiative.ownerBodyId !== null && canEditBody(actor, initiative.ownerBodyId)) ||
    represented.has(partyId)
  );
}
