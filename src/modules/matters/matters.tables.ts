import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { storedFiles } from "../files/files.tables.ts";
import { access } from "../meetings/items.tables.ts";
import { meetings } from "../meetings/meetings.tables.ts";
import { parties } from "../parties/parties.tables.ts";
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

/**
 * Who decides a chair decision (the body's rule, frozen on the matter when it is put):
 * chair: the chair alone; any: the chair or a vice-chair; each: every member of the chair group must
 * approve, and a single rejection rejects.
 */
export const CHAIR_RULES = ["chair", "any", "each"] as const;
export type ChairRule = (typeof CHAIR_RULES)[number];
/** Who answers a written procedure: every member, or one representative per party (each party once). */
export const MATTER_AUDIENCES = ["members", "party_representatives"] as const;
export type MatterAudience = (typeof MATTER_AUDIENCES)[number];

export const matterProcedure = pgEnum("matter_procedure", MATTER_PROCEDURES);
export const matterRule = pgEnum("matter_rule", MATTER_RULES);
export const matterStatus = pgEnum("matter_status", MATTER_STATUSES);
export const matterLinkKind = pgEnum("matter_link_kind", MATTER_LINK_KINDS);
export const matterAnswerKind = pgEnum("matter_answer_kind", MATTER_ANSWERS);
export const chairRule = pgEnum("chair_rule", CHAIR_RULES);
export const matterAudience = pgEnum("matter_audience", MATTER_AUDIENCES);

/** A party's representative in a written procedure sent per party (partyId null: a member of no party). */
export interface MatterRepresentative {
  personId: number;
  partyId: number | null;
}

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
    /** chair decision: who decides (copied from the body's rule when the matter is put) */
    chairRule: chairRule("chair_rule").notNull().default("any"),
    /** written procedure: every member, or one representative per party */
    audience: matterAudience("audience").notNull().default("members"),
    /** with audience party_representatives: who answers for each party (fixed when the matter is put) */
    representatives: jsonb("representatives").$type<MatterRepresentative[]>(),
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

/**
 * A member's answer in a written procedure (one per member, a new answer replaces the earlier one), or a
 * chair-group member's vote on a chair decision under the rule "each". Sent per party, the answer speaks
 * for `party_id` and each party answers once (the partial unique index).
 */
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
    /** sent per party: the party this answer speaks for */
    partyId: integer("party_id").references(() => parties.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("matter_answers_person_uq").on(t.matterId, t.personId),
    uniqueIndex("matter_answers_party_uq").on(t.matterId, t.partyId).where(sql`${t.partyId} is not null`),
  ],
);

/** The body's rule for chair decisions (absent: the chair or a vice-chair decides). */
export const matterBodyRules = pgTable("matter_body_rules", {
  id: idColumn(),
  bodyId: integer("body_id")
    .notNull()
    .unique()
    .references(() => bodies.id, { onDelete: "cascade" }),
  chairRule: chairRule("chair_rule").notNull().default("any"),
  ...rowMeta(),
});

/** A file the secretariat attached to a matter; as visible as the matter (bytes in the file store). */
export const matterAttachments = pgTable(
  "matter_attachments",
  {
    id: idColumn(),
    matterId: integer("matter_id")
      .notNull()
      .references(() => matters.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256")
      .notNull()
      .references(() => storedFiles.sha256, { onDelete: "restrict" }),
    createdBy: text("created_by"),
    ...rowMeta(),
  },
  (t) => [index("matter_attachments_matter_idx").on(t.matterId)],
);
