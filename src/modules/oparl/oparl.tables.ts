import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn } from "../../db/columns.ts";

/**
 * Tombstones of deleted rows, written by database triggers (see the migrations "deletion_log" and
 * "oparl_tombstones"), so that OParl can answer `modified_since` with `deleted: true` objects whatever
 * deleted the row. A tombstone keeps the row's creation time (OParl keeps `created` on a deleted
 * object) and the ids of its parents, so a parent's `modified` rises when an embedded object goes.
 */
export const deletedObjects = pgTable(
  "deleted_objects",
  {
    id: idColumn(),
    tableName: text("table_name").notNull(),
    rowId: integer("row_id").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
    /** the deleted row's created_at (null for tombstones written before it was kept) */
    createdAt: timestamp("created_at", { withTimezone: true }),
    /** the deleted row's parent ids: person_id, body_id, meeting_id, item_id, case_id where it had them */
    parents: jsonb("parents").$type<Record<string, number>>(),
  },
  (t) => [
    index("deleted_objects_table_time_idx").on(t.tableName, t.deletedAt),
    index("deleted_objects_parents_idx").using("gin", t.parents),
  ],
);
