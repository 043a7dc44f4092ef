import { z } from "zod";
import { ZId, ZMarkdown, ZRowMeta, ZText, ZVersion } from "../../server/schemas.ts";
import { ACCESS, ITEM_KINDS, OUTCOMES, SECTION_KEYS } from "./items.tables.ts";

export const ZAccess = z.enum(ACCESS);
export const ZItemKind = z.enum(ITEM_KINDS);
export const ZOutcome = z.enum(OUTCOMES);

export const ZSections = z.strictObject(
  Object.fromEntries(SECTION_KEYS.map((k) => [k, ZMarkdown.optional()])) as Record<
    (typeof SECTION_KEYS)[number],
    z.ZodOptional<typeof ZMarkdown>
  >,
);
export const ZOtherSection = z.strictObject({ heading: ZText(300).min(1), text: ZMarkdown });
export const ZCaseNumber = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}./\-_ ]*$/u, "Ugyldigt sagsnummer.");

export const ZItemFields = {
  meetingId: ZId,
  number: z.number().int().min(0).max(999).optional(),
  title: ZText(500).min(1, "Skal udfyldes."),
  access: ZAccess.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable()
    .optional(),
  kind: ZItemKind.optional(),
  sections: ZSections.optional(),
  otherSections: z.array(ZOtherSection).max(50).optional(),
  recommendations: z.array(ZMarkdown).max(20).optional(),
  decisionText: ZMarkdown.nullable().optional(),
  outcome: ZOutcome.nullable().optional(),
  caseNumbers: z.array(ZCaseNumber).max(50).optional(),
};
export const { meetingId: _meetingId, ...ZItemUpdateFields } = ZItemFields;

export const ZAttachmentMeta = z.object({
  ...ZRowMeta,
  itemId: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  access: ZAccess,
  hasFile: z.boolean(),
});

export const ZAbsence = z.object({
  ...ZRowMeta,
  itemId: z.number().int(),
  personId: z.number().int(),
  note: z.string().nullable(),
});

export const ZItem = z.object({
  ...ZRowMeta,
  meetingId: z.number().int(),
  number: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  access: ZAccess,
  /** true when the reader may not see this closed item: everything but its place is withheld */
  redacted: z.boolean(),
  durationMinutes: z.number().int().nullable(),
  kind: ZItemKind,
  sections: z.record(z.string(), z.string()),
  otherSections: z.array(z.object({ heading: z.string(), text: z.string() })),
  recommendations: z.array(z.string()),
  decisionText: z.string().nullable(),
  outcome: ZOutcome.nullable(),
  caseNumbers: z.array(z.string()),
  absences: z.array(ZAbsence),
  attachments: z.array(ZAttachmentMeta),
});

export const ZItemFilter = {
  meetingId: ZId,
  bodyId: ZId,
  access: ZAccess,
  outcome: ZOutcome,
  caseNumber: z.string().max(60),
  q: z.string().max(200),
};

export const ZReorder = z.strictObject({
  itemIds: z.array(ZId).min(1).max(500),
});

export const ZCorrection = z.strictObject({
  version: ZVersion,
  reason: ZText(2000).min(5, "Skriv en begrundelse på mindst 5 tegn."),
  changes: z
    .strictObject({
      title: ZItemFields.title.optional(),
      sections: ZSections.optional(),
      otherSections: ZItemFields.otherSections,
      recommendations: ZItemFields.recommendations,
      decisionText: ZItemFields.decisionText,
      outcome: ZItemFields.outcome,
      caseNumbers: ZItemFields.caseNumbers,
    })
    .refine((c) => Object.keys(c).length > 0, "Angiv mindst én ændring."),
});

export const ZCorrectionRow = z.object({
  ...ZRowMeta,
  itemId: z.number().int(),
  reason: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  userId: z.number().int().nullable(),
});

export const ZAttachmentFields = {
  itemId: ZId,
  title: ZText(500).min(1, "Skal udfyldes."),
  fileName: ZText(255).nullable().optional(),
  access: ZAccess.optional(),
  position: z.number().int().min(0).max(999).optional(),
};

export const ZAbsenceFields = {
  itemId: ZId,
  personId: ZId,
  note: ZText(1000).nullable().optional(),
};

export type TItem = z.infer<typeof ZItem>;
export type TItemInput = z.infer<z.ZodObject<typeof ZItemFields>>;
export type TAttachmentMeta = z.infer<typeof ZAttachmentMeta>;
export type TAbsence = z.infer<typeof ZAbsence>;
