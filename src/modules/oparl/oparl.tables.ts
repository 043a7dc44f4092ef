import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn } from "../../db/columns.ts";

/**
 * Tombstones of deleted rows, written by database triggers (see the migration "deletion_log"), so
 * that OParl can answer `modified_since` with `deleted: true` objects whatever deleted the row.
 */
export const deletedObjects = pgTable(
  "deleted_objects",
  {
    id: idColumn(),
    tableName: text("table_name").notNull(),
    rowId: integer("row_id").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deleted_objects_table_time_idx").on(t.tableName, t.deletedAt)],
);
