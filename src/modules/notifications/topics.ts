/**
 * Which domain events are told to whom, under which topic (the unit of a person's settings). Pure:
 * one table, so the settings page, the expansion and the docs agree.
 */
import type { DomainEvent } from "../../lib/domain-events.ts";

export const TOPICS = ["agenda", "meeting", "minutes", "approval", "secretariat", "actions"] as const;
export type Topic = (typeof TOPICS)[number];
export const MODES = ["immediate", "digest", "off"] as const;
export type Mode = (typeof MODES)[number];

/**
 * members: anyone with an active membership of the body; chairs: chair and vice-chair; secretaries;
 * owner: an action's owner; addressee: who answers for an obligation's addressee (a body's secretaries or
 * a party's representatives).
 */
export type Audience = "members" | "chairs" | "secretaries" | "owner" | "addressee";

/** The message family of a mail (its subject and lead in the catalogues). */
export type Message =
  | "agenda"
  | "supplementary"
  | "moved"
  | "cancelled"
  | "minutes"
  | "agendaApproval"
  | "agendaApproved"
  | "agendaSentBack"
  | "minutesApproval"
  | "sentBack"
  | "caseReferred"
  | "actionAssigned"
  | "actionDue"
  | "actionOverdue"
  | "minutesReminder"
  | "obligationArrived"
  | "obligationReminder";

export interface Route {
  topic: Topic;
  audience: Audience;
  /** also mailed to the public's confirmed subscribers of the body */
  subscribers: boolean;
  message: Message;
}

/** The route of an event, or null when nobody is told (e.g. the meeting was held). */
export function routeOf(event: DomainEvent): Route | null {
  switch (event.kind) {
    case "agenda_published":
      return { topic: "agenda", audience: "members", subscribers: true, message: "agenda" };
    case "supplementary_agenda_published":
      return { topic: "agenda", audience: "members", subscribers: true, message: "supplementary" };
    case "meeting_changed":
      return event.moved
        ? { topic: "meeting", audience: "members", subscribers: false, message: "moved" }
        : null;
    case "meeting_cancelled":
      return { topic: "meeting", audience: "members", subscribers: false, message: "cancelled" };
    case "minutes_published":
      return { topic: "minutes", audience: "members", subscribers: true, message: "minutes" };
    case "agenda_awaiting_approval":
      return { topic: "approval", audience: "chairs", subscribers: false, message: "agendaApproval" };
    case "agenda_approved":
      return { topic: "secretariat", audience: "secretaries", subscribers: false, message: "agendaApproved" };
    case "agenda_sent_back":
      return { topic: "secretariat", audience: "secretaries", subscribers: false, message: "agendaSentBack" };
    case "minutes_awaiting_approval":
      return { topic: "approval", audience: "chairs", subscribers: false, message: "minutesApproval" };
    case "minutes_sent_back":
      return { topic: "secretariat", audience: "secretaries", subscribers: false, message: "sentBack" };
    case "case_referred":
      return { topic: "secretariat", audience: "secretaries", subscribers: false, message: "caseReferred" };
    case "action_assigned":
      return { topic: "actions", audience: "owner", subscribers: false, message: "actionAssigned" };
    case "obligation_arrived":
      return {
        topic: "secretariat",
        audience: "addressee",
        subscribers: false,
        message: "obligationArrived",
      };
    case "obligation_reminder":
      return {
        topic: "secretariat",
        audience: "addressee",
        subscribers: false,
        message: "obligationReminder",
      };
    default:
      return null;
  }
}

/** The settings key of a topic in a body ("actions" is one setting for all bodies). */
export function settingKey(bodyId: number | null, topic: Topic): string {
  return topic === "actions" || bodyId === null ? topic : `${bodyId}:${topic}`;
}

/** A person's mode for a topic: immediately unless they chose otherwise. */
export function modeOf(settings: Record<string, string>, bodyId: number | null, topic: Topic): Mode {
  // "all": off is what a digest's one-click unsubscribe sets (everything stops until the settings change).
  if (settings.all === "off") {
    return "off";
  }
  const value = settings[settingKey(bodyId, topic)];
  return value === "digest" || value === "off" ? value : "immediate";
}
