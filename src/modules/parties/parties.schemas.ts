import { z } from "zod";
import { ZName, ZRowMeta, ZText } from "../../server/schemas.ts";
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
};

export const ZParty = z.object({
  ...ZRowMeta,
  type: ZPartyType,
  name: z.string(),
  region: z.string().nullable(),
  municipalityCode: z.string().nullable(),
});

export const ZPartyFilter = { type: ZPartyType, region: z.string().max(200), q: z.string().max(200) };

export type TParty = z.infer<typeof ZParty>;
export type TCreateParty = z.infer<z.ZodObject<typeof ZPartyFields>>;
