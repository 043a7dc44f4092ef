import { z } from "zod";
import { ZDate, ZId, ZRowMeta, ZText } from "../../server/schemas.ts";
import { BODY_KINDS } from "../bodies/index.ts";
import { PARTY_TYPES } from "../parties/index.ts";
import { ADDRESSEE_STATES, OBLIGATION_KINDS, OBLIGATION_RETURNS } from "./obligations.tables.ts";

export const ZObligationReturn = z.enum(OBLIGATION_RETURNS);
export const ZAddresseeState = z.enum(ADDRESSEE_STATES);
export const ZObligationKind = z.enum(OBLIGATION_KINDS);

/**
 * Who gets the obligation: every current body of some kinds and/or every current party of some types in a
 * region (all clusters, all municipalities of a region), or a hand-picked list of bodies and parties.
 */
export const ZAddresseeChoice = z.union([
  z.strictObject({
    region: ZText(100).min(1, "Vælg en region."),
    kinds: z.array(z.enum(BODY_KINDS)).max(BODY_KINDS.length).default([]),
    partyTypes: z.array(z.enum(PARTY_TYPES)).max(PARTY_TYPES.length).default([]),
  }),
  z.strictObject({
    bodyIds: z.array(ZId).max(200).default([]),
    partyIds: z.array(ZId).max(200).default([]),
  }),
]);

export const ZFanOut = z.strictObject({
  /** a feedback request (a report or question to answer) always asks for an answer */
  kind: ZObligationKind.default("obligation"),
  text: ZText(4000).min(1, "Skal udfyldes."),
  deadline: ZDate,
  returns: ZObligationReturn,
  addressees: ZAddresseeChoice,
});

/** Which addressee answers: a body or a party (exactly one). */
const ZWho = {
  bodyId: ZId.nullable().optional().describe("the addressee body that answers"),
  partyId: ZId.nullable().optional().describe("the addressee party that answers"),
};

/** An addressee's answer: done (text, link and/or an uploaded file), not relevant (reason), or more time. */
export const ZAnswer = z.strictObject({
  ...ZWho,
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

/** The query of an answer's file upload (raw bytes in the body). */
export const ZAnswerFileQuery = z.strictObject({
  ...ZWho,
  fileName: z.string().max(255).optional(),
});

export const ZFile = z.object({ fileName: z.string(), mimeType: z.string(), size: z.number().int() });

export const ZAddressee = z.object({
  ...ZRowMeta,
  bodyId: z.number().int().nullable(),
  partyId: z.number().int().nullable(),
  /** the body's or the party's name */
  name: z.string(),
  state: ZAddresseeState,
  answerText: z.string().nullable(),
  link: z.string().nullable(),
  reason: z.string().nullable(),
  newDeadline: z.string().nullable(),
  /** the addressee's own deadline: the later date it asked for, else the obligation's */
  due: z.string(),
  /** the answer's uploaded file, if any (GET /obligations/:id/addressees/:addresseeId/file) */
  file: ZFile.nullable(),
  answeredAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  late: z.boolean(),
  /** the reader may answer for this addressee */
  mayAnswer: z.boolean(),
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
  /** the chair decision or written procedure it came from, when not an agenda item */
  matterId: z.number().int().nullable(),
  text: z.string(),
  deadline: z.string(),
  returns: ZObligationReturn,
  kind: ZObligationKind,
  /** the report sent along (GET /obligations/:id/report) */
  report: ZFile.nullable(),
  statusItemId: z.number().int().nullable(),
  /** the deciding body's members see every addressee; an addressee's members only their own */
  addressees: z.array(ZAddressee),
  rollUp: ZRollUp,
});

export type TFanOut = z.infer<typeof ZFanOut>;
export type TAnswer = z.infer<typeof ZAnswer>;
export type TObligation = z.infer<typeof ZObligation>;
export type TAddressee = z.infer<typeof ZAddressee>;
