import { z } from "zod";
import { ZDate, ZId, ZName, ZText } from "../../server/schemas.ts";
import { ZDecisionRef } from "./decision-refs.ts";
import { MANDATE_EVENT_KINDS } from "./mandates.tables.ts";

export const GROUP_KINDS = [
  "ad_hoc_group",
  "follow_group",
  "working_group",
  "coordination_forum",
  "other",
] as const;

export const ZSeat = z.strictObject({
  seats: z.number().int().min(1, "Mindst 1 plads.").max(99, "Højst 99 pladser."),
  party: ZText(200).min(1, "Skriv parten (fx Kommunerne)."),
  partyId: ZId.nullable().optional(),
  competence: ZText(300).optional(),
  flexible: z.boolean().optional().describe("fleksibel plads (kan besættes efter behov)"),
});

export const ZDeliverable = z.strictObject({
  title: ZText(500).min(1, "Skriv leverancen."),
  dueOn: ZDate,
});

/** The content of a mandate version. */
export const ZMandateContent = {
  purpose: ZText(20_000).min(1, "Skriv gruppens formål."),
  periodFrom: ZDate,
  periodTo: ZDate.nullable().optional(),
  reportsToId: ZId.nullable().optional().describe("det forum, gruppen refererer til"),
  approverBodyId: ZId.nullable()
    .optional()
    .describe("det forum, der godkender kommissoriet (ofte et formandskab)"),
  composition: z.array(ZSeat).max(100).optional(),
  deliverables: z.array(ZDeliverable).max(100).optional(),
};

/** The decision behind a change: the agenda item and/or the day. */
export const ZDecision = {
  itemId: ZId.nullable().optional().describe("dagsordenspunktet med beslutningen"),
  on: ZDate.optional().describe("beslutningens dato; standard: mødets dato"),
  note: ZText(5000).optional(),
};

export const ZSetUpGroup = z.strictObject({
  name: ZName,
  shortName: ZText(40).nullable().optional(),
  kind: z.enum(GROUP_KINDS),
  region: ZText(200).nullable().optional(),
  cluster: ZText(200).nullable().optional(),
  ...ZMandateContent,
  ...ZDecision,
  approved: z.boolean().optional().describe("kommissoriet blev godkendt ved samme beslutning"),
});

export const ZEstablishMandate = z.strictObject({
  ...ZMandateContent,
  ...ZDecision,
  approved: z.boolean().optional(),
});

export const ZReviseMandate = z.strictObject({
  ...ZMandateContent,
  ...ZDecision,
  changeNote: ZText(5000).min(1, "Skriv, hvad der er ændret."),
  approved: z.boolean().optional(),
  continued: z.boolean().optional().describe("gruppen videreføres med det reviderede kommissorium"),
});

export const ZApproveVersion = z.strictObject({ ...ZDecision });

export const ZRecordReport = z.strictObject({
  ...ZDecision,
  deliverable: ZText(500).nullable().optional().describe("leverancen, rapporten afleverer"),
});

export const ZChangeStatus = z.strictObject({
  ...ZDecision,
  change: z.enum(["continued", "standby", "resumed", "closed"]),
});

const ZSeatOut = z.object({
  seats: z.number().int(),
  party: z.string(),
  partyId: z.number().int().nullable(),
  competence: z.string(),
  flexible: z.boolean(),
});
const ZDeliverableOut = z.object({ title: z.string(), dueOn: z.string() });

export const ZMandateVersion = z.object({
  id: z.number().int(),
  number: z.number().int(),
  purpose: z.string(),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  reportsToId: z.number().int().nullable(),
  approverBodyId: z.number().int().nullable(),
  composition: z.array(ZSeatOut),
  deliverables: z.array(ZDeliverableOut),
  changeNote: z.string(),
  changes: z.array(z.string()).describe("hvad der er ændret i forhold til forrige version"),
  approvedOn: z.string().nullable(),
  decision: ZDecisionRef.nullable(),
});

export const ZMandateEvent = z.object({
  id: z.number().int(),
  kind: z.enum(MANDATE_EVENT_KINDS),
  on: z.string(),
  versionNumber: z.number().int().nullable(),
  deliverable: z.string().nullable(),
  note: z.string(),
  decision: ZDecisionRef.nullable(),
});

export const ZMandate = z.object({
  bodyId: z.number().int(),
  status: z.enum(["active", "standby", "closed"]),
  current: ZMandateVersion.nullable().describe("den gældende (senest godkendte) version"),
  versions: z
    .array(ZMandateVersion)
    .describe("nyeste først; udkast kun for gruppens, det overordnede og det godkendende forums medlemmer"),
  events: z.array(ZMandateEvent),
  deliverables: z.array(ZDeliverableOut.extend({ deliveredOn: z.string().nullable(), overdue: z.boolean() })),
  nextDue: ZDeliverableOut.nullable(),
  lastReportOn: z.string().nullable(),
});

export const ZGroupSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  status: z.enum(["active", "standby", "closed"]),
  periodTo: z.string().nullable(),
  nextDue: ZDeliverableOut.nullable(),
  overdue: z.array(ZDeliverableOut),
  lastReportOn: z.string().nullable(),
});

export type TSetUpGroup = z.infer<typeof ZSetUpGroup>;
export type TEstablishMandate = z.infer<typeof ZEstablishMandate>;
export type TReviseMandate = z.infer<typeof ZReviseMandate>;
export type TRecordReport = z.infer<typeof ZRecordReport>;
export type TChangeStatus = z.infer<typeof ZChangeStatus>;
export type TDecisionInput = z.infer<typeof ZApproveVersion>;
export type TMandate = z.infer<typeof ZMandate>;
export type TMandateVersion = z.infer<typeof ZMandateVersion>;
export type TGroupSummary = z.infer<typeof ZGroupSummary>;
