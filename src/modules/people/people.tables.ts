import { date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { parties } from "../parties/parties.tables.ts";

export const MEMBERSHIP_ROLES = [
  "chair",
  "vice_chair",
  "member",
  "secretary",
  "observer",
  "substitute",
] as const;
export const membershipRole = pgEnum("membership_role", MEMBERSHIP_ROLES);
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const persons = pgTable(
  "persons",
  {
    id: idColumn(),
    name: text("name").notNull(),
    title: text("title"),
    email: text("email"),
    ...rowMeta(),
  },
  (t) => [index("persons_name_idx").on(t.name)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: idColumn(),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "restrict" }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "restrict" }),
    partyId: integer("party_id").references(() => parties.id, { onDelete: "restrict" }),
    role: membershipRole("role").notNull().default("member"),
    from: date("from_date"),
    to: date("to_date"),
    ...rowMeta(),
  },
  (t) => [index("memberships_body_idx").on(t.bodyId), index("memberships_person_idx").on(t.personId)],
);

/**
 * A requested change of a person's e-mail address, waiting for the link mailed to the new address.
 * Only the SHA-256 of the link's token is stored (and left out of the audit log).
 */
export const emailChanges = pgTable(
  "email_changes",
  {
    id: idColumn(),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("email_changes_token_uq").on(t.tokenHash),
    index("email_changes_person_idx").on(t.personId),
  ],
);
