import { z } from "zod";
import { AREA_KINDS } from "../reference/index.ts";
import { INDICATOR_AGGREGATIONS, INDICATOR_DIRECTIONS, INDICATOR_RHYTHMS } from "./indicators.tables.ts";

export const ZIndicatorDefinition = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "Koden skal være små bogstaver, tal og bindestreg (højst 60 tegn)."),
  name: z.string().trim().min(1).max(200),
  definition: z.string().trim().min(1).max(4000),
  unit: z.string().trim().min(1).max(60),
  direction: z.enum(INDICATOR_DIRECTIONS),
  source: z.string().trim().min(1).max(500),
  sourceUrl: z.url().max(1000).nullable().default(null),
  rhythm: z.enum(INDICATOR_RHYTHMS),
  aggregation: z.enum(INDICATOR_AGGREGATIONS).default("sum"),
  internal: z.boolean().default(false),
  fictional: z.boolean().default(false),
});
export type TIndicatorDefinition = z.infer<typeof ZIndicatorDefinition>;

export const ZIndicator = ZIndicatorDefinition.extend({ id: z.number().int() });
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZIndicatorValue = z.object({
  areaKind: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  period: z.string(),
  value: z.string(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  loadedAt: z.string(),
  aggregated: z.boolean(),
});
export type TIndicatorValue = z.infer<typeof ZIndicatorValue>;

export const ZLoadResult = z.object({
  loadId: z.number().int(),
  rows: z.number().int(),
  superseded: z.number().int(),
});

/** A snapshot to put on an agenda item: the API's body, and what the workspace page's picker sends. */
export const ZSnapshotInput = z.strictObject({
  indicatorCodes: z.array(z.string().max(60)).min(1).max(12),
  areas: z
    .array(z.strictObject({ kind: z.enum([...AREA_KINDS, "national"]), code: z.string().max(40) }))
    .min(1)
    .max(20),
  fromPeriod: z.string().max(10),
  toPeriod: z.string().max(10),
});
export type TSnapshotInput = z.infer<typeof ZSnapshotInput>;
