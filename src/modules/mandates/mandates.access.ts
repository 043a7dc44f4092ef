/**
 * Who may change and who may read a group's mandate:
 * - the secretariat of the group, of the body it reports to, or of the body that approves its mandate
 *   (or an admin) sets it up, revises it, records reports and changes its status;
 * - approved versions and the lifecycle are public; a version not yet approved (a draft kommissorium)
 *   is read only by members of those three bodies;
 * - the agenda items behind the decisions are shown through meetings/visibility.ts (decision-refs.ts).
 */
import { AppError } from "../../server/errors.ts";
import {
  type Actor,
  authorize,
  canApprove,
  canEditBody,
  canReadClosed,
  isPrivileged,
} from "../auth/index.ts";

export interface GroupRef {
  id: number;
  reportsToId: number | null;
}

const related = (group: GroupRef, approverIds: (number | null)[]) =>
  [group.id, group.reportsToId, ...approverIds].filter((id): id is number => id !== null);

export function canManageGroup(actor: Actor, group: GroupRef, approverIds: (number | null)[]): boolean {
  return isPrivileged(actor) || related(group, approverIds).some((id) => canEditBody(actor, id));
}

export function canReadMandateDrafts(actor: Actor, group: GroupRef, approverIds: (number | null)[]): boolean {
  return isPrivileged(actor) || related(group, approverIds).some((id) => canReadClosed(actor, id));
}

/**
 * The named rule of a chair decision (issue 21.1): the chair or vice-chair of the group, of the body it
 * reports to or of the body that approves its mandate approves a draft version between meetings, when the
 * secretariat put it to them as a matter (modules/matters). Only the approval; nothing else of the mandate.
 */
export function canApproveByChairDecision(
  actor: Actor,
  group: GroupRef,
  approverIds: (number | null)[],
): boolean {
  return isPrivileged(actor) || related(group, approverIds).some((id) => canApprove(actor, id));
}

export function authorizeGroup(actor: Actor, group: GroupRef, approverIds: (number | null)[]): void {
  authorize(
    actor,
    canManageGroup(actor, group, approverIds),
    "Kun sekretariatet for gruppen, det forum den refererer til, eller det godkendende forum kan ændre kommissoriet.",
  );
}

export const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }]);

export const notAllowed = (message: string) => new AppError("invalid_transition", message);
