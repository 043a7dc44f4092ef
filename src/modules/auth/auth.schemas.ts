import { z } from "zod";
import { ZDateTimeInput, ZId, ZName, ZTimestamp } from "../../server/schemas.ts";

export const ZUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  active: z.boolean(),
  personId: z.number().int().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
});

export const ZUserFields = {
  email: z.email("Ugyldig e-mailadresse.").max(320),
  name: ZName,
  password: z.string().min(1, "Skal udfyldes.").max(500),
  isAdmin: z.boolean().optional(),
  active: z.boolean().optional(),
  personId: ZId.nullable().optional(),
};

export const ZMe = ZUser.extend({
  roles: z.array(z.object({ bodyId: z.number().int(), roles: z.array(z.string()) })),
});

export const ZLogin = z.strictObject({
  email: z.string().max(320),
  password: z.string().max(500),
  /** the TOTP code, for users with two-factor login */
  code: z.string().max(12).optional(),
});

export const ZToken = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: ZTimestamp,
  lastUsedAt: ZTimestamp.nullable(),
  expiresAt: ZTimestamp.nullable(),
});

export const ZCreateToken = z.strictObject({
  name: ZName,
  expiresAt: ZDateTimeInput.optional(),
});
