/**
 * Who may see and do what with matters decided between meetings — the one home of the rule, as
 * predicates and as the SQL builder every list uses:
 * - the body's members (any role) read its matters, open and closed; nobody else (404);
 * - the secretariat puts matters and attaches files; the chair group decides a chair decision by the
 *   body's rule (`canDecideByRule`);
 * - the body's members proper (chair, vice-chair, member) answer a written procedure.
 */
import { inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, canApprove, canEditBody, canReadClosed, isPrivileged } from "../auth/index.ts";
import { type ChairRule, matters } from "./matters.tables.ts";

export function canReadMatter(actor: Actor, m: { bodyId: number }): boolean {
  return canReadClosed(actor, m.bodyId);
}

export function canPutMatter(actor: Actor, bodyId: number): boolean {
  return canEditBody(actor, bodyId);
}

export function canDecideMatter(actor: Actor, bodyId: number): boolean {
  return canApprove(actor, bodyId);
}

/**
 * Who decides a chair decision under the body's rule: "chair" — the chair alone; "any" — the chair or a
 * vice-chair; "each" — every member of the chair group votes (the service checks the voter is one).
 */
export function canDecideByRule(actor: Actor, bodyId: number, rule: ChairRule): boolean {
  if (rule === "chair") {
    return isPrivileged(actor) || actor.roles.get(bodyId)?.has("chair") === true;
  }
  return canDecideMatter(actor, bodyId);
}

/** Who sets the body's rule for chair decisions: its chair or vice-chair, or an admin. */
export function canSetChairRule(actor: Actor, bodyId: number): boolean {
  return canApprove(actor, bodyId);
}

/** The SQL form of `canReadMatter`, for lists. */
export function visibleMattersWhere(actor: Actor): SQL | undefined {
  if (isPrivileged(actor)) {
    return undefined;
  }
  const ids = [...actor.roles.entries()].filter(([, roles]) => roles.size > 0).map(([id]) => id);
  return ids.length > 0 ? inArray(matters.bodyId, ids) : sql`false`;
}
