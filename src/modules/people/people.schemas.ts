import { z } from "zod";
import { ZDate, ZId, ZName, ZRowMeta, ZText } from "../../server/schemas.ts";
import { MEMBERSHIP_ROLES } from "./people.tables.ts";

export const ZPersonFields = {
  name: ZName,
  title: ZText(200).nullable().optional(),
  email: z.email("Ugyldig e-mailadresse.").max(320).nullable().optional(),
};

export const ZPerson = z.object({
  ...ZRowMeta,
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable().describe("kun synlig for sekretariater og administratorer"),
});

export const ZPersonFilter = { q: z.string().max(200), bodyId: ZId };

export const ZMembershipRole = z.enum(MEMBERSHIP_ROLES);

export const ZMembershipFields = {
  personId: ZId,
  bodyId: ZId,
  partyId: ZId.nullable().optional(),
  role: ZMembershipRole.optional(),
  from: ZDate.nullable().optional(),
  to: ZDate.nullable().optional(),
};

export const ZMembership = z.object({
  ...ZRowMeta,
  personId: z.number().int(),
  bodyId: z.number().int(),
  partyId: z.number().int().nullable(),
  role: ZMembershipRole,
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const ZMembershipFilter = {
  personId: ZId,
  bodyId: ZId,
  partyId: ZId,
  role: ZMembershipRole,
  activeOn: ZDate,
};

export type TPerson = z.infer<typeof ZPerson>;
export type TPersonInput = z.infer<z.ZodObject<typeof ZPersonFields>>;
export type TMembership = z.infer<typeof ZMembership>;
export type TMembershipInput = z.infer<z.ZodObject<typeof ZMembershipFields>>;
