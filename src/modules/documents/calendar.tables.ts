import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** This installation's id, made at first start; calendar UIDs carry it so two installations never collide. */
export const installation = pgTable("installation", {
  id: text("id").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A deleted meeting as its calendars last knew it, written by a trigger on delete (whatever code path
 * deleted it): calendars keep it as STATUS:CANCELLED for a while, so subscribers see it go.
 */
export const calendarCancellations = pgTable(
  "calendar_cancellations",
  {
    meetingId: integer("meeting_id").primaryKey(),
    bodyId: integer("body_id").notNull(),
    title: text("title"),
    start: timestamp("start", { withTimezone: true }).notNull(),
    end: timestamp("end", { withTimezone: true }),
    location: text("location"),
    version: integer("version").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("calendar_cancellations_body_idx").on(t.bodyId, t.deletedAt)],
);
