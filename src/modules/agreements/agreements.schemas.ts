import { z } from "zod";
import { ZDate, ZId, ZMarkdown, ZName, ZRowMeta, ZText, ZVersion } from "../../server/schemas.ts";
import { ZDecisionRef } from "../mandates/index.ts";
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  REMARK_HANDLINGS,
  REVISION_TRACKS,
} from "./agreements.tables.ts";

export const ZAgreementKind = z.enum(AGREEMENT_KINDS);
export const ZAgreementStatus = z.enum(AGREEMENT_STATUSES);
export const ZTrack = z
  .enum(REVISION_TRACKS)
  .describe("minor: mindre rettelser (formandskab); major: større revision (høring)");
export const ZHandling = z
  .enum(REMARK_HANDLINGS)
  .describe("not_changed: ikke ændret; adjusted: drøftet og justeret; changed: ændret");

const ZEmail = z.email("Ugyldig e-mailadresse.").max(300);

export const ZAgreementFields = {
  title: ZName,
  kind: ZAgreementKind,
  theme: ZText(200).min(1, "Skriv aftalens tema."),
  summary: ZText(5000).optional(),
  ownerBodyId: ZId,
  contactName: ZText(200).nullable().optional(),
  contactEmail: ZEmail.nullable().optional(),
  partOfId: ZId.nullable().optional().describe("bilaget peger på sundhedsaftalens politiske del"),
};

export const ZVersionInput = z.strictObject({
  label: ZText(200).min(1, "Skriv versionens betegnelse (fx Høringsudkast)."),
  track: ZTrack.optional(),
  changeNote: ZText(5000).optional(),
  text: ZMarkdown.nullable().optional().describe("aftaleteksten i Markdown (eller upload et dokument)"),
});

export const ZCreateAgreement = z.strictObject({ ...ZAgreementFields, firstVersion: ZVersionInput });
export const ZUpdateAgreement = z
  .strictObject({
    title: ZName,
    theme: ZAgreementFields.theme,
    summary: ZAgreementFields.summary,
    contactName: ZAgreementFields.contactName,
    contactEmail: ZAgreementFields.contactEmail,
  })
  .partial()
  .extend({ version: ZVersion });

/** The decision behind a status change. */
export const ZDecisionFields = {
  bodyId: ZId.nullable().optional().describe("forummet, der traf beslutningen"),
  itemId: ZId.nullable().optional().describe("dagsordenspunktet med beslutningen"),
  on: ZDate.optional().describe("beslutningens dato; standard: mødets dato"),
  note: ZText(5000).optional(),
};

export const ZStartHearing = z.strictObject({
  versionId: ZId.optional().describe("standard: den nyeste version"),
  startsOn: ZDate,
  endsOn: ZDate,
  invitees: z
    .array(z.strictObject({ partyId: ZId.nullable().optional(), name: ZText(300).optional() }))
    .min(1, "Invitér mindst én part.")
    .max(200),
  ...ZDecisionFields,
});

export const ZResponseInput = z.strictObject({
  partyId: ZId.nullable().optional(),
  partyName: ZText(300).optional(),
  receivedOn: ZDate,
  text: ZMarkdown.nullable().optional(),
  remarks: z
    .array(z.strictObject({ section: ZText(300).nullable().optional(), remark: ZText(10_000).min(1) }))
    .max(500)
    .optional(),
  splitText: z.boolean().optional().describe("del teksten op i bemærkninger (ét afsnit = én bemærkning)"),
});

export const ZRemarkInput = z.strictObject({
  section: ZText(300).nullable().optional(),
  remark: ZText(10_000).min(1, "Skriv bemærkningen."),
});

export const ZRemarkUpdate = z.strictObject({
  version: ZVersion,
  section: ZText(300).nullable().optional(),
  remark: ZText(10_000).min(1, "Skriv bemærkningen.").optional(),
  handling: ZHandling.nullable().optional(),
  answer: ZText(10_000).optional(),
});

export const ZApprove = z.strictObject({
  versionId: ZId.optional().describe("standard: den nyeste version"),
  ...ZDecisionFields,
  bodyId: ZId.describe("det godkendende forum"),
  publishResponses: z.boolean().optional().describe("offentliggør høringssvar og svarmatrix"),
});

export const ZMoveStatus = z.strictObject({
  to: z.enum(["draft", "implementation", "revision", "replaced"]),
  replacedById: ZId.nullable().optional(),
  ...ZDecisionFields,
});

