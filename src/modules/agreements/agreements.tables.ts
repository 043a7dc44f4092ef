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
