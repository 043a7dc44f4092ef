import { bigint, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { storedFiles } from "../files/files.tables.ts";
import { persons } from "../people/people.tables.ts";
import { meetings } from "./meetings.tables.ts";

export const ACCESS = ["open", "closed"] as const;
export const ITEM_KINDS = ["decision", "discussion", "orientation", "standard"] as const;
export const OUTCOMES = [
  "approved",
  "approved_with_remarks",
  "not_approved",
  "noted",
  "discussed",
  "postponed",
] as const;
/** Canonical section keys of ../shared/import/FORMAT.md; the decision has its own column. */
export const SECTION_KEYS = [
  "summary",
  "presentation",
  "economy",
  "coordination",
  "approvedBy",
  "municipalRemarks",
  "process",
  "previousDecisions",
] as const;

export type SectionKey = (typeof SECTION_KEYS)[number];
export type Sections = Partial<Record<SectionKey, string>>;
export interface OtherSection {
  heading: string;
  text: string;
}

export const access = pgEnum("access", ACCESS);
export const itemKind = pgEnum("item_kind", ITEM_KINDS);
export const outcome = pgEnum("outcome", OUTCOMES);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: idColumn(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    access: access("access").notNull().default("open"),
    durationMinutes: integer("duration_minutes"),
    kind: itemKind("kind").notNull().default("decision"),
    sections: jsonb("sections").$type<Sections>().notNull().default({}),
    otherSections: jsonb("other_sections").$type<OtherSection[]>().notNull().default([]),
    recommendations: jsonb("recommendations").$type<string[]>().notNull().default([]),
    decisionText: text("decision_text"),
    outcome: outcome("outcome"),
    caseNumbers: jsonb("case_numbers").$type<string[]>().notNull().default([]),
    ...rowMeta(),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position)],
);

export const itemAbsences = pgTable(
  "item_absences",
  {
    id: idColumn(),
    itemId: integer("item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "restrict" }),
    note: text("note"),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("item_absences_item_person_uq").on(t.itemId, t.personId)],
);

export const attachments = pgTable(
  "attachments",
  {
    id: idColumn(),
    itemId: integer("item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    size: bigint("size", { mode: "number" }),
    sha256: text("sha256").references(() => storedFiles.sha256, { onDelete: "restrict" }),
    access: access("access").notNull().default("open"),
    ...rowMeta(),
  },
  (t) => [index("attachments_item_idx").on(t.itemId)],
);

/** A change to approved minutes, kept with its reason and the values before and after. */
export const minutesCorrections = pgTable("minutes_corrections", {
  id: idColumn(),
  itemId: integer("item_id")
    .notNull()
    .references(() => agendaItems.id, { onDelete: "cascade" }),
  reason: text("reason").notNull(),
  before: jsonb("before").$type<Record<string, unknown>>().notNull(),
  after: jsonb("after").$type<Record<string, unknown>>().notNull(),
  userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
  ...rowMeta(),
});
