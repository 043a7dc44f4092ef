import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { parties } from "../parties/parties.tables.ts";
import { sessions, users } from "./auth.tables.ts";

export const IDENTITY_STATUSES = ["pending", "confirmed", "refused"] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];

/**
 * A person at an organisation's OpenID Provider, known by issuer + subject (never by name or e-mail).
 * Pending until an admin or a secretariat links it to a user; refused identities stay refused.
 */
export const oidcIdentities = pgTable(
  "oidc_identities",
  {
    id: idColumn(),
    /** the provider's id in TVAERS_OIDC_PROVIDERS */
    provider: text("provider").notNull(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    status: text("status", { enum: IDENTITY_STATUSES }).notNull().default("pending"),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** the name the provider gave at the last login (shown to whoever confirms) */
    name: text("name").notNull(),
    /** only an e-mail address the provider marked as verified */
    email: text("email"),
    /** the party the provider's groups map to (groupParties), if any */
    partyId: integer("party_id").references(() => parties.id, { onDelete: "set null" }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("oidc_identities_subject_uq").on(t.issuer, t.subject),
    index("oidc_identities_user_idx").on(t.userId),
  ],
);

/** Which Tværs sessions came from which provider login: for RP-initiated and back-channel logout. */
export const oidcSessions = pgTable(
  "oidc_sessions",
  {
    id: idColumn(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    identityId: integer("identity_id")
      .notNull()
      .references(() => oidcIdentities.id, { onDelete: "cascade" }),
    /** the provider's session id (ID token "sid"), when it sends one */
    sid: text("sid"),
    /** the ID token, sent back as id_token_hint at logout (hidden from the audit log) */
    idToken: text("id_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("oidc_sessions_session_uq").on(t.sessionId),
    index("oidc_sessions_identity_idx").on(t.identityId),
  ],
);
