/** Zod schemas of the implementation matrix and the ratification tracker (issue 22.3/22.4), API and pages alike. */
import { z } from "zod";
import { ZDate, ZId, ZName, ZRowMeta, ZText, ZVersion } from "../../server/schemas.ts";
import { IMPLEMENTATION_STATES, RATIFIER_KINDS } from "./agreements.tables.ts";

export const ZImplementationState = z
  .enum(IMPLEMENTATION_STATES)
  .describe(
    "not_started: ikke startet; in_progress: under implementering; implemented: implementeret; opted_out: fravalgt (med begrundelse); not_relevant: ikke relevant",
  );

export const ZSetImplementation = z.strictObject({
  state: ZImplementationState,
  since: ZDate.optional().describe("dagen, tilstanden gælder fra; standard: i dag"),
  plannedOn: ZDate.nullable().optional().describe("forventet implementeret"),
  reason: ZText(2000).optional().describe("påkrævet ved fravalg"),
  note: ZText(2000).optional(),
});
export type TSetImplementation = z.infer<typeof ZSetImplementation>;

export const ZMatrixQuery = z.strictObject({
  region: z.string().trim().max(200).optional().describe("partens region (fx Syddanmark)"),
  cluster: z.string().trim().max(40).optional().describe("sundhedsklyngens kode i referencedata"),
  council: z.string().trim().max(40).optional().describe("sundhedsrådets kode i referencedata"),
  partyId: ZId.optional(),
  agreementId: ZId.optional(),
});
export type TMatrixQuery = z.infer<typeof ZMatrixQuery>;

export const ZMatrixCell = z.object({
  agreementId: z.number().int(),
  partyId: z.number().int(),
  state: ZImplementationState,
  since: z.string().nullable(),
  plannedOn: z.string().nullable(),
  reason: z.string(),
  note: z.string(),
  changedBy: z.string(),
  changedAt: z.string().nullable(),
});
export type TMatrixCell = z.infer<typeof ZMatrixCell>;

export const ZMatrix = z.object({
  agreements: z.array(z.object({ id: z.number().int(), title: z.string(), status: z.string() })),
  parties: z.array(
    z.object({ id: z.number().int(), name: z.string(), type: z.string(), region: z.string().nullable() }),
  ),
  cells: z.array(ZMatrixCell).describe("kun de celler, hvor parten hører til aftalen"),
  counts: z.record(ZImplementationState, z.number().int()),
  choices: z
    .object({
      regions: z.array(z.string()),
      parties: z.array(z.object({ id: z.number().int(), name: z.string() })),
      agreements: z.array(z.object({ id: z.number().int(), title: z.string() })),
    })
    .describe("hvad filtrene kan vælge imellem"),
});
export type TMatrix = z.infer<typeof ZMatrix>;

export const ZCellHistory = z.object({
  agreement: z.object({ id: z.number().int(), title: z.string() }),
  party: z.object({ id: z.number().int(), name: z.string() }),
  current: ZMatrixCell,
  history: z.array(ZMatrixCell.extend({ id: z.number().int() })).describe("nyeste først"),
  canEdit: z.boolean(),
});
export type TCellHistory = z.infer<typeof ZCellHistory>;

export const ZAttachMatrix = ZMatrixQuery.extend({
  itemId: ZId,
  title: ZText(300).min(1).optional(),
});

export const ZRatifierKind = z
  .enum(RATIFIER_KINDS)
  .describe(
    "municipal_council: kommunalbestyrelse; regional_council: regionsråd; health_authority: Sundhedsstyrelsen; other: andet",
  );

export const ZAddRatificationStep = z.strictObject({
  kind: ZRatifierKind,
  name: ZName.describe("fx Esbjerg Kommunalbestyrelse"),
  partyId: ZId.nullable().optional(),
  deadline: ZDate.nullable().optional().describe("den lovbestemte frist, fx 2027-06-30"),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TAddRatificationStep = z.infer<typeof ZAddRatificationStep>;

const ZLink = z
  .url({ protocol: /^https?$/, error: "Skriv en webadresse, der begynder med https:// eller http://." })
  .max(2000);

export const ZUpdateRatificationStep = z.strictObject({
  version: ZVersion,
  name: ZName.optional(),
  deadline: ZDate.nullable().optional(),
  approvedOn: ZDate.nullable().optional().describe("godkendelsens dato; null = ikke godkendt"),
  link: ZLink.nullable().optional().describe("link til beslutningen (eller upload et dokument)"),
  note: ZText(2000).optional(),
});
export type TUpdateRatificationStep = z.infer<typeof ZUpdateRatificationStep>;

export const ZRatificationStep = z.object({
  ...ZRowMeta,
  kind: ZRatifierKind,
  name: z.string(),
  partyId: z.number().int().nullable(),
  position: z.number().int(),
  deadline: z.string().nullable(),
  approvedOn: z.string().nullable(),
  link: z.string().nullable(),
  file: z
    .object({ fileName: z.string().nullable(), mimeType: z.string().nullable(), size: z.number() })
    .nullable(),
  note: z.string(),
  late: z.boolean().describe("fristen er overskredet, og godkendelsen mangler"),
});
export type TRatificationStep = z.infer<typeof ZRatificationStep>;

export const ZRatification = z.object({
  agreementId: z.number().int(),
  steps: z.array(ZRatificationStep),
  approved: z.number().int(),
  late: z.number().int(),
  canEdit: z.boolean(),
});
export type TRatification = z.infer<typeof ZRatification>;
