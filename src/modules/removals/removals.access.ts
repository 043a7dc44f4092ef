import { type Actor, isPrivileged } from "../auth/index.ts";

/**
 * May remove personal data from published material (issue 18.6): an administrator. The removal changes
 * frozen editions and scrubs the audit log, so it is kept to the role that answers for the installation.
 */
export function canRemovePersonalData(actor: Actor): boolean {
  return isPrivileged(actor);
}
