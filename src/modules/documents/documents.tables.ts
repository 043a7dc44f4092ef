import { sql } from "drizzle-orm";
import {
  bigint,
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
import { storedFiles } from "../files/files.tables.ts";
import { meetings } from "../meetings/meetings.tables.ts";

export const DOCUMENT_KINDS = ["agenda", "minutes"] as const;
export const EDITIONS = ["full", "public"] as const;
export const DOCUMENT_FORMATS = ["pdf", "docx"] as const;

export const documentKind = pgEnum("document_kind", DOCUMENT_KINDS);
export const documentEdition = pgEnum("document_edition", EDITIONS);
export const documentFormat = pgEnum("document_format", DOCUMENT_FORMATS);

/**
 * A published agenda or minutes file, frozen: its bytes live in the content-addressed store under
 * their SHA-256 and are served unchanged. A correction publishes version n + 1 with its reason.
 */
export const publishedDocuments = pgTable(
  "published_documents",
  {
    id: idColumn(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: documentKind("kind").notNull(),
    edition: documentEdition("edition").notNull(),
    format: documentFormat("format").notNull(),
    /** 1 for the first publication, then one more per correction */
    number: integer("number").notNull(),
    sha256: text("sha256")
      .notNull()
      .references(() => storedFiles.sha256, { onDelete: "restrict" }),
    size: bigint("size", { mode: "number" }).notNull(),
    /** SHA-256 of what the file says (its data, not its bytes: files carry creation times) */
    contentHash: text("content_hash").notNull(),
    /** why this version was published: null for the first, the correction's reason after */
    reason: text("reason"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("published_documents_uq").on(t.meetingId, t.kind, t.edition, t.format, t.number),
    index("published_documents_created_idx").on(t.createdAt),
  ],
);

/**
 * What a frozen edition was rendered from (the document model, dates tagged), so that a removal of
 * personal data can render exactly that edition again with the passage replaced (issue 18.6). Kept out
 * of the audit log's payload (the edition's own row is audited); editions frozen before this table
 * existed have no model and are rendered again from the current data.
 */
export const publishedDocumentModels = pgTable("published_document_models", {
  /** the published document's id */
  id: integer("id")
    .primaryKey()
    .references(() => publishedDocuments.id, { onDelete: "cascade" }),
  model: jsonb("model").notNull(),
});

export const DOCUMENT_JOB_STATES = ["pending", "done", "failed"] as const;

/**
 * Work a publication leaves for after its commit: render and freeze one kind of document of a meeting.
 * Written in the publishing transaction (so it exists exactly when the publication does), done by the
 * background worker (`documents.jobs.ts`); pending rows are resumed at start, so nothing is lost.
 */
export const documentJobs = pgTable(
  "document_jobs",
  {
    id: idColumn(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: documentKind("kind").notNull(),
    reasonFull: text("reason_full"),
    reasonPublic: text("reason_public"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    state: text("state", { enum: DOCUMENT_JOB_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    ...rowMeta(),
  },
  (t) => [
    index("document_jobs_pending_idx").on(t.runAfter).where(sql`state = 'pending'`),
    index("document_jobs_meeting_idx").on(t.meetingId),
  ],
);
