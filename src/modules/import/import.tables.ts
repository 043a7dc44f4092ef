import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { meetings } from "../meetings/meetings.tables.ts";
import type { ImportConfidence, ImportResult } from "./import.schemas.ts";
import type { Provenance } from "./provenance.ts";

/**
 * One row per document version written to the database. `sha256` makes a re-import of the same
 * bytes a no-op; `provenance` holds what the importer wrote, so a corrected version can update
 * the fields nobody has changed since and keep the ones a user has (see README.md).
 */
export const importedDocuments = pgTable(
  "imported_documents",
  {
    id: idColumn(),
    sha256: text("sha256").notNull(),
    /** hash of the result as written: an edited review of the same bytes is another version */
    resultSha256: text("result_sha256").notNull(),
    fileName: text("file_name").notNull(),
    format: text("format").notNull(),
    kind: text("kind").notNull(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    result: jsonb("result").$type<ImportResult>().notNull(),
    provenance: jsonb("provenance").$type<Provenance>().notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
    importedBy: integer("imported_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("imported_documents_sha256_idx").on(t.sha256),
    index("imported_documents_meeting_idx").on(t.meetingId, t.id),
  ],
);

/** An uploaded document awaiting review: parsed, not written. Expires after a day. */
export const pendingImports = pgTable(
  "pending_imports",
  {
    /** random, so that one user cannot guess another's review */
    id: text("id").primaryKey(),
    sha256: text("sha256").notNull(),
    fileName: text("file_name").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    result: jsonb("result").$type<ImportResult>().notNull(),
    confidence: jsonb("confidence").$type<ImportConfidence>().notNull(),
    /** the body the upload asked for, if any */
    bodyId: integer("body_id").references(() => bodies.id, { onDelete: "set null" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("pending_imports_expires_idx").on(t.expiresAt)],
);
