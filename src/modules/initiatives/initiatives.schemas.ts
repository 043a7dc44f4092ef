import { z } from "zod";
import { ZDate, ZId, ZName, ZRowMeta, ZText } from "../../server/schemas.ts";
import { INITIATIVE_PHASES, INITIATIVE_RAGS, INITIATIVE_SCOPES } from "./initiatives.tables.ts";

export const ZScope = z
  .enum(INITIATIVE_SCOPES)
  .describe("joint: fælles i regionen; parallel: i alle klynger; pilot: prøvehandling i én klynge");
export const ZPhase = z.enum(INITIATIVE_PHASES);
export const ZRag = z.enum(INITIATIVE_RAGS).describe("grøn / gul / rød");

export const ZInitiativeFields = {
  title: ZName,
  description: ZText(20_000).optional(),
  agreement: ZText(200).min(1, "Skal udfyldes.").describe('fx "Sundhedsaftalen 2024–2027"'),
  focusArea: ZText(300).min(1, "Skal udfyldes.").describe("vision eller fokusområde"),
  scope: ZScope,
  ownerBodyId: ZId.nullable().optional(),
  region: ZText(200).nullable().optional(),
  clusters: z.array(ZText(200).min(1)).max(30).optional(),
  partyIds: z.array(ZId).max(200).optional(),
  targetGroup: ZText(300).min(1, "Skal udfyldes."),
  theme: ZText(300).min(1, "Skal udfyldes."),
  periodFrom: ZDate.nullable().optional(),
  periodTo: ZDate.nullable().optional(),
  evaluationPlan: ZText(20_000).optional(),
  phase: ZPhase.optional(),
  rag: ZRag.optional(),
  ragReason: ZText(2000).nullable().optional(),
};
export const { phase: _phase, rag: _rag, ragReason: _reason, ...ZInitiativeUpdateFields } = ZInitiativeFields;

export const ZInitiativeFilter = {
  agreement: z.string().max(200),
  region: z.string().max(200),
  cluster: z.string().max(200),
  targetGroup: z.string().max(300),
  theme: z.string().max(300),
  phase: ZPhase,
  rag: ZRag,
  ownerBodyId: ZId,
  partyId: ZId,
  q: z.string().max(200),
};

export const ZInitiative = z.object({
  ...ZRowMeta,
  title: z.string(),
  description: z.string(),
  agreement: z.string(),
  focusArea: z.string(),
  scope: ZScope,
  ownerBodyId: z.number().int().nullable(),
  region: z.string().nullable(),
  clusters: z.array(z.string()),
  partyIds: z.array(z.number().int()),
  targetGroup: z.string(),
  theme: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  evaluationPlan: z.string(),
  phase: ZPhase,
  rag: ZRag,
  ragReason: z.string().nullable(),
});

export const ZStatusChangeInput = z.strictObject({
  version: z.number().int().positive().describe("indsatsens version"),
  phase: ZPhase,
  rag: ZRag,
  reason: ZText(2000).nullable().optional(),
  effectiveOn: ZDate.optional().describe("standard: i dag"),
  meetingId: ZId.nullable().optional().describe("mødet, hvor status blev rapporteret"),
});

export const ZStatusChange = z.object({
  id: z.number().int(),
  initiativeId: z.number().int(),
  phase: ZPhase,
  rag: ZRag,
  reason: z.string().nullable(),
  effectiveOn: z.string(),
  meetingId: z.number().int().nullable(),
  at: z.string(),
});

export const ZOverview = z.object({
  total: z.number().int(),
  byPhase: z.record(z.string(), z.number().int()),
  byRag: z.record(z.string(), z.number().int()),
  byFocusArea: z.array(
    z.object({
      focusArea: z.string(),
      total: z.number().int(),
      byRag: z.record(z.string(), z.number().int()),
    }),
  ),
});

export const ZMeetingStatusReport = z.object({
  meetingId: z.number().int(),
  bodyId: z.number().int(),
  asOf: z.string(),
  previousMeetingId: z.number().int().nullable(),
  initiatives: z.array(
    z.object({
      initiative: ZInitiative,
      phase: ZPhase,
      rag: ZRag,
      reason: z.string().nullable(),
      changedSincePrevious: z.boolean(),
      changes: z.array(ZStatusChange),
    }),
  ),
});

export type TInitiative = z.infer<typeof ZInitiative>;
export type TInitiativeInput = z.infer<z.ZodObject<typeof ZInitiativeFields>>;
export type TStatusChange = z.infer<typeof ZStatusChange>;
export type TMeetingStatusReport = z.infer<typeof ZMeetingStatusReport>;
