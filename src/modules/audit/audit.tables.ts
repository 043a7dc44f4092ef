import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every change to the data: who, when, what, before and after. Written only by database triggers
 * (see the migration "audit_log" and tvaers_audit_attach_all()), append-only (UPDATE, DELETE and
 * TRUNCATE are refused), and chained: each row's hash covers the previous row's hash and the digest of
 * its payload (chain version 2, migration "personal_data_removal"), so `tvaers audit verify` finds any row
 * changed, removed or inserted afterwards. The one permitted change: a removal of personal data
 * (issue 18.6) replaces a passage in `before`/`after` and sets `scrubbedAt`; the digest stays, so the
 * chain still verifies, and a later chained note names every entry it scrubbed.
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
    /** SHA-256 of the payload (table, action, row, before, after) as written; the chain covers this */
    digest: text("digest"),
    /** the hash under chain version 1 (over the payload itself), kept when the chain was migrated */
    v1Hash: text("v1_hash"),
    /** when a removal of personal data replaced a passage in this entry's payload */
    scrubbedAt: timestamp("scrubbed_at", { withTimezone: true }),
  },
  (t) => [index("audit_log_table_row_idx").on(t.tableName, t.rowId)],
);
