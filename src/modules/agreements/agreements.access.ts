/**
 * What a reader may see of an agreement. The rule (docs/groups-and-agreements.md):
 * - members of the owner group (and admins) see everything, drafts included; its secretariat edits;
 * - a version is public once the owner publishes it: starting a hearing publishes the hearing draft,
 *   approving publishes the approved version, and a draft can be published by hand;
 * - an agreement is public once it has left draft or has a published version; otherwise it does not exist
 *   for outsiders (404);
 * - hearing responses and the response matrix are public only when the owner publishes them;
 * - the agenda items behind decisions go through meetings/visibility.ts (a closed item: number only).
 */
import { AppError, notFound } from "../../server/errors.ts";
import {
  type Actor,
  authorize,
  canApprove,
  canEditBody,
  canReadClosed,
  isPrivileged,
} from "../auth/index.ts";
import type { AgreementStatus } from "./agreements.tables.ts";

export interface AgreementRef {
  ownerBodyId: number;
  status: AgreementStatus;
}

export const isOwner = (actor: Actor, a: AgreementRef) => canReadClosed(actor, a.ownerBodyId);

export function canSeeAgreement(actor: Actor, a: AgreementRef, hasPublishedVersion: boolean): boolean {
  return isOwner(actor, a) || a.status !== "draft" || hasPublishedVersion;
}

export function requireVisible(actor: Actor, a: AgreementRef, hasPublishedVersion: boolean): void {
  if (!canSeeAgreement(actor, a, hasPublishedVersion)) {
    throw notFound("Aftalen");
  }
}

export function authorizeOwner(actor: Actor, a: { ownerBodyId: number }): void {
  authorize(
    actor,
    canEditBody(actor, a.ownerBodyId),
    "Kun sekretariatet for aftalens ejergruppe kan ændre aftalen.",
  );
}

/**
 * The named rule of a chair decision or written procedure (issue 21): the chair or vice-chair of the
 * approving body approves a version between meetings, when the secretariat put it to them as a matter
 * (modules/matters) — only where that body is the owner group or reports to it (its chair group).
 * Only the approval; nothing else of the agreement.
 */
export function canApproveAgreementByChairDecision(
  actor: Actor,
  a: { ownerBodyId: number },
  approver: { id: number; reportsToId: number | null },
): boolean {
  const related = approver.id === a.ownerBodyId || approver.reportsToId === a.ownerBodyId;
  return related && (isPrivileged(actor) || canApprove(actor, approver.id));
}

export const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }]);

export const notAllowed = (message: string) => new AppError("invalid_transition", message);
