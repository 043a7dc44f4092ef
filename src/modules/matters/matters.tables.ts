import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { access } from "../meetings/items.tables.ts";
import { meetings } from "../meetings/meetings.tables.ts";
import { persons } from "../people/people.tables.ts";

/** chair_decision: the chair group decides (Formandsbeslutning); written_procedure: every member answers. */
export const MATTER_PROCEDURES = ["chair_decision", "written_procedure"] as const;
export type MatterProcedure = (typeof MATTER_PROCEDURES)[number];
/** What a written procedure needs to pass (the body's rule, chosen per matter). */
export const MATTER_RULES = ["unanimity", "majority", "no_objection"] as const;
export type MatterRule = (typeof MATTER_RULES)[number];
/** open until decided; a chair decision may approve with a remark; a written procedure approves or rejects. */
export const MATTER_STATUSES = ["open", "approved", "approved_with_remark", "rejected"] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];
/** What a matter decides, when it decides something that lives elsewhere in Tværs. */
export const MATTER_LINK_KINDS = ["mandate_version", "agreement_version", "grant", "case"] as const;
export type MatterLinkKind = (typeof MATTER_LINK_KINDS)[number];
export const MATTER_ANSWERS = ["approve", "reject", "remark"] as const;
export type MatterAnswerKind = (typeof MATTER_ANSWERS)[number];

export const matterProcedure = pgEnum("matter_procedure", MATTER_PROCEDURES);
export const matterRule = pgEnum("matter_rule", MATTER_RULES);
export const matterStatus = pgEnum("matter_status", MATTER_STATUSES);
export const matterLinkKind = pgEnum("matter_link_kind", MATTER_LINK_KINDS);
export const matterAnswerKind = pgEnum("matter_answer_kind", MATTER_ANSWERS);

/** The recorded result of a written procedure: counts, each answer, and who did not answer. */
export interface MatterResult {
  approve: number;
  reject: number;
  remark: number;
  members: number;
  answers: { personId: number; name: string; answer: MatterAnswerKind; remark: string | null; at: string }[];
  notAnswered: { personId: number; name: string }[];
}

/**
 * A matter decided between meetings (issue 21): put by the secretariat to the chair group or, in
 * written procedure, to every member with a deadline. Closed matters are read by the body's members only.
 * `reported_*` names the agenda item of the next meeting that tells of the decision (once).
 */
export const matters = pgTable(
  "matters",
  {
    id: idColumn(),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "restrict" }),
    procedure: matterProcedure("procedure").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull().default(""),
    /** what is asked ("Det indstilles, at …") */
    question: text("question").notNull(),
    access: access("access").notNull().default("open"),
    linkKind: matterLinkKind("link_kind"),
    linkId: integer("link_id"),
    rule: matterRule("rule"),
    deadline: timestamp("deadline", { withTimezone: true }),
    status: matterStatus("status").notNull().default("open"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** the chair's name as it stood then, or "skriftlig behandling" */
    decidedBy: text("decided_by"),
    decidedByPersonId: integer("decided_by_person_id").references(() => persons.id, { onDelete: "set null" }),
    decisionRemark: text("decision_remark"),
    result: jsonb("result").$type<MatterResult>(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdBy: text("created_by"),
    reportedMeetingId: integer("reported_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    reportedItemId: integer("reported_item_id"),
    ...rowMeta(),
  },
  (t) => [index("matters_body_idx").on(t.bodyId, t.status), index("matters_status_idx").on(t.status)],
);

/** A member's answer in a written procedure; one per member, a new answer replaces the earlier one. */
export const matterAnswers = pgTable(
  "matter_answers",
  {
    id: idColumn(),
    matterId: integer("matter_id")
      .notNull()
      .references(() => matters.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "restrict" }),
    answer: matterAnswerKind("answer").notNull(),
    remark: text("remark"),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("matter_answers_person_uq").on(t.matterId, t.personId)],
);
