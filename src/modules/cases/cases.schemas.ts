import { z } from "zod";
import { ZId, ZRowMeta, ZText } from "../../server/schemas.ts";
import { ZAttachmentMeta, ZCaseNumber, ZOutcome } from "../meetings/index.ts";
import { ARCHIVE_SYSTEMS, CONSULTATION_ROLES } from "./cases.tables.ts";

export const ZArchiveSystem = z.enum(ARCHIVE_SYSTEMS);
export const ZRole = z.enum(CONSULTATION_ROLES);

export const ZCaseNumberInput = z.strictObject({
  number: ZCaseNumber,
  system: ZArchiveSystem.optional().describe("gættes ud fra formen, når det udelades"),
});

export const ZCaseFields = {
  title: ZText(500).min(1, "Skal udfyldes."),
  theme: ZText(200).nullable().optional(),
  decidingBodyId: ZId.nullable().optional(),
  awaitingBodyId: ZId.nullable().optional().describe("en ny sag, der venter på dette forums næste møde"),
  numbers: z.array(ZCaseNumberInput).max(20).optional(),
};
export const { numbers: _numbers, ...ZCaseUpdateFields } = ZCaseFields;

export const ZCaseFilter = {
  q: z.string().max(200),
  bodyId: ZId,
  caseNumber: z.string().max(60),
};

export const ZCaseNumberRow = z.object({ number: z.string(), system: ZArchiveSystem });

export const ZCase = z.object({
  ...ZRowMeta,
  title: z.string(),
  theme: z.string().nullable(),
  access: z.enum(["open", "closed"]),
  decidingBodyId: z.number().int().nullable(),
  awaitingBodyId: z.number().int().nullable(),
  numbers: z.array(ZCaseNumberRow),
});

export const ZConsultationFields = {
  caseId: ZId,
  itemId: ZId,
  role: ZRole.optional().describe("gættes ud fra punktet, når det udelades"),
  targetBodyId: ZId.nullable().optional(),
  note: ZText(2000).nullable().optional(),
};

export const ZConsultation = z.object({
  ...ZRowMeta,
  caseId: z.number().int(),
  itemId: z.number().int().nullable(),
  meetingId: z.number().int().nullable(),
  bodyId: z.number().int(),
  meetingDate: z.string(),
  itemNumber: z.number().int(),
  role: ZRole,
  targetBodyId: z.number().int().nullable(),
  note: z.string().nullable(),
});

export const ZTimelineEntry = z.object({
  consultationId: z.number().int(),
  date: z.string().describe("mødets dato (dansk tid), YYYY-MM-DD"),
  body: z.object({ id: z.number().int(), name: z.string() }),
  meetingId: z.number().int().nullable(),
  itemId: z.number().int().nullable(),
  itemNumber: z.number().int(),
  title: z.string(),
  /** true when the reader may not see the item: title, outcome and decision are withheld */
  redacted: z.boolean(),
  /** the item no longer exists (removed, or replaced and not yet found again) */
  missing: z.boolean(),
  role: ZRole,
  roleLabel: z.string(),
  targetBody: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  outcome: ZOutcome.nullable(),
  decisionText: z.string().nullable(),
  source: z
    .object({ itemId: z.number().int(), meetingId: z.number().int(), itemNumber: z.number().int() })
    .nullable()
    .describe("stoppet kendes fra dette punkts sagsforløb (fx FirstAgendas »Sagsforløb«); ellers null"),
});

export const ZTimelineAction = z.object({
  id: z.number().int(),
  text: z.string(),
  status: z.enum(["open", "done", "cancelled"]),
  dueDate: z.string().nullable(),
  ownerText: z.string().nullable(),
});

/** A decision between meetings on the case: a chair decision or written procedure (issue 21). */
export const ZTimelineDecision = z.object({
  matterId: z.number().int(),
  procedure: z.enum(["chair_decision", "written_procedure"]),
  title: z.string(),
  status: z.enum(["approved", "approved_with_remark", "rejected"]),
  decidedAt: z.string(),
  decidedBy: z.string().nullable(),
  remark: z.string().nullable(),
  body: z.object({ id: z.number().int(), name: z.string() }),
  path: z.string().nullable().describe("sagens side i arbejdsrummet, for forummets medlemmer"),
  reportedMeetingId: z.number().int().nullable(),
});

export const ZTimeline = z.object({
  case: ZCase,
  entries: z.array(ZTimelineEntry),
  decisions: z
    .array(ZTimelineDecision)
    .describe("formandsbeslutninger og skriftlige behandlinger af sagen mellem møderne"),
  documents: z.array(ZAttachmentMeta),
  actions: z.array(ZTimelineAction),
});

export const ZRefer = z.strictObject({
  targetBodyId: ZId.optional().describe('udelades: læses af indstillingen ("… indstiller til X, at …")'),
  role: ZRole.optional(),
  remarksHeading: ZText(200).min(1).optional().describe('fx "Kommunale bemærkninger"'),
  remarks: z.string().max(50_000).optional(),
  createMeeting: z
    .strictObject({ start: z.string().describe("Dansk lokal tid YYYY-MM-DDTHH:mm") })
    .optional()
    .describe("opret målforummets næste møde, hvis det ikke har et planlagt"),
  waitForNextMeeting: z
    .boolean()
    .optional()
    .describe("har målforummet intet planlagt møde: sagen venter på dets liste »sager til næste møde«"),
});

export const ZReferResult = z.object({
  case: ZCase,
  itemId: z.number().int(),
  meetingId: z.number().int(),
  meetingCreated: z.boolean(),
  /** true when the case waits for the target body's next meeting (no item made yet) */
  waiting: z.boolean(),
});

export const ZQueueEntry = z.object({
  case: ZCase,
  reason: z.enum(["new", "referred", "postponed"]),
  reasonLabel: z.string(),
  fromBody: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  since: z.string().nullable(),
});

export const ZQueue = z.object({
  bodyId: z.number().int(),
  nextMeeting: z.object({ id: z.number().int(), start: z.string() }).nullable(),
  cases: z.array(ZQueueEntry),
});

export const ZProposalItem = z.object({
  itemId: z.number().int(),
  meetingId: z.number().int(),
  bodyId: z.number().int(),
  date: z.string(),
  number: z.number().int(),
  title: z.string(),
  caseId: z.number().int().nullable(),
});

export const ZProposal = z.object({
  items: z.array(ZProposalItem),
  reasons: z.array(z.string()),
  /** the case the group extends, when some items already belong to one */
  caseId: z.number().int().nullable(),
});

export const ZProposalFilter = z.strictObject({
  bodyId: ZId.optional(),
  threshold: z.coerce.number().min(0.2).max(1).optional(),
  windowDays: z.coerce.number().int().min(1).max(3650).optional(),
});

export const ZConfirm = z.strictObject({
  itemIds: z.array(ZId).min(2, "Vælg mindst to punkter.").max(100),
  title: ZText(500).min(1).optional(),
  caseId: ZId.optional().describe("føj punkterne til denne sag i stedet for at oprette en ny"),
});

export const ZReject = z.strictObject({
  itemIds: z.array(ZId).min(2, "Vælg mindst to punkter.").max(100),
});

export type TCase = z.infer<typeof ZCase>;
export type TCaseInput = z.infer<z.ZodObject<typeof ZCaseFields>>;
export type TConsultation = z.infer<typeof ZConsultation>;
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;
export type TTimeline = z.infer<typeof ZTimeline>;
