/**
 * Who may see and do what with matters decided between meetings — the one home of the rule, as
 * predicates and as the SQL builder every list uses:
 * - the body's members (any role) read its matters, open and closed; nobody else (404);
 * - the secretariat puts matters; the chair or vice-chair decides a chair decision;
 * - the body's members proper (chair, vice-chair, member) answer a written procedure.
 */
import { inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, canApprove, canEditBody, canReadClosed, isPrivileged } from "../auth/index.ts";
import { matters } from "./matters.tables.ts";

export function canReadMatter(actor: Actor, m: { bodyId: number }): boolean {
  return canReadClosed(actor, m.bodyId);
}

export function canPutMatter(actor: Actor, bodyId: number): boolean {
  return canEditBody(actor, bodyId);
}

export function canDecideMatter(actor: Actor, bodyId: number): boolean {
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
