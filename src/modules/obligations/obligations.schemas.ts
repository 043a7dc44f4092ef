import { z } from "zod";
import { ZDate, ZId, ZRowMeta, ZText } from "../../server/schemas.ts";
import { BODY_KINDS } from "../bodies/index.ts";
import { ADDRESSEE_STATES, OBLIGATION_RETURNS } from "./obligations.tables.ts";

export const ZObligationReturn = z.enum(OBLIGATION_RETURNS);
export const ZAddresseeState = z.enum(ADDRESSEE_STATES);

/** Who gets the obligation: every current body of some kinds in a region, or a hand-picked list. */
export const ZAddresseeChoice = z.union([
  z.strictObject({
    region: ZText(100).min(1, "Vælg en region."),
    kinds: z.array(z.enum(BODY_KINDS)).min(1, "Vælg mindst én slags forum.").max(BODY_KINDS.length),
  }),
  z.strictObject({ bodyIds: z.array(ZId).min(1, "Vælg mindst ét forum.").max(200) }),
]);

export const ZFanOut = z.strictObject({
  text: ZText(4000).min(1, "Skal udfyldes."),
  deadline: ZDate,
  returns: ZObligationReturn,
  addressees: ZAddresseeChoice,
});

/** An addressee's answer: done (text and/or link), not relevant (reason), or more time (a later date). */
export const ZAnswer = z.strictObject({
  bodyId: ZId.describe("the addressee body that answers"),
  state: z.enum(["done", "not_relevant", "more_time"]),
  answerText: ZText(4000).nullable().optional(),
  link: z
    .url("Skal være en adresse, der begynder med https:// eller http://.")
    .max(2000)
    .nullable()
    .optional(),
  reason: ZText(2000).nullable().optional(),
  newDeadline: ZDate.nullable().optional(),
});

export const ZAddressee = z.object({
  ...ZRowMeta,
  bodyId: z.number().int(),
  bodyName: z.string(),
  state: ZAddresseeState,
  answerText: z.string().nullable(),
  link: z.string().nullable(),
  reason: z.string().nullable(),
  newDeadline: z.string().nullable(),
  /** the addressee's own deadline: the later date it asked for, else the obligation's */
  due: z.string(),
  answeredAt: z.string().nullable(),
  late: z.boolean(),
});

export const ZRollUp = z.object({
  addressees: z.number().int(),
  answered: z.number().int(),
  done: z.number().int(),
  notRelevant: z.number().int(),
  moreTime: z.number().int(),
  open: z.number().int(),
  late: z.number().int(),
});

export const ZObligation = z.object({
  ...ZRowMeta,
  bodyId: z.number().int(),
  bodyName: z.string(),
  itemId: z.number().int().nullable(),
  text: z.string(),
  deadline: z.string(),
  returns: ZObligationReturn,
  statusItemId: z.number().int().nullable(),
  /** the deciding body's members see every addressee; an addressee's members only their own */
  addressees: z.array(ZAddressee),
  rollUp: ZRollUp,
});

export type TFanOut = z.infer<typeof ZFanOut>;
export type TAnswer = z.infer<typeof ZAnswer>;
export type TObligation = z.infer<typeof ZObligation>;
export type TAddressee = z.infer<typeof ZAddressee>;
