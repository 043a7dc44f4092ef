import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { users } from "../auth/auth.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { storedFiles } from "../files/files.tables.ts";
import { meetings } from "../meetings/meetings.tables.ts";
import { parties } from "../parties/parties.tables.ts";

/** joint across the region, in parallel in every cluster, or a pilot in one cluster (prøvehandling) */
export const INITIATIVE_SCOPES = ["joint", "parallel", "pilot"] as const;
export const INITIATIVE_PHASES = [
  "idea",
  "described",
  "approved",
  "running",
  "evaluated",
  "anchored",
  "stopped",
] as const;
export const INITIATIVE_RAGS = ["green", "yellow", "red"] as const;
export type InitiativeScope = (typeof INITIATIVE_SCOPES)[number];
export type InitiativePhase = (typeof INITIATIVE_PHASES)[number];
export type InitiativeRag = (typeof INITIATIVE_RAGS)[number];

export const initiativeScope = pgEnum("initiative_scope", INITIATIVE_SCOPES);
export const initiativePhase = pgEnum("initiative_phase", INITIATIVE_PHASES);
export const initiativeRag = pgEnum("initiative_rag", INITIATIVE_RAGS);

/** An initiative (indsats) of a health agreement's implementation plan. */
export const initiatives = pgTable(
  "initiatives",
  {
    id: idColumn(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** e.g. "Sundhedsaftalen 2024–2027" */
    agreement: text("agreement").notNull(),
    /** the vision or focus area it sits under */
    focusArea: text("focus_area").notNull(),
    scope: initiativeScope("scope").notNull(),
    ownerBodyId: integer("owner_body_id").references(() => bodies.id, { onDelete: "set null" }),
    region: text("region"),
    /** the clusters taking part (bodies' cluster names); empty for a joint initiative */
    clusters: text("clusters").array().notNull().default([]),
    targetGroup: text("target_group").notNull(),
    theme: text("theme").notNull(),
    periodFrom: date("period_from"),
    periodTo: date("period_to"),
    evaluationPlan: text("evaluation_plan").notNull().default(""),
    phase: initiativePhase("phase").notNull().default("idea"),
    rag: initiativeRag("rag").notNull().default("green"),
    ragReason: text("rag_reason"),
    ...rowMeta(),
  },
  (t) => [
    index("initiatives_owner_idx").on(t.ownerBodyId),
    index("initiatives_agreement_idx").on(t.agreement),
  ],
);

/** The parties (municipalities, region, practice ...) taking part in an initiative. */
export const initiativeParties = pgTable(
  "initiative_parties",
  {
    id: idColumn(),
    initiativeId: integer("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
  },
  (t) => [uniqueIndex("initiative_parties_uq").on(t.initiativeId, t.partyId)],
);

/**
 * Documents of an initiative (public, as the initiative is): a title and either a link (http/https, or a
 * page of Tværs) or an uploaded file whose bytes are in the content-addressed file store.
 */
export const initiativeDocuments = pgTable(
  "initiative_documents",
  {
    id: idColumn(),
    initiativeId: integer("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** a link; null for an uploaded file */
    url: text("url"),
    /** an uploaded file: its bytes, name, type (from the checked extension) and size */
    sha256: text("sha256").references(() => storedFiles.sha256, { onDelete: "restrict" }),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    size: bigint("size", { mode: "number" }),
    ...rowMeta(),
  },
  (t) => [
    index("initiative_documents_initiative_idx").on(t.initiativeId),
    check("initiative_documents_link_or_file", sql`(${t.url} is null) <> (${t.sha256} is null)`),
  ],
);

/** Every status change (phase and red/yellow/green with a reason), optionally reported at a meeting. */
export const initiativeStatusChanges = pgTable(
  "initiative_status_changes",
  {
    id: idColumn(),
    initiativeId: integer("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    phase: initiativePhase("phase").notNull(),
    rag: initiativeRag("rag").notNull(),
    reason: text("reason"),
    /** the day the status applies from */
    effectiveOn: date("effective_on").notNull(),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    ...rowMeta(),
  },
  (t) => [index("initiative_status_changes_idx").on(t.initiativeId, t.effectiveOn)],
);

/** A party takes part in an initiative (opted in) or stands outside it (opted out, with a reason). */
export const PARTICIPATIONS = ["in", "out"] as const;
export type Participation = (typeof PARTICIPATIONS)[number];
export const participation = pgEnum("initiative_participation", PARTICIPATIONS);

/**
 * A party's variant of an initiative from a day on: its model ("model B, der afprøves"), whether it takes
 * part or stands outside (with the reason), and its contact person. Each change is a new row; the latest
 * (by day, then id) is in force, the earlier ones are the history.
 */
export const initiativePartyVariants = pgTable(
  "initiative_party_variants",
  {
    id: idColumn(),
    initiativeId: integer("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    model: text("model").notNull().default(""),
    participation: participation("participation").notNull(),
    reason: text("reason"),
    effectiveOn: date("effective_on").notNull(),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [index("initiative_party_variants_idx").on(t.initiativeId, t.partyId, t.effectiveOn)],
);

/** A figure a party measured in an initiative for a period ("93 patientforløb"; "21 (23 %) genindlagt"). */
export const initiativePartyFigures = pgTable(
  "initiative_party_figures",
  {
    id: idColumn(),
    initiativeId: integer("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    label: text("label").notNull(),
    value: numeric("value", { precision: 18, scale: 2 }).notNull(),
    unit: text("unit"),
    /** the value as a share of a whole, in per cent ("23 %"); null when it is none */
    sharePercent: numeric("share_percent", { precision: 6, scale: 1 }),
    /** the last day of the period measured */
    measuredOn: date("measured_on").notNull(),
    /** how the period is named, e.g. "1. halvår 2025"; null: the day stands for it */
    period: text("period"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    ...rowMeta(),
  },
  (t) => [index("initiative_party_figures_idx").on(t.initiativeId, t.partyId, t.measuredOn)],
);
