import { z } from "zod";
import { ZDate, ZId, ZName, ZRowMeta, ZText } from "../../server/schemas.ts";
import { GRANT_STATUSES, KEY_BASES } from "./funds.tables.ts";

/** øre in: an integer or a string of digits (amounts beyond 2^53 survive as strings); bigint inside. */
export const ZOre = z
  .union([
    z
      .number()
      .int("Beløbet skal være et helt antal øre.")
      .min(0, "Beløbet må ikke være negativt.")
      .max(Number.MAX_SAFE_INTEGER),
    z.string().regex(/^\d{1,17}$/, "Skriv beløbet som et helt antal øre (kun cifre)."),
  ])
  .transform((v) => BigInt(v))
  .describe("øre (hele tal): 187440000 = 1.874.400,00 kr.");
/** øre out: a decimal string, exact. */
export const ZOreOut = z.string().describe('øre som decimaltal i en streng, fx "187440000"');

export const ZKeyBasis = z
  .enum(KEY_BASES)
  .describe("nøglen: indtægt alle år, indtægt ét år (keyYear) eller besluttet");
export const ZGrantStatus = z.enum(GRANT_STATUSES);
const ZYear = z.coerce
  .number()
  .int()
  .min(1900, "Året skal ligge mellem 1900 og 2200.")
  .max(2200, "Året skal ligge mellem 1900 og 2200.");

export const ZFundFields = {
  bodyId: ZId,
  name: ZName,
  description: ZText(5000).optional(),
  keyBasis: ZKeyBasis.optional(),
  keyYear: ZYear.nullable().optional(),
};
export const { bodyId: _bodyId, ...ZFundUpdateFields } = ZFundFields;
export const ZFundFilter = { bodyId: ZId };

export const ZFundParty = z.object({
  partyId: z.number().int(),
  name: z.string(),
  inKey: z.boolean(),
  keyWeight: z.string().nullable(),
});

export const ZFund = z.object({
  ...ZRowMeta,
  bodyId: z.number().int(),
  name: z.string(),
  description: z.string(),
  keyBasis: ZKeyBasis,
  keyYear: z.number().int().nullable(),
  parties: z.array(ZFundParty),
});

export const ZSetParties = z.strictObject({
  version: z.number().int().positive().describe("puljens version"),
  parties: z
    .array(
      z.strictObject({
        partyId: ZId,
        inKey: z.boolean().default(true),
        keyWeight: ZOre.nullable().optional().describe("besluttet vægt (heltal), når nøglen er besluttet"),
      }),
    )
    .min(1, "Puljen skal have mindst én part.")
    .max(200),
});

export const ZSetIncome = z.strictObject({
  amounts: z
    .array(z.strictObject({ partyId: ZId, amountOre: ZOre }))
    .min(1, "Angiv mindst ét beløb.")
    .max(200),
});

const ZPartAmount = z.strictObject({ partyId: ZId, amountOre: ZOre });

export const ZGrantFields = {
  title: ZName,
  initiativeId: ZId.nullable().optional(),
  status: ZGrantStatus.optional(),
  approvedByBodyId: ZId.nullable().optional(),
  itemId: ZId.nullable().optional().describe("dagsordenspunktet med beslutningen"),
  approvedOn: ZDate.nullable().optional(),
  pendingUntil: ZDate.nullable().optional().describe("afventer godkendelse på denne dato"),
  parts: z.array(ZPartAmount).max(200).default([]).describe("eksplicitte beløb pr. part"),
  keyAmountOre: ZOre.nullable().optional().describe("beløb, der fordeles efter nøglen (største brøkdel)"),
  declaredTotalOre: ZOre.nullable().optional().describe("totalen som skrevet; afvigelser markeres"),
};
export const ZGrantInput = z.strictObject(ZGrantFields);
export const ZGrantUpdate = z.strictObject({
  version: z.number().int().positive(),
  title: ZName.optional(),
  initiativeId: ZId.nullable().optional(),
  status: ZGrantStatus.optional(),
  approvedByBodyId: ZId.nullable().optional(),
  itemId: ZId.nullable().optional(),
  approvedOn: ZDate.nullable().optional(),
  pendingUntil: ZDate.nullable().optional(),
});

export const ZItemRef = z.object({
  itemId: z.number().int(),
  meetingId: z.number().int(),
  number: z.number().int(),
  /** null when the item is closed to the reader: only its number is shown */
  title: z.string().nullable(),
  closed: z.boolean(),
});

export const ZGrant = z.object({
  ...ZRowMeta,
  fundId: z.number().int(),
  initiativeId: z.number().int().nullable(),
  title: z.string(),
  status: ZGrantStatus,
  approvedByBodyId: z.number().int().nullable(),
  approvedOn: z.string().nullable(),
  pendingUntil: z.string().nullable(),
  item: ZItemRef.nullable(),
  totalOre: ZOreOut,
  declaredTotalOre: ZOreOut.nullable(),
  mismatchOre: ZOreOut.nullable(),
  parts: z.array(z.object({ partyId: z.number().int(), amountOre: ZOreOut, byKey: z.boolean() })),
});

export const ZGrantPreview = z.object({
  totalOre: ZOreOut,
  parts: z.array(
    z.object({
      partyId: z.number().int(),
      name: z.string(),
      amountOre: ZOreOut,
      byKey: z.boolean(),
      formatted: z.string(),
    }),
  ),
  mismatchOre: ZOreOut.nullable(),
});

export const ZCarryOverInput = z.strictObject({
  fromYear: ZYear,
  decidedOn: ZDate,
  itemId: ZId.nullable().optional(),
});
export const ZCarryOver = z.object({
  ...ZRowMeta,
  fundId: z.number().int(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  decidedOn: z.string(),
  itemId: z.number().int().nullable(),
  parts: z.array(z.object({ partyId: z.number().int(), amountOre: ZOreOut })),
});

const ZMoneyMap = z.record(z.string(), ZOreOut);
export const ZStatusTable = z.object({
  fund: ZFund,
  years: z.array(z.number().int()),
  rows: z.array(
    z.object({
      partyId: z.number().int(),
      name: z.string(),
      income: ZMoneyMap.describe("år → øre"),
      incomeTotal: ZOreOut,
      share: z.string().nullable().describe('andel af nøglen i procent, fx "48,6"'),
      grants: ZMoneyMap.describe("bevilling (id) → øre"),
      granted: ZOreOut,
      remaining: ZOreOut,
    }),
  ),
  totals: z.object({
    income: ZMoneyMap,
    incomeTotal: ZOreOut,
    grants: ZMoneyMap,
    granted: ZOreOut,
    remaining: ZOreOut,
  }),
  grants: z.array(ZGrant),
  carryOvers: z.array(ZCarryOver),
  problems: z.array(z.string()),
  /** some grants are not shown to this reader (pending at a closed item, or unpublished minutes) */
  partial: z.boolean(),
});

export const ZHistoryEntry = z.object({
  id: z.number().int(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  userId: z.number().int().nullable(),
  at: z.string(),
});

export const ZAttachStatus = z.strictObject({
  itemId: ZId,
  title: ZText(300).min(1, "Skal udfyldes.").optional(),
});

export type TFund = z.infer<typeof ZFund>;
export type TGrant = z.infer<typeof ZGrant>;
export type TGrantInput = z.infer<typeof ZGrantInput>;
export type TGrantUpdate = z.infer<typeof ZGrantUpdate>;
export type TFundInput = z.infer<z.ZodObject<typeof ZFundFields>>;
export type TStatusTableOut = z.infer<typeof ZStatusTable>;
