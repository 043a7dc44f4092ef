import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { agendaItems } from "../meetings/items.tables.ts";

/**
 * A removal of personal data from an item (issue 18.6): when, by whom, why and where it was found —
 * never the removed text itself.
 */
export const personalDataRemovals = pgTable("personal_data_removals", {
  id: idColumn(),
  itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
  meetingId: integer("meeting_id").notNull(),
  reason: text("reason").notNull(),
  /** the text that now stands where the passage stood: "[Oplysninger fjernet 3.12.2026 – …]" */
  marker: text("marker").notNull(),
  userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
  /** how many places were changed: item fields, corrections, editions, audit entries … */
  places: jsonb("places").$type<Record<string, number>>().notNull(),
  removedAt: timestamp("removed_at", { withTimezone: true }).notNull().defaultNow(),
  ...rowMeta(),
});
