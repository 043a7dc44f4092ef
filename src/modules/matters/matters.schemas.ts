import { z } from "zod";
import { ZDateTimeInput, ZId, ZName, ZText } from "../../server/schemas.ts";
import { ACCESS } from "../meetings/items.tables.ts";
import {
  CHAIR_RULES,
  MATTER_ANSWERS,
  MATTER_AUDIENCES,
  MATTER_LINK_KINDS,
  MATTER_PROCEDURES,
  MATTER_RULES,
  MATTER_STATUSES,
} from "./matters.tables.ts";

/** The secretariat puts a matter to the chair group or to every member (written procedure). */
export const ZCreateMatter = z.strictObject({
  bodyId: ZId.describe("forummet, hvis formandskab eller medlemmer beslutter"),
  procedure: z
    .enum(MATTER_PROCEDURES)
    .describe("chair_decision (formandsbeslutning) eller written_procedure (skriftlig behandling)"),
  title: ZName,
  text: ZText(20_000).optional().describe("sagsfremstillingen (Markdown)"),
  question: ZText(4000).min(2, "Skriv, hvad der skal tages stilling til.").describe("det, der spørges om"),
  access: z.enum(ACCESS).optional().describe("closed: kun forummets medlemmer ser sagen"),
  linkKind: z.enum(MATTER_LINK_KINDS).nullable().optional().describe("hvad sagen afgør, hvis noget i Tværs"),
  linkId: ZId.nullable().optional(),
  rule: z.enum(MATTER_RULES).nullable().optional().describe("skriftlig behandling: reglen for udfaldet"),
  deadline: ZDateTimeInput.nullable().optional().describe("skriftlig behandling: svarfristen"),
  audience: z
    .enum(MATTER_AUDIENCES)
    .optional()
    .describe("skriftlig behandling: members (alle medlemmer) eller party_representatives (én pr. part)"),
});
export type TCreateMatter = z.infer<typeof ZCreateMatter>;

/** The chair's (or vice-chair's) decision. */
export const ZDecideMatter = z.strictObject({
  decision: z.enum(["approved", "approved_with_remark", "rejected"]),
  remark: ZText(4000).nullable().optional().describe("bemærkningen; skal udfyldes ved approved_with_remark"),
});
export type TDecideMatter = z.infer<typeof ZDecideMatter>;

/** A member's answer in written procedure. */
export const ZAnswerMatter = z.strictObject({
  answer: z.enum(MATTER_ANSWERS).describe("approve, reject eller remark (godkend med bemærkning)"),
  remark: ZText(4000).nullable().optional(),
});
export type TAnswerMatter = z.infer<typeof ZAnswerMatter>;

export const ZMatterAttachment = z.object({
  id: z.number().int(),
  title: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});

/** The body's rule for chair decisions. */
export const ZChairRule = z.strictObject({
  chairRule: z
    .enum(CHAIR_RULES)
    .describe("chair: formanden alene; any: formand eller næstformand; each: hvert medlem af formandskabet"),
});
export const ZChairRuleOut = ZChairRule.extend({ bodyId: z.number().int() });

export const ZMatter = z.object({
  id: z.number().int(),
  bodyId: z.number().int(),
  bodyName: z.string(),
  procedure: z.enum(MATTER_PROCEDURES),
  title: z.string(),
  text: z.string(),
  question: z.string(),
  access: z.enum(ACCESS),
  linkKind: z.enum(MATTER_LINK_KINDS).nullable(),
  linkId: z.number().int().nullable(),
  rule: z.enum(MATTER_RULES).nullable(),
  deadline: z.string().nullable(),
  status: z.enum(MATTER_STATUSES),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionRemark: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  reportedMeetingId: z.number().int().nullable().describe("mødet, hvis dagsorden orienterer om afgørelsen"),
  chairRule: z
    .enum(CHAIR_RULES)
    .describe("formandsbeslutning: chair (formanden), any (formand eller næstformand), each (hvert medlem)"),
  audience: z.enum(MATTER_AUDIENCES),
  attachments: z.array(ZMatterAttachment),
  /** what the reader may do now */
  canDecide: z.boolean(),
  canAnswer: z.boolean(),
  answers: z.array(
    z
      .object({
        personId: z.number().int(),
        name: z.string(),
        party: z.string().nullable().describe("sendt pr. part: den part, personen svarer for"),
        answer: z.enum(MATTER_ANSWERS).nullable().describe("null: har ikke svaret"),
        remark: z.string().nullable(),
        answeredAt: z.string().nullable(),
      })
      .describe(
        "skriftlig behandling: svarene; formandsbeslutning med reglen each: hvert medlems beslutning",
      ),
  ),
});
export type TMatter = z.infer<typeof ZMatter>;

export const ZMatterList = z.object({ items: z.array(ZMatter) });
