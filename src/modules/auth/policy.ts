import { AppError, forbidden } from "../../server/errors.ts";
import type { Actor } from "./actor.ts";

/**
 * Who may do what. Roles come from memberships: a secretary edits the body's meetings,
 * a chair or vice-chair approves, every member (any role) reads closed items; an admin may do all.
 */
export function isPrivileged(actor: Actor): boolean {
  return actor.system || actor.isAdmin;
}

/** May read closed items, closed attachments and unpublished material of the body. */
export function canReadClosed(actor: Actor, bodyId: number): boolean {
  return isPrivileged(actor) || (actor.roles.get(bodyId)?.size ?? 0) > 0;
}

/** May edit the body's meetings, agendas, minutes and memberships. */
export function canEditBody(actor: Actor, bodyId: number): boolean {
  return isPrivileged(actor) || actor.roles.get(bodyId)?.has("secretary") === true;
}

/** May approve the body's minutes. */
export function canApprove(actor: Actor, bodyId: number): boolean {
  const roles = actor.roles.get(bodyId);
  return isPrivileged(actor) || roles?.has("chair") === true || roles?.has("vice_chair") === true;
}

/** Secretary of at least one body: may maintain persons (attendance needs them). */
export function isAnySecretary(actor: Actor): boolean {
  return isPrivileged(actor) || [...actor.roles.values()].some((r) => r.has("secretary"));
}

/** Throws 401 for the public and 403 for a user without the right. */
export function authorize(actor: Actor, allowed: boolean, message?: string): void {
  if (allowed) {
    return;
  }
  if (actor.userId === null && !actor.system) {
    throw new AppError("unauthenticated", "Du skal være logget ind for at gøre dette.");
  }
  throw forbidden(message);
}
