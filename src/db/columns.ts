import { integer, timestamp } from "drizzle-orm/pg-core";

/** Identity key; "by default" so that a restore can write the exported ids back. */
export const idColumn = () => integer("id").primaryKey().generatedByDefaultAsIdentity();

/** created/updated timestamps and the version used for optimistic concurrency, on every row. */
export const rowMeta = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});
