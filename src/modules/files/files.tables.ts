import { bigint, customType, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** Content-addressed file store: one row per distinct content, shared by attachments. */
export const storedFiles = pgTable("stored_files", {
  sha256: text("sha256").primaryKey(),
  /** also kept because OParl publishes files with their SHA-512 checksum */
  sha512: text("sha512"),
  size: bigint("size", { mode: "number" }).notNull(),
  content: bytea("content").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
