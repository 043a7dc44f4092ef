/**
 * Domain events: what a domain act (publishAgenda, approveMinutes, cancelMeeting …) announces after
 * it has written, inside its own transaction. Modules that must react (frozen documents, the search
 * index, read caches, notifications) register a handler once at boot (`src/server/effects.ts`), so
 * every caller of the act — API, pages, CLI, importer, demo — gets the same effects and no route
 * loops over hooks. A handler runs in the act's transaction: it writes only cheap, durable rows
 * (e.g. a job or an outbox entry); slow work runs after the commit from those rows.
 *
 * This file imports no module, so any module may emit without an import cycle.
 */

/** Who is acting, as far as effects need to know (the full Ctx is passed alongside). */
export type MeetingEvent =
  | { kind: "agenda_published"; meetingId: number }
  | { kind: "supplementary_agenda_published"; meetingId: number; note: string }
  | { kind: "agenda_awaiting_approval"; meetingId: number }
  | { kind: "agenda_approved"; meetingId: number }
  | { kind: "agenda_sent_back"; meetingId: number; comment: string }
  | {
      kind: "meeting_changed";
      meetingId: number;
      /** true when the date or time changed (members are told) */
      moved: boolean;
      previousStart: string | null;
    }
  | { kind: "meeting_cancelled"; meetingId: number; reason: string }
  | { kind: "meeting_held"; meetingId: number }
  | { kind: "minutes_awaiting_approval"; meetingId: number }
  | { kind: "minutes_sent_back"; meetingId: number; comment: string }
  | { kind: "minutes_approved"; meetingId: number }
  | { kind: "minutes_published"; meetingId: number }
  | {
      kind: "minutes_corrected";
      meetingId: number;
      itemNumber: number;
      closed: boolean;
      reason: string;
    };

export type OtherEvent =
  | { kind: "case_referred"; itemId: number; toBodyId: number; toMeetingId: number | null }
  | { kind: "action_assigned"; actionId: number }
  /** an obligation (or feedback request) reached one addressee; its reminder before the deadline */
  | { kind: "obligation_arrived"; obligationId: number; addresseeId: number }
  | { kind: "obligation_reminder"; obligationId: number; addresseeId: number };

export type DomainEvent = MeetingEvent | OtherEvent;

/** `ctx` is the act's `{ db: tx, actor }`; typed loosely here so this file imports nothing. */
export type EffectHandler<C = unknown> = (ctx: C, event: DomainEvent) => Promise<void>;

const handlers = new Map<string, EffectHandler>();

/** Registers (or replaces, by name) a handler; called at boot by `installEffects`. */
export function registerEffect<C>(name: string, handler: EffectHandler<C>): void {
  handlers.set(name, handler as EffectHandler);
}

/** Names of the registered handlers (tests check that boot installed them). */
export function registeredEffects(): string[] {
  return [...handlers.keys()];
}

/** Runs every registered handler, in registration order, inside the caller's transaction. */
export async function emitDomainEvent<C>(ctx: C, event: DomainEvent): Promise<void> {
  for (const handler of handlers.values()) {
    await handler(ctx, event);
  }
}
