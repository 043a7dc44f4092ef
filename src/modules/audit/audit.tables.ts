import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every change to the data: who, when, what, before and after. Written only by database triggers
 * (see the migration "audit_log" and tvaers_audit_attach_all()), append-only (UPDATE, DELETE and
 * TRUNCATE are refused), and chained: each row's hash covers the previous row's hash and its own
 * content, so `tvaers audit verify` finds any row changed, removed or inserted afterwards.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** "user:12 name@example.dk", "cli:import", "system" … */
    actor: text("actor").notNull(),
    tableName: text("table_name").notNull(),
    rowId: text("row_id"),
    /** insert, update, delete, or a note such as "restore" */
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_table_row_idx").on(t.tableName, t.rowId)],
);
