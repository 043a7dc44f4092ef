import { z } from "zod";
import { ZDate, ZId, ZRowMeta, ZText } from "../../server/schemas.ts";
import { ACTION_STATUSES } from "./actions.tables.ts";

export const ZActionStatus = z.enum(ACTION_STATUSES);

export const ZActionFields = {
  bodyId: ZId.optional().describe("udelades ved itemId: punktets forum"),
  itemId: ZId.nullable().optional().describe("beslutningen, opfølgningen stammer fra"),
  caseId: ZId.nullable().optional(),
  text: ZText(2000).min(1, "Skal udfyldes."),
  ownerPersonId: ZId.nullable().optional(),
  ownerText: ZText(200).nullable().optional().describe('fx "Sekretariatet"'),
  dueDate: ZDate.nullable().optional(),
  dueBodyId: ZId.nullable().optional().describe("forfalder på dette forums næste møde"),
  status: ZActionStatus.optional(),
};
export const { itemId: _itemId, bodyId: _bodyId, ...ZActionUpdateFields } = ZActionFields;

const ZBoolQuery = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const ZActionFilter = {
  bodyId: ZId,
  ownerPersonId: ZId,
  owner: z.string().max(200),
  status: ZActionStatus,
  overdue: ZBoolQuery,
  itemId: ZId,
  caseId: ZId,
};

export const ZAction = z.object({
  ...ZRowMeta,
  bodyId: z.number().int(),
  itemId: z.number().int().nullable(),
  caseId: z.number().int().nullable(),
  text: z.string(),
  ownerPersonId: z.number().int().nullable(),
  ownerText: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueBodyId: z.number().int().nullable(),
  /** the date it falls due: the given date, or the date of the due body's next meeting */
  effectiveDue: z.string().nullable(),
  status: ZActionStatus,
  overdue: z.boolean(),
  remindedAt: z.string().nullable(),
});

export const ZActionProposal = z.object({
  text: z.string(),
  ownerText: z.string().nullable(),
  ownerPersonId: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  dueBodyId: z.number().int().nullable(),
  duePhrase: z.string().nullable(),
  rules: z.array(z.string()),
});

export const ZAgendaActions = z.object({
  bodyId: z.number().int(),
  nextMeeting: z.object({ id: z.number().int(), start: z.string() }).nullable(),
  actions: z.array(ZAction),
});

export const ZRemindResult = z.object({ sent: z.number().int(), withoutEmail: z.number().int() });

export type TAction = z.infer<typeof ZAction>;
export type TActionInput = z.infer<z.ZodObject<typeof ZActionFields>>;
export type TActionProposal = z.infer<typeof ZActionProposal>;
