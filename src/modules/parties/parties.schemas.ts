import { z } from "zod";
import { ZDate, ZName, ZRowMeta, ZText } from "../../server/schemas.ts";
import { STRUCTURE_STATUSES } from "../bodies/bodies.status.ts";
import { PARTY_TYPES } from "./parties.tables.ts";

export const ZPartyType = z
  .enum(PARTY_TYPES)
  .describe("region, kommune, sygehus, psykiatri, almen praksis ...");

export const ZPartyFields = {
  type: ZPartyType,
  name: ZName,
  region: ZText(200).nullable().optional(),
  municipalityCode: z
    .string()
    .regex(/^\d{3}$/, "Kommunekoden er tre cifre.")
    .nullable()
    .optional(),
  validFrom: ZDate.nullable().optional().describe("første dag parten findes"),
  validTo: ZDate.nullable().optional().describe("sidste dag parten findes (fx en region til 31.12.2026)"),
};

export const ZParty = z.object({
  ...ZRowMeta,
  type: ZPartyType,
  name: z.string(),
  region: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: z.enum(STRUCTURE_STATUSES),
});

export const ZPartyFilter = {
  type: ZPartyType,
  region: z.string().max(200),
  q: z.string().max(200),
  validOn: ZDate.describe("kun parter, der findes denne dag (til vælgere)"),
};

export type TParty = z.infer<typeof ZParty>;
export type TCreateParty = z.infer<z.ZodObject<typeof ZPartyFields>>;
