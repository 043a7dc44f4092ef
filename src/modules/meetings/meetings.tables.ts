import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { persons } from "../people/people.tables.ts";

export const MEETING_KINDS = ["ordinary", "extraordinary", "virtual", "theme", "seminar"] as const;
export const MEETING_STATUSES = [
  "planned",
  "agenda_published",
  "held",
  "minutes_draft",
  "minutes_approved",
  "minutes_published",
] as const;
export const ATTENDANCE_STATUSES = ["present", "afbud", "absent", "substitute", "guest"] as const;

export const meetingKind = pgEnum("meeting_kind", MEETING_KINDS);
export const meetingStatus = pgEnum("meeting_status", MEETING_STATUSES);
export const attendanceStatus = pgEnum("attendance_status", ATTENDANCE_STATUSES);

export const meetings = pgTable(
  "meetings",
  {
    id: idColumn(),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "restrict" }),
    title: text("title"),
    start: timestamp("start", { withTimezone: true }).notNull(),
    end: timestamp("end", { withTimezone: true }),
    location: text("location"),
    kind: meetingKind("kind").notNull().default("ordinary"),
    status: meetingStatus("status").notNull().default("planned"),
    cancelled: boolean("cancelled").notNull().default(false),
    cancelReason: text("cancel_reason"),
    /** when the minutes were approved (by the chair in Tværs, or recorded as approved elsewhere) */
    minutesApprovedAt: timestamp("minutes_approved_at", { withTimezone: true }),
    /** who approved them, as the name stood then; null for historic minutes approved outside Tværs */
    minutesApprovedBy: text("minutes_approved_by"),
    /** the chair's comment when the draft minutes were last sent back to the secretariat, and when */
    minutesReturnComment: text("minutes_return_comment"),
    minutesReturnedAt: timestamp("minutes_returned_at", { withTimezone: true }),
    /** the user who put the minutes into draft; approval needs another chair unless the body allows it (canApproveMinutes) */
    minutesDraftedBy: integer("minutes_drafted_by").references(() => users.id, { onDelete: "set null" }),
    /** when the minutes were last put into draft: the members' answers and deadline belong to this round */
    minutesDraftedAt: timestamp("minutes_drafted_at", { withTimezone: true }),
    /** when the agenda (or its latest supplement) was published: later item changes make a supplement */
    agendaPublishedAt: timestamp("agenda_published_at", { withTimezone: true }),
    /**
     * Where the body's chair approves the agenda (`bodies.agenda_approval`): when the secretariat asked for
     * the approval, when and by whom (the name as it stood then) it was given, and the chair's comment when
     * the agenda was last sent back. Item changes after the approval make it stale (`agendaChangesSince`).
     */
    agendaApprovalRequestedAt: timestamp("agenda_approval_requested_at", { withTimezone: true }),
    agendaApprovedAt: timestamp("agenda_approved_at", { withTimezone: true }),
    agendaApprovedBy: text("agenda_approved_by"),
    agendaReturnComment: text("agenda_return_comment"),
    agendaReturnedAt: timestamp("agenda_returned_at", { withTimezone: true }),
    ...rowMeta(),
  },
  (t) => [index("meetings_body_start_idx").on(t.bodyId, t.start), index("meetings_start_idx").on(t.start)],
);

export const attendance = pgTable(
  "attendance",
  {
    id: idColumn(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "restrict" }),
    status: attendanceStatus("status").notNull(),
    substituteForId: integer("substitute_for_id").references(() => persons.id, { onDelete: "restrict" }),
    /** item ids a guest attends */
    guestItemIds: jsonb("guest_item_ids").$type<number[]>().notNull().default([]),
    note: text("note"),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("attendance_meeting_person_uq").on(t.meetingId, t.personId)],
);
