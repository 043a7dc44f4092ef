import { date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { agendaItems } from "../meetings/items.tables.ts";

/** What happens to a group's mandate; each event may point to the agenda item whose decision is behind it. */
export const MANDATE_EVENT_KINDS = [
  "set_up",
  "approved",
  "revised",
  "report",
  "continued",
  "standby",
  "resumed",
  "closed",
] as const;
export type MandateEventKind = (typeof MANDATE_EVENT_KINDS)[number];

/** A line of the composition: seats per party and competence, fixed or flexible. */
export interface Seat {
  party: string;
  partyId: number | null;
  competence: string;
  seats: number;
  flexible: boolean;
}

/** A deliverable with its due date; delivered when a report event names it. */
export interface Deliverable {
  title: string;
  dueOn: string;
}

export const mandateEventKind = pgEnum("mandate_event_kind", MANDATE_EVENT_KINDS);

/**
 * One version of a group's mandate (kommissorium). Version 1 is the one the group was set up with;
 * each revision is a new version saying what changed. The body's own mandate columns mirror the
 * current version (the newest approved one), kept in step by mandates.service.
 */
export const mandateVersions = pgTable(
  "mandate_versions",
  {
    id: idColumn(),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    purpose: text("purpose").notNull(),
    reportsToId: integer("reports_to_id").references(() => bodies.id, { onDelete: "set null" }),
    approverBodyId: integer("approver_body_id").references(() => bodies.id, { onDelete: "set null" }),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to"),
    composition: jsonb("composition").$type<Seat[]>().notNull().default([]),
    deliverables: jsonb("deliverables").$type<Deliverable[]>().notNull().default([]),
    /** what changed against the previous version, in the secretariat's words */
    changeNote: text("change_note").notNull().default(""),
    approvedOn: date("approved_on"),
    /** the agenda item whose decision approved this version */
    itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("mandate_versions_body_number_uq").on(t.bodyId, t.number)],
);

/** The lifecycle of a group: set up, approved, revised, reports, continued, standby, resumed, closed. */
export const mandateEvents = pgTable(
  "mandate_events",
  {
    id: idColumn(),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    kind: mandateEventKind("kind").notNull(),
    on: date("on").notNull(),
    versionId: integer("version_id").references(() => mandateVersions.id, { onDelete: "set null" }),
    itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    /** with a report: the title of the deliverable it delivers */
    deliverable: text("deliverable"),
    note: text("note").notNull().default(""),
    ...rowMeta(),
  },
  (t) => [index("mandate_events_body_idx").on(t.bodyId, t.on)],
);
