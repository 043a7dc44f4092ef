import type { Actor } from "../auth/actor.ts";
import { canReadClosed } from "../auth/policy.ts";
import { areMinutesPublic, isAgendaPublic, type MeetingStatus } from "./meetings.rules.ts";

/** What a reader may see of one meeting: the single place where "closed is closed" is decided. */
export interface Visibility {
  /** member of the body (or admin): sees closed items, closed attachments and drafts */
  member: boolean;
  /** sees the agenda (open items' texts) */
  agenda: boolean;
  /** sees decisions, outcomes, attendance and absences */
  minutes: boolean;
}

export function visibilityOf(actor: Actor, meeting: { bodyId: number; status: MeetingStatus }): Visibility {
  const member = canReadClosed(actor, meeting.bodyId);
  return {
    member,
    agenda: member || isAgendaPublic(meeting.status),
    minutes: member || areMinutesPublic(meeting.status),
  };
}

/** May the reader see this item's content (not just that it exists)? */
export function canSeeItem(v: Visibility, access: "open" | "closed"): boolean {
  return v.agenda && (access === "open" || v.member);
}

/** May the reader see this attachment? A closed item closes all its attachments. */
export function canSeeAttachment(
  v: Visibility,
  itemAccess: "open" | "closed",
  access: "open" | "closed",
): boolean {
  return canSeeItem(v, itemAccess) && (access === "open" || v.member);
}
