import { date, index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { access, agendaItems } from "../meetings/items.tables.ts";
import { meetings } from "../meetings/meetings.tables.ts";

export const ARCHIVE_SYSTEMS = [
  "emn",
  "journal",
  "edoc",
  "f2",
  "sbsys",
  "acadre",
  "getorganized",
  "other",
] as const;
export const CONSULTATION_ROLES = [
  "discussion",
  "approval",
  "orientation",
  "recommendation",
  "decision",
] as const;

export type ArchiveSystem = (typeof ARCHIVE_SYSTEMS)[number];
export type ConsultationRole = (typeof CONSULTATION_ROLES)[number];

export const archiveSystem = pgEnum("archive_system", ARCHIVE_SYSTEMS);
export const consultationRole = pgEnum("consultation_role", CONSULTATION_ROLES);

/**
 * A case (sag) that travels through bodies. `access` closed: created from closed material, so only
 * members of a body that handled it may know it exists.
 */
export const cases = pgTable(
  "cases",
  {
    id: idColumn(),
    title: text("title").notNull(),
    theme: text("theme"),
    access: access("access").notNull().default("open"),
    /** "Sagen afgøres af …" */
    decidingBodyId: integer("deciding_body_id").references(() => bodies.id, { onDelete: "set null" }),
    /** a new case waiting for this body's next meeting (before its first consultation) */
    awaitingBodyId: integer("awaiting_body_id").references(() => bodies.id, { onDelete: "set null" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [index("cases_awaiting_idx").on(t.awaitingBodyId)],
);

export const caseNumbers = pgTable(
  "case_numbers",
  {
    id: idColumn(),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    system: archiveSystem("system").notNull().default("other"),
    number: text("number").notNull(),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("case_numbers_case_number_uq").on(t.caseId, t.number),
    index("case_numbers_number_idx").on(t.number),
  ],
);

/**
 * One stop of a case: an agenda item at a body's meeting with its role. The item is also named by a
 * stable key (body, local meeting date, item number), so a link survives when a re-import replaces
 * the item row: `itemId` is then set null and re-attached by the key.
 */
export const consultations = pgTable(
  "consultations",
  {
    id: idColumn(),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "restrict" }),
    meetingDate: date("meeting_date").notNull(),
    itemNumber: integer("item_number").notNull(),
    role: consultationRole("role").notNull().default("discussion"),
    /** with role "recommendation": the body the case is recommended to ("indstiller til …") */
    targetBodyId: integer("target_body_id").references(() => bodies.id, { onDelete: "set null" }),
    note: text("note"),
    /**
     * A stop read from another item's case history (FirstAgenda's "Sagsforløb", stacked decisions):
     * the item whose document told it. The note (the earlier decision) is as visible as that item.
     */
    sourceItemId: integer("source_item_id").references(() => agendaItems.id, { onDelete: "cascade" }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("consultations_case_key_uq").on(t.caseId, t.bodyId, t.meetingDate, t.itemNumber),
    index("consultations_item_idx").on(t.itemId),
    index("consultations_target_idx").on(t.targetBodyId),
  ],
);

/** A proposed link the secretariat rejected, by the two items' stable keys ("body:date:number", sorted). */
export const caseLinkRejections = pgTable(
  "case_link_rejections",
  {
    id: idColumn(),
    keyA: text("key_a").notNull(),
    keyB: text("key_b").notNull(),
    rejectedBy: integer("rejected_by").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("case_link_rejections_pair_uq").on(t.keyA, t.keyB)],
);