export const ZCloseHearing = z.strictObject({
  closedOn: ZDate,
  publishResponses: z.boolean().optional(),
});

export const ZToolboxQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  theme: z.string().max(200).optional(),
});

export const ZListQuery = z.strictObject({
  status: ZAgreementStatus.optional(),
  ownerBodyId: ZId.optional(),
});

const ZFile = z
  .object({ fileName: z.string().nullable(), mimeType: z.string().nullable(), size: z.number().nullable() })
  .nullable();

export const ZAgreementVersion = z.object({
  ...ZRowMeta,
  number: z.number().int(),
  label: z.string(),
  track: ZTrack,
  changeNote: z.string(),
  text: z.string().nullable(),
  file: ZFile,
  published: z.boolean(),
  approvedOn: z.string().nullable(),
  approvedByBodyId: z.number().int().nullable(),
  decision: ZDecisionRef.nullable(),
});

export const ZRemark = z.object({
  ...ZRowMeta,
  responseId: z.number().int(),
  position: z.number().int(),
  section: z.string().nullable(),
  remark: z.string(),
  handling: ZHandling.nullable(),
  answer: z.string(),
});

export const ZResponse = z.object({
  ...ZRowMeta,
  hearingId: z.number().int(),
  partyId: z.number().int().nullable(),
  partyName: z.string(),
  receivedOn: z.string(),
  text: z.string().nullable(),
  file: ZFile,
  remarks: z.array(ZRemark),
});

export const ZHearing = z.object({
  ...ZRowMeta,
  agreementId: z.number().int(),
  versionId: z.number().int(),
  versionNumber: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  closedOn: z.string().nullable(),
  responsesPublished: z.boolean(),
  note: z.string(),
  invitees: z.array(
    z.object({ partyId: z.number().int().nullable(), name: z.string(), responded: z.boolean() }),
  ),
  responseCount: z.number().int(),
  responses: z.array(ZResponse).nullable().describe("null, før ejeren har offentliggjort høringssvarene"),
  totals: z
    .object({ not_changed: z.number(), adjusted: z.number(), changed: z.number(), pending: z.number() })
    .nullable(),
});

export const ZAgreementEvent = z.object({
  id: z.number().int(),
  fromStatus: ZAgreementStatus.nullable(),
  toStatus: ZAgreementStatus,
  on: z.string(),
  versionNumber: z.number().int().nullable(),
  bodyId: z.number().int().nullable(),
  bodyName: z.string().nullable(),
  note: z.string(),
  decision: ZDecisionRef.nullable(),
});

export const ZAgreementSummary = z.object({
  ...ZRowMeta,
  title: z.string(),
  kind: ZAgreementKind,
  theme: z.string(),
  summary: z.string(),
  status: ZAgreementStatus,
  inForce: z.boolean(),
  ownerBodyId: z.number().int(),
  ownerName: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  partOfId: z.number().int().nullable(),
  replacedById: z.number().int().nullable(),
  current: z
    .object({
      id: z.number().int(),
      number: z.number().int(),
      label: z.string(),
      approvedOn: z.string().nullable(),
    })
    .nullable(),
});

export const ZAgreement = ZAgreementSummary.extend({
  versions: z.array(ZAgreementVersion),
  events: z.array(ZAgreementEvent),
  hearings: z.array(ZHearing),
  canEdit: z.boolean(),
});

export const ZToolbox = z.object({
  themes: z.array(z.object({ theme: z.string(), agreements: z.array(ZAgreementSummary) })),
  allThemes: z.array(z.string()),
  count: z.number().int(),
});

export type TCreateAgreement = z.infer<typeof ZCreateAgreement>;
export type TUpdateAgreement = z.infer<typeof ZUpdateAgreement>;
export type TVersionInput = z.infer<typeof ZVersionInput>;
export type TStartHearing = z.infer<typeof ZStartHearing>;
export type TResponseInput = z.infer<typeof ZResponseInput>;
export type TRemarkInput = z.infer<typeof ZRemarkInput>;
export type TRemarkUpdate = z.infer<typeof ZRemarkUpdate>;
export type TApprove = z.infer<typeof ZApprove>;
export type TMoveStatus = z.infer<typeof ZMoveStatus>;
export type TCloseHearing = z.infer<typeof ZCloseHearing>;
export type TAgreement = z.infer<typeof ZAgreement>;
export type TAgreementSummary = z.infer<typeof ZAgreementSummary>;
export type THearing = z.infer<typeof ZHearing>;
export type TToolbox = z.infer<typeof ZToolbox>;
