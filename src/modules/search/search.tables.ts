import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";

/**
 * The search index: one row per searchable thing (an item, an attachment, a body, a person; a later
 * `cases` module adds `source = 'case'`). Rows are written only by the database triggers of the
 * migration "search_index", in the transaction of the write they follow. The tsvector columns `tsv`
 * (everything, for members) and `tsv_agenda` (an item without its decision, while only the agenda is
 * public) live in that migration too, since Drizzle cannot express them; so does `tsv_pub` (migration
 * "search_public_vector"): what the public may match, by month, with filters as tokens (buckets.ts).
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    id: idColumn(),
    /** item | attachment | body | person (| case) */
    source: text("source").notNull(),
    sourceId: integer("source_id").notNull(),
    itemId: integer("item_id"),
    meetingId: integer("meeting_id"),
    bodyId: integer("body_id"),
    itemNumber: integer("item_number"),
    region: text("region"),
    cluster: text("cluster"),
    /** the meeting's start: recency, the year facet and the date filter */
    date: timestamp("date", { withTimezone: true }),
    itemKind: text("item_kind"),
    outcome: text("outcome"),
    /** what the public may see: 0 nothing, 1 the agenda (no decision), 2 everything */
    publicLevel: smallint("public_level").notNull().default(0),
    title: text("title").notNull(),
    /** when publicLevel last rose: what alerts and feeds announce */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("search_documents_source_uq").on(t.source, t.sourceId),
    index("search_documents_item_idx").on(t.itemId),
    index("search_documents_meeting_idx").on(t.meetingId),
    index("search_documents_body_idx").on(t.bodyId),
    index("search_documents_published_idx").on(t.publishedAt),
  ],
);

/** Every lexeme of the index (letters only): the lexicon for compound expansion and typo correction. */
export const searchTerms = pgTable("search_terms", {
  term: text("term").primaryKey(),
});

/** Plain text of a stored file (attachments' PDF/DOCX/HTML/text), extracted once per content. */
export const fileTexts = pgTable("file_texts", {
  sha256: text("sha256").primaryKey(),
  text: text("text").notNull(),
  /** why no text could be extracted (scanned PDF, unknown format), or null */
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A user's saved search; alerts by e-mail when new matching material is published. */
export const savedSearches = pgTable(
  "saved_searches",
  {
    id: idColumn(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: text("query").notNull(),
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull().default({}),
    emailAlerts: boolean("email_alerts").notNull().default(true),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    ...rowMeta(),
  },
  (t) => [index("saved_searches_user_idx").on(t.userId)],
);

/** What an alert already sent: a document at a public level, once per saved search. */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    savedSearchId: integer("saved_search_id")
      .notNull()
      .references(() => savedSearches.id, { onDelete: "cascade" }),
    documentId: integer("document_id").notNull(),
    level: smallint("level").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.savedSearchId, t.documentId, t.level] })],
);

/**
 * The public's e-mail alert for a search (no account): mailed only once `confirmed_at` is set (double
 * opt-in); the token is the secret of its confirmation and one-click unsubscribe links.
 */
export const searchSubscriptions = pgTable(
  "search_subscriptions",
  {
    id: idColumn(),
    email: text("email").notNull(),
    query: text("query").notNull(),
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull().default({}),
    token: text("token").notNull(),
    locale: text("locale").notNull().default("da"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("search_subscriptions_token_uq").on(t.token),
    uniqueIndex("search_subscriptions_email_search_uq").on(t.email, t.query, t.filters),
  ],
);

/** What a public search alert already announced: a document at a public level, once per subscription. */
export const searchSubscriptionDeliveries = pgTable(
  "search_subscription_deliveries",
  {
    subscriptionId: integer("subscription_id")
      .notNull()
      .references(() => searchSubscriptions.id, { onDelete: "cascade" }),
    documentId: integer("document_id").notNull(),
    level: smallint("level").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.documentId, t.level] })],
);
