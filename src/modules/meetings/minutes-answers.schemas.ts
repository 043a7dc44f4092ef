import { z } from "zod";
import { ZId, ZText } from "../../server/schemas.ts";
import { MINUTES_APPROVAL_RULES } from "../bodies/bodies.tables.ts";
import { MINUTES_ANSWERS } from "./minutes-answers.tables.ts";

/** A member's answer to draft minutes (API and the minutes page's forms). */
export const ZMinutesAnswerInput = z.strictObject({
  answer: z.enum(MINUTES_ANSWERS).describe("approve (Godkend referatet) eller remark (Bemærkning)"),
  remark: ZText(4000).nullable().optional().describe("bemærkningen; skal udfyldes ved remark"),
});

/** The secretariat's reply to a member's remark. */
export const ZMinutesRemarkReply = z.strictObject({
  personId: ZId.describe("personen, hvis bemærkning besvares"),
  reply: ZText(4000).min(2, "Skriv sekretariatets svar på bemærkningen."),
});

export const ZMinutesRound = z.object({
  meetingId: z.number().int(),
  rule: z.enum(MINUTES_APPROVAL_RULES),
  days: z.number().int(),
  draftedAt: z.string().nullable(),
  deadline: z.string().nullable().describe("fristen for medlemmernes svar"),
  open: z.boolean().describe("medlemmerne kan svare nu"),
  you: z.number().int().nullable().describe("læserens person, når læseren er blandt dem, der svarer"),
  block: z
    .enum(["chair_rule", "open_remark", "waiting"])
    .nullable()
    .describe("hvorfor referatet ikke er godkendt endnu (null: reglen er opfyldt eller runden er slut)"),
  answers: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      member: z.boolean().describe("skal svare (aktivt medlem i dag)"),
      answer: z.enum(MINUTES_ANSWERS).nullable().describe("null: har ikke svaret"),
      remark: z.string().nullable(),
      answeredAt: z.string().nullable(),
      reply: z.string().nullable(),
      repliedAt: z.string().nullable(),
      repliedBy: z.string().nullable(),
    }),
  ),
});

export const ZMinutesAnswerResult = z.object({
  approved: z.boolean().describe("referatet blev godkendt ved dette svar"),
  round: ZMinutesRound,
});
