import { AppError, forbidden } from "../../server/errors.ts";
import type { MembershipRole } from "../people/people.tables.ts";
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
  return canReadClosedAnywhere(actor) ?? (actor.roles.get(bodyId)?.size ?? 0) > 0;
}

/**
 * canReadClosed where the answer does not depend on the body: true for every body (admin, system),
 * false for none (the public, a user without memberships), undefined when it depends on the body.
 */
export function canReadClosedAnywhere(actor: Actor): boolean | undefined {
  if (isPrivileged(actor)) {
    return true;
  }
  return actor.roles.size === 0 ? false : undefined;
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

/**
 * May record that minutes were approved outside Tværs (historic minutes brought in by the importer):
 * the body's secretariat, who is importing the archive, states a fact; nobody approves anything now.
 */
export function canRecordHistoricApproval(actor: Actor, bodyId: number): boolean {
  return canEditBody(actor, bodyId);
}

/** Secretary of at least one body: may maintain persons (attendance needs them). */
export function isAnySecretary(actor: Actor): boolean {
  return isPrivileged(actor) || [...actor.roles.values()].some((r) => r.has("secretary"));
}

/** Roles that carry authority in a body: only the admin or the body's chair grants or changes them. */
export const LEADING_ROLES: readonly MembershipRole[] = ["chair", "vice_chair", "secretary"];

/**
 * May create, change or remove a membership of the body whose role is (or becomes) one of `roles`.
 * Leading roles need the admin or the body's chair; other roles the body's secretariat. Nobody grants
 * or changes a membership of their own (`own`: the membership is the actor's person's) — not even an
 * admin; only the system (CLI, demo, restore) is exempt.
 */
export function canChangeMembership(
  actor: Actor,
  change: { bodyId: number; roles: readonly MembershipRole[]; own: boolean },
): boolean {
  if (actor.system) {
    return true;
  }
  if (change.own) {
    return false;
  }
  if (change.roles.some((r) => LEADING_ROLES.includes(r))) {
    return actor.isAdmin || actor.roles.get(change.bodyId)?.has("chair") === true;
  }
  return canEditBody(actor, change.bodyId);
}

/**
 * May approve these minutes: a chair or vice-chair (or an admin) who is not the user who put them
 * into draft — unless the body allows it (`drafterMayApprove`, for bodies too small for two people).
 * Minutes drafted before this rule (no drafter recorded) follow the chair rule alone.
 */
export function canApproveMinutes(
  actor: Actor,
  body: { id: number; drafterMayApprove: boolean },
  meeting: { minutesDraftedBy: number | null },
): boolean {
  if (actor.system) {
    return true;
  }
  if (!canApprove(actor, body.id)) {
    return false;
  }
  return (
    body.drafterMayApprove || meeting.minutesDraftedBy === null || meeting.minutesDraftedBy !== actor.userId
  );
}

/**
 * May edit (or delete) a person: an admin, or a secretary of a body the person has a membership in
 * (`bodyIds`: the bodies of all the person's memberships, past and present). A secretary of another
 * body may not — the person's e-mail receives follow-up reminders.
 */
export function canEditPerson(actor: Actor, bodyIds: readonly number[]): boolean {
  return isPrivileged(actor) || bodyIds.some((b) => actor.roles.get(b)?.has("secretary") === true);
}

/** May change the body's setting that lets the drafter approve: the admin or the body's chair. */
export function canChangeApprovalSetting(actor: Actor, bodyId: number): boolean {
  return isPrivileged(actor) || actor.roles.get(bodyId)?.has("chair") === true;
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
