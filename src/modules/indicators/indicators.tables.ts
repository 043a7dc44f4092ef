import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { agendaItems } from "../meetings/items.tables.ts";
import { areaKind } from "../reference/reference.tables.ts";

/** Whether a higher value is better (e.g. share rehabilitated in time) or worse (readmissions). */
export const INDICATOR_DIRECTIONS = ["higher_is_better", "lower_is_better", "neutral"] as const;
/** How often values come: the period format is 2025, 2025-Q1 or 2025-03. */
export const INDICATOR_RHYTHMS = ["year", "quarter", "month"] as const;
/** How municipal values combine into a larger area: added up, or a ratio of summed parts. */
export const INDICATOR_AGGREGATIONS = ["sum", "ratio", "none"] as const;

export const indicatorDirection = pgEnum("indicator_direction", INDICATOR_DIRECTIONS);
export const indicatorRhythm = pgEnum("indicator_rhythm", INDICATOR_RHYTHMS);
export const indicatorAggregation = pgEnum("indicator_aggregation", INDICATOR_AGGREGATIONS);

/** An indicator as data: what it measures, in which unit, which way is better, and where it comes from. */
export const indicators = pgTable(
  "indicators",
  {
    id: idColumn(),
    code: varchar("code", { length: 60 }).notNull(),
    name: text("name").notNull(),
    definition: text("definition").notNull(),
    unit: text("unit").notNull(),
    direction: indicatorDirection("direction").notNull(),
    source: text("source").notNull(),
    sourceUrl: text("source_url"),
    rhythm: indicatorRhythm("rhythm").notNull(),
    aggregation: indicatorAggregation("aggregation").notNull(),
    /** shown only to signed-in users of the secretariats and admins */
    internal: boolean("internal").notNull().default(false),
    /** demo data: labelled as fictional wherever it is shown */
    fictional: boolean("fictional").notNull().default(false),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("indicators_code_uq").on(t.code)],
);

/** One load of values (a file, the CLI or the demo): who, when, how many rows. */
export const indicatorLoads = pgTable("indicator_loads", {
  id: idColumn(),
  fileName: text("file_name").notNull(),
  format: text("format").notNull(),
  rows: integer("rows").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
  loadedBy: text("loaded_by").notNull(),
});

/**
 * A value per indicator, area and period. A newer load supersedes a value (superseded_by = that
 * load) instead of overwriting it, so the history of every figure is kept.
 */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: idColumn(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    areaKind: areaKind("area_kind").notNull(),
    areaCode: varchar("area_code", { length: 40 }).notNull(),
    period: varchar("period", { length: 10 }).notNull(),
    periodStart: date("period_start").notNull(),
    value: numeric("value", { precision: 24, scale: 6 }).notNull(),
    numerator: numeric("numerator", { precision: 24, scale: 6 }),
    denominator: numeric("denominator", { precision: 24, scale: 6 }),
    loadId: integer("load_id")
      .notNull()
      .references(() => indicatorLoads.id),
    supersededBy: integer("superseded_by").references(() => indicatorLoads.id),
  },
  (t) => [
    uniqueIndex("indicator_values_current_uq")
      .on(t.indicatorId, t.areaKind, t.areaCode, t.period)
      .where(sql`${t.supersededBy} is null`),
    index("indicator_values_series_idx").on(t.indicatorId, t.periodStart),
  ],
);

/** The dashboard the secretariat composes for a body: chosen indicators for a chosen area. */
export const bodyDashboards = pgTable(
  "body_dashboards",
  {
    id: idColumn(),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    indicatorCodes: jsonb("indicator_codes").$type<string[]>().notNull(),
    areaKind: areaKind("area_kind").notNull(),
    areaCode: varchar("area_code", { length: 40 }).notNull(),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("body_dashboards_body_uq").on(t.bodyId)],
);

/** What a frozen snapshot holds: the figures the body saw, with the load date of each. */
export type FrozenSnapshot = {
  frozenAt: string;
  indicators: {
    code: string;
    name: string;
    unit: string;
    /** an internal indicator's figures are shown only to signed-in readers */
    internal?: boolean;
    values: {
      areaKind: string;
      areaCode: string;
      areaName: string;
      period: string;
      value: string;
      loadedAt: string;
    }[];
  }[];
};

/** An indicator snapshot on an agenda item; frozen when the minutes are published. */
export const indicatorSnapshots = pgTable(
  "indicator_snapshots",
  {
    id: idColumn(),
    itemId: integer("item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    indicatorCodes: jsonb("indicator_codes").$type<string[]>().notNull(),
    areas: jsonb("areas").$type<{ kind: string; code: string }[]>().notNull(),
    fromPeriod: varchar("from_period", { length: 10 }).notNull(),
    toPeriod: varchar("to_period", { length: 10 }).notNull(),
    frozen: jsonb("frozen").$type<FrozenSnapshot>(),
    frozenAt: timestamp("frozen_at", { withTimezone: true }),
    ...rowMeta(),
  },
  (t) => [index("indicator_snapshots_item_idx").on(t.itemId)],
);
