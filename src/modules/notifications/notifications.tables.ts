import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";

/**
 * What a domain act announced, written in the act's own transaction (one cheap row, whatever the
 * number of readers). The outbox worker turns it into mails after the commit (`expanded_at`).
 */
export const notificationEvents = pgTable(
  "notification_events",
  {
    id: idColumn(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expandedAt: timestamp("expanded_at", { withTimezone: true }),
  },
  (t) => [index("notification_events_pending_idx").on(t.id).where(sql`expanded_at is null`)],
);

export const OUTBOX_STATES = ["pending", "sending", "sent", "failed", "held", "digested"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * One mail to one address. `dedupe_key` (event and address, digest and day, confirmation) makes a
 * second expansion of the same event write nothing, so no mail is queued twice. `held` rows wait for
 * the recipient's daily digest; `pending` ones are sent from `next_attempt_at`, with back-off.
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: idColumn(),
    dedupeKey: text("dedupe_key").notNull(),
    eventId: integer("event_id").references(() => notificationEvents.id, { onDelete: "set null" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    subscriptionId: integer("subscription_id").references(() => publicSubscriptions.id, {
      onDelete: "cascade",
    }),
    toAddress: text("to_address").notNull(),
    locale: text("locale").notNull().default("da"),
    topic: text("topic").notNull(),
    bodyId: integer("body_id"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** the page the mail is about (a digest links each of its mails' pages) */
    url: text("url"),
    /** the one-click (RFC 8058) address, sent as List-Unsubscribe */
    unsubscribeUrl: text("unsubscribe_url"),
    state: text("state", { enum: OUTBOX_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    digestId: integer("digest_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notification_outbox_dedupe_uq").on(t.dedupeKey),
    index("notification_outbox_due_idx").on(t.nextAttemptAt).where(sql`state = 'pending'`),
    index("notification_outbox_held_idx").on(t.userId).where(sql`state = 'held'`),
    index("notification_outbox_created_idx").on(t.createdAt),
  ],
);

/**
 * A user's choices: `settings` maps "<bodyId>:<topic>" (or "actions") to "digest" or "off" (absent:
 * immediately). The unsubscribe token signs the mails' one-click links; the calendar token is the
 * secret part of the personal calendar address ("Mine møder"), renewable.
 */
export const notificationProfiles = pgTable(
  "notification_profiles",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    settings: jsonb("settings").$type<Record<string, string>>().notNull().default({}),
    unsubscribeToken: text("unsubscribe_token").notNull(),
    calendarToken: text("calendar_token"),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("notification_profiles_unsubscribe_uq").on(t.unsubscribeToken),
    uniqueIndex("notification_profiles_calendar_uq").on(t.calendarToken),
  ],
);

/** The public's subscription to a body's agendas and minutes: mailed only once `confirmed_at` is set. */
export const publicSubscriptions = pgTable(
  "public_subscriptions",
  {
    id: idColumn(),
    email: text("email").notNull(),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    locale: text("locale").notNull().default("da"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("public_subscriptions_email_body_uq").on(t.email, t.bodyId),
    uniqueIndex("public_subscriptions_token_uq").on(t.token),
  ],
);
