import { date, index, integer, pgEnum, pgTable, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";

/** The kinds of area of the reference data (and of indicator values). */
export const AREA_KINDS = ["region", "municipality", "cluster", "health_council", "hospital"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export const areaKind = pgEnum("reference_area_kind", AREA_KINDS);

/**
 * An area of the Danish structure with its lifetime: a region, a municipality, a health cluster
 * (2022–2026), a sundhedsråd (from 2027) or a hospital. `code` is the official code where there is one
 * (municipality 101, region 1084) and our own stable key otherwise (docs/reference-data.md).
 */
export const referenceAreas = pgTable(
  "reference_areas",
  {
    id: idColumn(),
    kind: areaKind("kind").notNull(),
    code: varchar("code", { length: 40 }).notNull(),
    name: text("name").notNull(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    /** key of the source in docs/reference-data.md, or "csv" for an admin's upload */
    source: text("source").notNull(),
    ...rowMeta(),
  },
  (t) => [uniqueIndex("reference_areas_kind_code_uq").on(t.kind, t.code)],
);

/** An area belongs to a larger one for a period (municipality → region, cluster or sundhedsråd). */
export const referenceMemberships = pgTable(
  "reference_memberships",
  {
    id: idColumn(),
    areaId: integer("area_id")
      .notNull()
      .references(() => referenceAreas.id, { onDelete: "cascade" }),
    parentId: integer("parent_id")
      .notNull()
      .references(() => referenceAreas.id, { onDelete: "cascade" }),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    source: text("source").notNull(),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("reference_memberships_uq").on(t.areaId, t.parentId, t.validFrom),
    index("reference_memberships_parent_idx").on(t.parentId),
  ],
);
