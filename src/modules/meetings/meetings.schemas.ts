import { z } from "zod";
import { ZDateTimeInput, ZId, ZRowMeta, ZText, ZTimestamp, ZVersion } from "../../server/schemas.ts";
import { ATTENDANCE_STATUSES, MEETING_KINDS, MEETING_STATUSES } from "./meetings.tables.ts";

export const ZMeetingKind = z.enum(MEETING_KINDS);
export const ZMeetingStatus = z.enum(MEETING_STATUSES);
export const ZAttendanceStatus = z.enum(ATTENDANCE_STATUSES);

export const ZMeetingFields = {
  bodyId: ZId,
  title: ZText(300).nullable().optional(),
  start: ZDateTimeInput,
  end: ZDateTimeInput.nullable().optional(),
  location: ZText(300).nullable().optional(),
  kind: ZMeetingKind.optional(),
};

export const ZMeeting = z.object({
  ...ZRowMeta,
  bodyId: z.number().int(),
  title: z.string().nullable(),
  start: ZTimestamp,
  end: ZTimestamp.nullable(),
  location: z.string().nullable(),
  kind: ZMeetingKind,
  status: ZMeetingStatus,
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
});

export const ZMeetingFilter = {
  bodyId: ZId,
  status: ZMeetingStatus,
  from: ZDateTimeInput.describe("møder der begynder fra og med"),
  to: ZDateTimeInput.describe("møder der begynder før"),
  cancelled: z.enum(["true", "false"]).transform((v) => v === "true"),
};

export const ZTransition = z.strictObject({
  to: ZMeetingStatus,
  version: ZVersion,
});

export const ZCancel = z.strictObject({
  version: ZVersion,
  reason: ZText(2000).min(1, "Skriv en begrundelse for aflysningen."),
});

export const ZSupplement = z.strictObject({
  version: ZVersion,
  note: ZText(2000).min(5, "Skriv kort, hvad tillægsdagsordenen ændrer (mindst 5 tegn)."),
});

export const ZVersioned = z.strictObject({ version: ZVersion });

/** Where the body's chair approves the agenda before it is published (`bodies.agendaApproval`). */
export const ZAgendaApproval = z.object({
  required: z.boolean().describe("kræver forummet formandskabets godkendelse af dagsordenen"),
  requestedAt: ZTimestamp.nullable().describe("hvornår sekretariatet sendte dagsordenen til godkendelse"),
  approvedAt: ZTimestamp.nullable(),
  approvedBy: z.string().nullable().describe("hvem der godkendte, som navnet stod da"),
  returnComment: z
    .string()
    .nullable()
    .describe("formandskabets kommentar, da dagsordenen sidst blev sendt tilbage"),
  returnedAt: ZTimestamp.nullable(),
  block: z
    .enum(["not_requested", "waiting", "changed"])
    .nullable()
    .describe("hvorfor dagsordenen ikke kan offentliggøres endnu; null når den kan"),
});
export type TAgendaApproval = z.infer<typeof ZAgendaApproval>;

export const ZSendBack = z.strictObject({
  version: ZVersion,
  comment: ZText(4000).min(5, "Skriv, hvad sekretariatet skal rette (mindst 5 tegn)."),
});

export const ZAttendanceFields = {
  meetingId: ZId,
  personId: ZId,
  status: ZAttendanceStatus,
  substituteForId: ZId.nullable().optional(),
  guestItemIds: z.array(ZId).max(200).optional(),
  note: ZText(1000).nullable().optional(),
};

export const ZAttendance = z.object({
  ...ZRowMeta,
  meetingId: z.number().int(),
  personId: z.number().int(),
  status: ZAttendanceStatus,
  substituteForId: z.number().int().nullable(),
  guestItemIds: z.array(z.number().int()),
  note: z.string().nullable(),
});

export type TMeeting = z.infer<typeof ZMeeting>;
export type TMeetingInput = z.infer<z.ZodObject<typeof ZMeetingFields>>;
export type TAttendance = z.infer<typeof ZAttendance>;
export type TAttendanceInput = z.infer<z.ZodObject<typeof ZAttendanceFields>>;
