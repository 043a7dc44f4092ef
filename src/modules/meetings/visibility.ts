import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { canReadClosed, isPrivileged } from "../auth/policy.ts";
import { agendaItems } from "./items.tables.ts";
import { areMinutesPublic, isAgendaPublic, type MeetingStatus } from "./meetings.rules.ts";
import { meetings } from "./meetings.tables.ts";

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

/** What a reader needs of an item beyond its existence on a published agenda. */
export interface ItemNeed {
  /** its content (title, texts, case numbers): closed items only for members */
  content?: boolean;
  /** its decision, outcome and absences: only once the minutes are published, or for members */
  minutes?: boolean;
}

/** The predicate of `visibleItemsWhere`, for one item: may the reader see it with what is needed? */
export function itemVisible(
  actor: Actor,
  meeting: { bodyId: number; status: MeetingStatus },
  access: "open" | "closed",
  need: ItemNeed = {},
): boolean {
  const v = visibilityOf(actor, meeting);
  return v.agenda && (!need.content || canSeeItem(v, access)) && (!need.minutes || v.minutes);
}

/** Bodies whose closed material the actor may read; null means all (admin, system). */
export function memberBodyIds(actor: Actor): number[] | null {
  return isPrivileged(actor) ? null : [...actor.roles.keys()].filter((b) => canReadClosed(actor, b));
}

/**
 * SQL twin of `visibilityOf` for meetings: the meetings whose agenda (and, with `minutes`, decisions)
 * the reader may see. Undefined when the reader sees everything.
 */
export function visibleMeetingsWhere(actor: Actor, need: { minutes?: boolean } = {}): SQL | undefined {
  const bodies = memberBodyIds(actor);
  if (bodies === null) {
    return undefined;
  }
  const published = need.minutes
    ? sql`${meetings.status} = ${"minutes_published"}`
    : sql`${meetings.status} <> ${"planned"}`;
  return bodies.length > 0 ? (or(inArray(meetings.bodyId, bodies), published) as SQL) : published;
}

/**
 * SQL twin of `itemVisible` over `agenda_items`: the one place every list, filter, export and feed takes
 * "closed is closed" from (test/meetings/visibility-sql.test.ts proves the two agree on every case).
 * Undefined when the reader sees everything.
 */
export function visibleItemsWhere(actor: Actor, need: ItemNeed = {}): SQL | undefined {
  const bodies = memberBodyIds(actor);
  if (bodies === null) {
    return undefined;
  }
  const meetingsSeen = sql`(select ${meetings.id} from ${meetings} where ${visibleMeetingsWhere(actor, need)})`;
  const conditions: SQL[] = [inArray(agendaItems.meetingId, meetingsSeen)];
  if (need.content) {
    const memberMeetings =
      bodies.length > 0
        ? sql`(select ${meetings.id} from ${meetings} where ${inArray(meetings.bodyId, bodies)})`
        : null;
    conditions.push(
      memberMeetings
        ? (or(eq(agendaItems.access, "open"), inArray(agendaItems.meetingId, memberMeetings)) as SQL)
        : eq(agendaItems.access, "open"),
    );
  }
  return and(...conditions) as SQL;
}
