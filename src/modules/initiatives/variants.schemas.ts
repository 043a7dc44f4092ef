import { z } from "zod";
import { parseDate } from "../../lib/time.ts";
import { ZDate, ZId, ZName, ZRowMeta, ZText } from "../../server/schemas.ts";
import { PARTICIPATIONS } from "./initiatives.tables.ts";

/** Why a variant cannot be saved as given, in Danish; null when it can. Pure: a party outside needs a reason. */
export function variantProblem(v: { participation: string; reason?: string | null | undefined }) {
  return v.participation === "out" && !(v.reason ?? "").trim()
    ? "Skriv, hvorfor parten står udenfor (fx at den ikke ønsker at udvide målgruppen nu)."
    : null;
}

export const ZParticipation = z
  .enum(PARTICIPATIONS, { error: "Vælg, om parten deltager eller står udenfor." })
  .describe("in: deltager (til); out: står udenfor (fra), med en begrundelse");

export const ZPartyVariantInput = z
  .strictObject({
    version: z
      .number({ error: "Versionen mangler; hent siden igen." })
      .int()
      .min(0)
      .describe(
        "antallet af ændringer af partens variant, du har læst (0: ingen endnu); er der kommet flere til, svares 409",
      ),
    model: ZText(300).optional().describe('partens model eller variant, fx "model B, der afprøves"'),
    participation: ZParticipation,
    reason: ZText(2000).nullable().optional().describe("begrundelse; skal udfyldes, når parten står udenfor"),
    effectiveOn: ZDate.optional().describe("dagen, ændringen gælder fra; standard: i dag"),
    contactName: ZText(200).nullable().optional().describe("partens kontaktperson"),
    contactEmail: z
      .union([z.literal(""), z.email({ error: "Skriv en gyldig e-mailadresse." }).max(320)])
      .nullable()
      .optional(),
  })
  .superRefine((v, ctx) => {
    const problem = variantProblem(v);
    if (problem) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: problem });
    }
  });

export const ZPartyFigureInput = z.strictObject({
  label: ZName.describe('hvad der er målt, fx "patientforløb" eller "genindlagt inden for 30 dage"'),
  value: z
    .number({ error: "Skriv et tal, fx 93 eller 12,5." })
    .min(-1e15, "Tallet er for stort.")
    .max(1e15, "Tallet er for stort.")
    .describe("tallet (højst to decimaler gemmes)"),
  unit: ZText(50).nullable().optional().describe('enheden, fx "forløb" eller "dage"'),
  sharePercent: z
    .number({ error: "Skriv andelen som et tal mellem 0 og 100, fx 23." })
    .min(0, "Andelen skal være mellem 0 og 100 %.")
    .max(100, "Andelen skal være mellem 0 og 100 %.")
    .nullable()
    .optional()
    .describe("tallet som andel af en helhed, i procent (en decimal gemmes)"),
  measuredOn: z
    .string({ error: "Skal udfyldes." })
    .min(1, "Skal udfyldes.")
    .refine((v) => v === "" || parseDate(v) !== null, "Ugyldig dato; skriv fx 30-06-2025.")
    .describe("den sidste dag i perioden, der er målt (YYYY-MM-DD)"),
  period: ZText(100).nullable().optional().describe('periodens navn, fx "1. halvår 2025"'),
});

export const ZPartyParams = z.strictObject({ id: ZId, partyId: ZId });

export const ZPartyVariant = z.object({
  ...ZRowMeta,
  initiativeId: z.number().int(),
  partyId: z.number().int(),
  model: z.string(),
  participation: ZParticipation,
  reason: z.string().nullable(),
  effectiveOn: z.string().describe("YYYY-MM-DD"),
  contactName: z.string().nullable().describe("kun for indloggede; null for offentligheden"),
  contactEmail: z.string().nullable().describe("kun for indloggede; null for offentligheden"),
});

export const ZPartyFigure = z.object({
  ...ZRowMeta,
  initiativeId: z.number().int(),
  partyId: z.number().int(),
  label: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  sharePercent: z.number().nullable(),
  measuredOn: z.string().describe("YYYY-MM-DD"),
  period: z.string().nullable(),
});

export const ZInitiativeParty = z.object({
  partyId: z.number().int(),
  partyName: z.string(),
  current: ZPartyVariant.nullable().describe(
    "den variant, der gælder nu (den seneste); null når ingen er sat",
  ),
  history: z.array(ZPartyVariant).describe("alle ændringer, nyeste først"),
  version: z.number().int().describe("antallet af ændringer; sendes med ved næste ændring"),
  figures: z.array(ZPartyFigure).describe("målte tal, ældste periode først"),
  mayChange: z.boolean().describe("om den, der spørger, må ændre partens variant og tilføje tal"),
});

export type TPartyVariantInput = z.infer<typeof ZPartyVariantInput>;
export type TPartyFigureInput = z.infer<typeof ZPartyFigureInput>;
export type TPartyVariant = z.infer<typeof ZPartyVariant>;
export type TPartyFigure = z.infer<typeof ZPartyFigure>;
export type TInitiativeParty = z.infer<typeof ZInitiativeParty>;

/**
 * A number as Danes type it ("93", "12,5", "1.234,5", "1 234"), for the page forms; the text unchanged when
 * it is none, so the schema's Danish message shows. Pure.
 */
export function readDanishNumber(text: string | undefined): number | string | undefined {
  const s = (text ?? "").trim().replace(/[\s\u00a0]/g, "");
  if (s === "") {
    return undefined;
  }
  const normal = s.includes(",") ? s.replace(/\./g, "").replace(",", ".") : s;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : (text ?? "");
}
