import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { storedFiles } from "../files/files.tables.ts";
import { agendaItems } from "../meetings/items.tables.ts";
import { parties } from "../parties/parties.tables.ts";

export const AGREEMENT_KINDS = [
  "cooperation_agreement",
  "care_programme",
  "health_agreement",
  "health_agreement_annex",
  "health_plan",
  "other",
] as const;
export const AGREEMENT_STATUSES = [
  "draft",
  "hearing",
  "approved",
  "implementation",
  "revision",
  "replaced",
] as const;
/** Revision tracks by size of change: minor corrections (a chair group approves) or a larger revision (hearing). */
export const REVISION_TRACKS = ["minor", "major"] as const;
/** How a remark in a hearing response was handled (the colours of the response matrix). */
export const REMARK_HANDLINGS = ["not_changed", "adjusted", "changed"] as const;

export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const agreementKind = pgEnum("agreement_kind", AGREEMENT_KINDS);
export const agreementStatus = pgEnum("agreement_status", AGREEMENT_STATUSES);
export const revisionTrack = pgEnum("revision_track", REVISION_TRACKS);
export const remarkHandling = pgEnum("remark_handling", REMARK_HANDLINGS);

/** A samarbejdsaftale, forløbsprogram or (part of) the health agreement, owned by a group. */
export const agreements = pgTable(
  "agreements",
  {
    id: idColumn(),
    title: text("title").notNull(),
    kind: agreementKind("kind").notNull(),
    theme: text("theme").notNull(),
    summary: text("summary").notNull().default(""),
    ownerBodyId: integer("owner_body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "restrict" }),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    /** an administrative annex points to the health agreement (its political part) */
    partOfId: integer("part_of_id").references((): AnyPgColumn => agreements.id, { onDelete: "set null" }),
    replacedById: integer("replaced_by_id").references((): AnyPgColumn => agreements.id, {
      onDelete: "set null",
    }),
    status: agreementStatus("status").notNull().default("draft"),
    ...rowMeta(),
  },
  (t) => [index("agreements_owner_idx").on(t.ownerBodyId), index("agreements_status_idx").on(t.status)],
);

/** A version of an agreement: written in Markdown and/or a document. Public once published by the owner. */
export const agreementVersions = pgTable(
  "agreement_versions",
  {
    id: idColumn(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    label: text("label").notNull(),
    track: revisionTrack("track").notNull().default("major"),
    changeNote: text("change_note").notNull().default(""),
    text: text("text"),
    sha256: text("sha256").references(() => storedFiles.sha256, { onDelete: "restrict" }),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    size: bigint("size", { mode: "number" }),
    published: boolean("published").notNull().default(false),
    approvedOn: date("approved_on"),
    approvedByBodyId: integer("approved_by_body_id").references(() => bodies.id, { onDelete: "set null" }),
    itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("agreement_versions_number_uq").on(t.agreementId, t.number)],
);

/** The decisions that moved an agreement from one status to another. */
export const agreementEvents = pgTable(
  "agreement_events",
  {
    id: idColumn(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    versionId: integer("version_id").references(() => agreementVersions.id, { onDelete: "set null" }),
    fromStatus: agreementStatus("from_status"),
    toStatus: agreementStatus("to_status").notNull(),
    on: date("on").notNull(),
    bodyId: integer("body_id").references(() => bodies.id, { onDelete: "set null" }),
    itemId: integer("item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    ...rowMeta(),
  },
  (t) => [index("agreement_events_agreement_idx").on(t.agreementId, t.on)],
);

/** A hearing of one version: its period, the parties invited, and whether the responses are published. */
export const hearings = pgTable(
  "hearings",
  {
    id: idColumn(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    versionId: integer("version_id")
      .notNull()
      .references(() => agreementVersions.id, { onDelete: "cascade" }),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    closedOn: date("closed_on"),
    responsesPublished: boolean("responses_published").notNull().default(false),
    note: text("note").notNull().default(""),
    ...rowMeta(),
  },
  (t) => [index("hearings_agreement_idx").on(t.agreementId)],
);

export const hearingInvitees = pgTable(
  "hearing_invitees",
  {
    id: idColumn(),
    hearingId: integer("hearing_id")
      .notNull()
      .references(() => hearings.id, { onDelete: "cascade" }),
    partyId: integer("party_id").references(() => parties.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("hearing_invitees_uq").on(t.hearingId, t.name)],
);

/** A response received in a hearing: party, date, text and/or a document. */
export const hearingResponses = pgTable(
  "hearing_responses",
  {
    id: idColumn(),
    hearingId: integer("hearing_id")
      .notNull()
      .references(() => hearings.id, { onDelete: "cascade" }),
    partyId: integer("party_id").references(() => parties.id, { onDelete: "set null" }),
    partyName: text("party_name").notNull(),
    receivedOn: date("received_on").notNull(),
    text: text("text"),
    sha256: text("sha256").references(() => storedFiles.sha256, { onDelete: "restrict" }),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    size: bigint("size", { mode: "number" }),
    ...rowMeta(),
  },
  (t) => [index("hearing_responses_hearing_idx").on(t.hearingId)],
);

/** One remark of a response and how it was handled: a row of the response matrix. */
export const hearingRemarks = pgTable(
  "hearing_remarks",
  {
    id: idColumn(),
    responseId: integer("response_id")
      .notNull()
      .references(() => hearingResponses.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    section: text("section"),
    remark: text("remark").notNull(),
    handling: remarkHandling("handling"),
    answer: text("answer").notNull().default(""),
    ...rowMeta(),
  },
  (t) => [index("hearing_remarks_response_idx").on(t.responseId, t.position)],
);

/** Where a party stands with implementing an agreement in force (issue 22.3). */
export const IMPLEMENTATION_STATES = [
  "not_started",
  "in_progress",
  "implemented",
  "opted_out",
  "not_relevant",
] as const;
export type ImplementationState = (typeof IMPLEMENTATION_STATES)[number];
export const implementationState = pgEnum("implementation_state", IMPLEMENTATION_STATES);

/**
 * One change of a cell of the implementation matrix (party × agreement). Rows are never changed: the
 * newest row of a pair is the cell's state, the older ones its history.
 */
export const implementationChanges = pgTable(
  "implementation_changes",
  {
    id: idColumn(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    state: implementationState("state").notNull(),
    /** the day the state took effect */
    since: date("since").notNull(),
    /** when the party expects to have implemented it */
    plannedOn: date("planned_on"),
    /** why the party opted out, or why it is not relevant */
    reason: text("reason").notNull().default(""),
    note: text("note").notNull().default(""),
    /** who recorded the change, as shown in the history */
    changedBy: text("changed_by").notNull().default(""),
    ...rowMeta(),
  },
  (t) => [index("implementation_changes_cell_idx").on(t.agreementId, t.partyId, t.id)],
);

/** Who must approve an agreement, in order: municipal councils, the regional council, Sundhedsstyrelsen. */
export const RATIFIER_KINDS = ["municipal_council", "regional_council", "health_authority", "other"] as const;
export type RatifierKind = (typeof RATIFIER_KINDS)[number];
export const ratifierKind = pgEnum("ratifier_kind", RATIFIER_KINDS);

/** One step of an agreement's ratification: who, the statutory deadline, and the approval with its document. */
export const ratificationSteps = pgTable(
  "ratification_steps",
  {
    id: idColumn(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    kind: ratifierKind("kind").notNull(),
    partyId: integer("party_id").references(() => parties.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    deadline: date("deadline"),
    approvedOn: date("approved_on"),
    link: text("link"),
    sha256: text("sha256").references(() => storedFiles.sha256, { onDelete: "restrict" }),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    size: bigint("size", { mode: "number" }),
    note: text("note").notNull().default(""),
    ...rowMeta(),
  },
  (t) => [
    index("ratification_steps_agreement_idx").on(t.agreementId, t.position),
    uniqueIndex("ratification_steps_name_uq").on(t.agreementId, t.name),
  ],
);
