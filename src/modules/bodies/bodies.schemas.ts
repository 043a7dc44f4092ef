import { z } from "zod";
import { ZDate, ZId, ZName, ZRowMeta, ZText } from "../../server/schemas.ts";
import { STRUCTURE_STATUSES } from "./bodies.status.ts";
import { BODY_KINDS, MANDATE_STATUSES, MINUTES_APPROVAL_RULES } from "./bodies.tables.ts";

export const ZBodyKind = z.enum(BODY_KINDS);
export const ZMandateStatus = z.enum(MANDATE_STATUSES);
export const ZMinutesApprovalRule = z
  .enum(MINUTES_APPROVAL_RULES)
  .describe(
    "hvem godkender referatet: chair (formandskabet), all_members (alle medlemmer inden for fristen), no_objection (godkendt, når ingen har indsigelser ved fristen)",
  );
export const ZStructureStatus = z
  .enum(STRUCTURE_STATUSES)
  .describe("being_set_up (før første dag), active, closed (efter sidste dag)");

export const ZBodyFields = {
  name: ZName,
  shortName: ZText(40).nullable().optional(),
  kind: ZBodyKind,
  region: ZText(200).nullable().optional(),
  cluster: ZText(200).nullable().optional(),
  reportsToId: ZId.nullable().optional(),
  mandatePurpose: ZText(20_000).nullable().optional(),
  mandateFrom: ZDate.nullable().optional(),
  mandateTo: ZDate.nullable().optional(),
  mandateStatus: ZMandateStatus.optional(),
  drafterMayApprove: z
    .boolean()
    .optional()
    .describe(
      "må den, der lagde referatet som udkast, også godkende det som formand (kun administrator eller formand kan ændre det)",
    ),
  minutesApproval: ZMinutesApprovalRule.optional(),
  minutesApprovalDays: z
    .number()
    .int()
    .min(1)
    .max(60)
    .optional()
    .describe("fristen i dage for medlemmernes godkendelse, regnet fra referatudkastet"),
  agendaApproval: z
    .boolean()
    .optional()
    .describe(
      "skal formand eller næstformand godkende dagsordenen, før sekretariatet offentliggør den (kun administrator eller formand kan ændre det)",
    ),
  validFrom: ZDate.nullable().optional().describe("første dag forummet findes"),
  validTo: ZDate.nullable().optional().describe("sidste dag forummet findes (nedlagt efter den)"),
};

/** The approval settings alone (the workspace's settings form reads its fields with this). */
export const ZApprovalSettings = z.strictObject({
  version: z.number().int().min(1),
  agendaApproval: ZBodyFields.agendaApproval.unwrap(),
  minutesApproval: ZMinutesApprovalRule,
  minutesApprovalDays: ZBodyFields.minutesApprovalDays.unwrap(),
  drafterMayApprove: ZBodyFields.drafterMayApprove.unwrap(),
});
export const APPROVAL_SETTING_KEYS = [
  "agendaApproval",
  "minutesApproval",
  "minutesApprovalDays",
  "drafterMayApprove",
] as const;

export const ZBody = z.object({
  ...ZRowMeta,
  name: z.string(),
  shortName: z.string().nullable(),
  kind: ZBodyKind,
  region: z.string().nullable(),
  cluster: z.string().nullable(),
  reportsToId: z.number().int().nullable(),
  mandate: z.object({
    purpose: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    status: ZMandateStatus,
  }),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: ZStructureStatus,
  drafterMayApprove: z.boolean().describe("må den, der lagde referatet som udkast, selv godkende det"),
  minutesApproval: ZMinutesApprovalRule,
  minutesApprovalDays: z.number().int(),
  agendaApproval: z.boolean().describe("godkender formandskabet dagsordenen før offentliggørelsen"),
});

export const ZBodyFilter = {
  kind: ZBodyKind,
  region: z.string().max(200),
  cluster: z.string().max(200),
  reportsToId: ZId,
  mandateStatus: ZMandateStatus,
  q: z.string().max(200),
  validOn: ZDate.describe("kun fora, der findes denne dag (til vælgere)"),
  status: ZStructureStatus,
};

export type TBody = z.infer<typeof ZBody>;
export type TBodyInput = z.infer<z.ZodObject<typeof ZBodyFields>>;
