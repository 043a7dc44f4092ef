import { da } from "../../web/messages.da.ts";
import { MEETING_STATUSES } from "./meetings.tables.ts";

export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A meeting's statuses in the order of its life: the one list every module uses. */
export const MEETING_STATUS_PATH: readonly MeetingStatus[] = MEETING_STATUSES;

export function isMeetingStatus(value: string): value is MeetingStatus {
  return (MEETING_STATUS_PATH as readonly string[]).includes(value);
}

/** The statuses a meeting passes through going forward from `from` to `to` (empty when not ahead). */
export function forwardPath(from: MeetingStatus, to: MeetingStatus): MeetingStatus[] {
  const a = MEETING_STATUS_PATH.indexOf(from);
  const b = MEETING_STATUS_PATH.indexOf(to);
  return MEETING_STATUS_PATH.slice(a + 1, b + 1);
}

/** The message key of a status's label (`status.<status>` in web/messages.*.ts). */
export function statusLabelKey(status: MeetingStatus): `status.${MeetingStatus}` {
  return `status.${status}`;
}

/** The forward path of a meeting, and the few steps back a secretariat may take. */
export const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  planned: ["agenda_published"],
  agenda_published: ["planned", "held"],
  held: ["minutes_draft"],
  minutes_draft: ["minutes_approved", "held"],
  minutes_approved: ["minutes_published"],
  minutes_published: [],
};

/** The Danish labels, from the message catalogue (the one home of every status word). */
export const STATUS_LABEL_DA = Object.fromEntries(
  MEETING_STATUSES.map((status) => [status, da[statusLabelKey(status)]]),
) as Record<MeetingStatus, string>;

/** Minutes are locked once approved: changes go through a correction with a reason. */
export function isMinutesLocked(status: MeetingStatus): boolean {
  return status === "minutes_approved" || status === "minutes_published";
}

/** Public readers see the agenda once it is published, and decisions once the minutes are. */
export function isAgendaPublic(status: MeetingStatus): boolean {
  return status !== "planned";
}
export function areMinutesPublic(status: MeetingStatus): boolean {
  return status === "minutes_published";
}

export interface TransitionCheck {
  from: MeetingStatus;
  to: MeetingStatus;
  cancelled: boolean;
  start: Date;
  now: Date;
  itemCount: number;
}

/** Why a transition is not allowed, in Danish; null when it is. Pure: no database, no clock. */
export function transitionError(c: TransitionCheck): string | null {
  if (c.cancelled) {
    return "Mødet er aflyst; dets status kan ikke ændres.";
  }
  if (!TRANSITIONS[c.from].includes(c.to)) {
    return `Mødet kan ikke gå fra "${STATUS_LABEL_DA[c.from]}" til "${STATUS_LABEL_DA[c.to]}".`;
  }
  if (c.to === "agenda_published" && c.itemCount === 0) {
    return "Dagsordenen har ingen punkter og kan ikke offentliggøres.";
  }
  if (c.to === "held" && c.start.getTime() > c.now.getTime()) {
    return "Mødet kan ikke markeres som afholdt, før det er begyndt.";
  }
  return null;
}

/** Approving minutes needs the chair; every other step needs the secretariat. */
export function transitionNeedsChair(to: MeetingStatus): boolean {
  return to === "minutes_approved";
}
