import {
  type AnyPgColumn,
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

export const BODY_KINDS = [
  "political_committee",
  "administrative_steering_group",
  "cluster_political",
  "cluster_professional",
  "coordination_forum",
  "follow_group",
  "working_group",
  "ad_hoc_group",
  "chair_group",
  "municipal_forum",
  "health_council",
  "regional_council",
  "regional_committee",
  "other",
] as const;
export const MANDATE_STATUSES = ["active", "standby", "closed"] as const;
/**
 * Who approves the body's minutes: the chair (the default, as always), every member within the body's
 * number of days, or nobody objecting within it (docs/governance.md).
 */
export const MINUTES_APPROVAL_RULES = ["chair", "all_members", "no_objection"] as const;
export type MinutesApprovalRule = (typeof MINUTES_APPROVAL_RULES)[number];

export const bodyKind = pgEnum("body_kind", BODY_KINDS);
export const mandateStatus = pgEnum("mandate_status", MANDATE_STATUSES);
export const minutesApprovalRule = pgEnum("minutes_approval_rule", MINUTES_APPROVAL_RULES);

export const bodies = pgTable(
  "bodies",
  {
    id: idColumn(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    kind: bodyKind("kind").notNull(),
    region: text("region"),
    cluster: text("cluster"),
    reportsToId: integer("reports_to_id").references((): AnyPgColumn => bodies.id, { onDelete: "set null" }),
    mandatePurpose: text("mandate_purpose"),
    mandateFrom: date("mandate_from"),
    mandateTo: date("mandate_to"),
    mandateStatus: mandateStatus("mandate_status").notNull().default("active"),
    /** First and last day of the body's life; null = since always / until further notice. */
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    /** may the person who put the minutes into draft also approve them as chair (small bodies); off by default */
    drafterMayApprove: boolean("drafter_may_approve").notNull().default(false),
    /** who approves the minutes (MINUTES_APPROVAL_RULES) and, for the members' rules, within how many days */
    minutesApproval: minutesApprovalRule("minutes_approval").notNull().default("chair"),
    minutesApprovalDays: integer("minutes_approval_days").notNull().default(7),
    /** must the chair (or vice-chair) approve the agenda before the secretariat may publish it; off by default */
    agendaApproval: boolean("agenda_approval").notNull().default(false),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("bodies_name_uq").on(t.name), index("bodies_reports_to_idx").on(t.reportsToId)],
);
