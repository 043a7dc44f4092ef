import { integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "./auth.tables.ts";

/** A user's TOTP secret (RFC 6238); hidden from the audit log. */
export const totpSecrets = pgTable(
  "totp_secrets",
  {
    id: idColumn(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** base32, as shown to the user at enrolment */
    secret: text("secret").notNull(),
    /** null while enrolling: the first right code confirms it */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** the time step of the last accepted code; a code of that step or earlier is a replay */
    lastStep: integer("last_step"),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("totp_secrets_user_uq").on(t.userId)],
);
