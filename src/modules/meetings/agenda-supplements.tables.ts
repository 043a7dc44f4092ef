import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn } from "../../db/columns.ts";
import { meetings } from "./meetings.tables.ts";

/** One line of a supplementary agenda's change log: which item, by its number then, and what happened. */
export interface AgendaChange {
  itemId: number;
  number: number;
  change: "added" | "changed";
  /** whether the item was closed when the supplement was published: the public sees its number only */
  closed: boolean;
}

/**
 * A supplementary agenda ("tillægsdagsorden"): published after the agenda, it lists the items added or
 * changed since the agenda (or the previous supplement) was published. The public agenda page and the
 * frozen documents show the log; the note is for the members (it may speak of closed items).
 */
export const agendaSupplements = pgTable(
  "agenda_supplements",
  {
    id: idColumn(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    note: text("note").notNull(),
    changes: jsonb("changes").$type<AgendaChange[]>().notNull(),
  },
  (t) => [index("agenda_supplements_meeting_idx").on(t.meetingId, t.publishedAt)],
);
