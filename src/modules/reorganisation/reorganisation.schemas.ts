import { z } from "zod";
import { ZDate, ZId, ZName, ZText } from "../../server/schemas.ts";
import {
  REORGANISATION_KINDS,
  REORGANISATION_STATUSES,
  STRUCTURE_NODE_KINDS,
} from "./reorganisation.tables.ts";

export const ZNodeKind = z.enum(STRUCTURE_NODE_KINDS);
export const ZNode = z.strictObject({ kind: ZNodeKind, id: ZId });

/** One predecessor and its successors; the first successor receives what moves. */
export const ZLink = z.strictObject({
  predecessor: ZNode,
  successors: z.array(ZNode).max(20, "Højst 20 efterfølgere."),
});

/** For a predecessor with several successors: which one receives this row (otherwise the first). */
export const ZAssignment = z.strictObject({
  row: z
    .string()
    .regex(/^[a-z_]{1,40}:\d{1,10}$/, "Ukendt række.")
    .describe('rækken, som forhåndsvisningen nævner den under "assignable", fx "action:12"'),
  to: ZNode,
});
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZReorganisationInput = z.strictObject({
  kind: z.enum(REORGANISATION_KINDS).describe("merge, split, rename, close, succession"),
  title: ZName,
  note: ZText(5000).nullable().optional(),
  effectiveDate: ZDate.describe("første dag i den nye struktur; forgængerne nedlægges dagen før"),
  links: z.array(ZLink).min(1, "Vælg mindst ét forum eller én part.").max(50, "Højst 50 forgængere."),
  assignments: z
    .array(ZAssignment)
    .max(5000, "Højst 5000 fordelinger.")
    .optional()
    .describe("ved flere efterfølgere: hvilken efterfølger en række går til (ellers den første)"),
});
export type TReorganisationInput = z.infer<typeof ZReorganisationInput>;

/** Carrying out repeats the input with the digest of the preview the admin saw. */
export const ZCarryOut = ZReorganisationInput.extend({
  previewDigest: z.string().regex(/^[0-9a-f]{64}$/, "Forhåndsvisningens kontrolsum mangler."),
});

export const ZMove = z.object({
  section: z.string(),
  entity: z.string(),
  id: z.number().int(),
  column: z.string(),
  from: z.union([z.number(), z.string(), z.null()]),
  to: z.union([z.number(), z.string(), z.null()]),
  label: z.string(),
  detail: z.string().nullable(),
});
export type TMove = z.infer<typeof ZMove>;

const ZNamed = z.object({ kind: ZNodeKind, id: z.number().int(), name: z.string() });

export const ZPreview = z.object({
  kind: z.enum(REORGANISATION_KINDS),
  title: z.string(),
  effectiveDate: z.string(),
  lastDay: z.string().describe("forgængernes sidste dag"),
  nodes: z.array(z.object({ predecessor: ZNamed, receiver: ZNamed.nullable(), successors: z.array(ZNamed) })),
  moves: z.array(ZMove),
  assignable: z
    .array(
      z.object({
        row: z.string().describe('fx "action:12"; bruges i assignments'),
        section: z.string(),
        label: z.string(),
        predecessor: ZNamed,
        successors: z.array(ZNamed),
        to: ZNamed.describe("den efterfølger, rækken går til nu"),
      }),
    )
    .describe("rækker, der kan fordeles, når en forgænger har flere efterfølgere"),
  stays: z.array(z.object({ section: z.string(), label: z.string(), reason: z.string() })),
  money: z.object({
    funds: z.array(
      z.object({ fundId: z.number().int(), name: z.string(), remainingOre: z.string(), to: z.string() }),
    ),
    totalBeforeOre: z.string().describe("forgængernes og efterfølgernes puljer før, i øre"),
    totalAfterOre: z.string().describe("de samme puljer efter, i øre (altid lig med før)"),
  }),
  peopleWithoutBody: z.array(z.object({ id: z.number().int(), name: z.string() })),
  digest: z.string().describe("kontrolsum; sendes med, når ændringen gennemføres"),
});
export type TPreview = z.infer<typeof ZPreview>;

export const ZReorganisation = z.object({
  id: z.number().int(),
  kind: z.enum(REORGANISATION_KINDS),
  title: z.string(),
  note: z.string().nullable(),
  effectiveDate: z.string(),
  status: z.enum(REORGANISATION_STATUSES),
  undoable: z.boolean().describe("kan fortrydes (før ikrafttrædelsesdagen)"),
  summary: z.record(z.string(), z.unknown()),
  moves: z.number().int().describe("antal flyttede rækker"),
  successions: z.array(z.object({ predecessor: ZNamed, successor: ZNamed })),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type TReorganisation = z.infer<typeof ZReorganisation>;
