import { date, pgEnum, pgTable, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";

export const PARTY_TYPES = [
  "region",
  "municipality",
  "hospital",
  "psychiatry",
  "general_practice",
  "patient_representatives",
  "national",
  "other",
] as const;

export const partyType = pgEnum("party_type", PARTY_TYPES);

export const parties = pgTable(
  "parties",
  {
    id: idColumn(),
    type: partyType("type").notNull(),
    name: text("name").notNull(),
    region: text("region"),
    municipalityCode: varchar("municipality_code", { length: 3 }),
    /** First and last day of the party (e.g. a region until 31.12.2026); null = open. */
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    /** The official code of a region (1081–1085) or municipality (101–860), unique per type; null when none. */
    code: varchar("code", { length: 10 }),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("parties_name_uq").on(t.name), uniqueIndex("parties_type_code_uq").on(t.type, t.code)],
);
