import { z } from "zod";
import { ZCaseHistoryEntry } from "./case-history.ts";

export const ZImportFormat = z.enum(["pdf", "docx", "html", "markdown", "text", "package"]);
export const ZImportKind = z.enum(["minutes", "agenda", "memo"]);

export const ZSectionKey = z.enum([
  "summary",
  "presentation",
  "economy",
  "coordination",
  "approvedBy",
  "municipalRemarks",
  "process",
  "previousDecisions",
  "decision",
]);

export const ZImportItem = z.object({
  number: z.number().int().nonnegative(),
  title: z.string(),
  access: z.enum(["open", "closed"]).nullable(),
  durationMinutes: z.number().int().positive().nullable(),
  caseNumbers: z.array(z.string()),
  sections: z.partialRecord(ZSectionKey, z.string().min(1)),
  recommendations: z.array(z.string()),
  otherSections: z.array(z.object({ heading: z.string(), text: z.string() })),
  absent: z.array(z.string()),
  attachments: z.array(z.string()),
  /** earlier handling of the same case by other meetings (FirstAgenda Sagsforløb, stacked decisions) */
  caseHistory: z.array(ZCaseHistoryEntry).optional(),
  /** a publication package's attachments with their own access and file in the package (issue 25.3) */
  packageAttachments: z
    .array(
      z.object({
        title: z.string(),
        access: z.enum(["open", "closed"]),
        file: z.string().max(1000).nullable(),
      }),
    )
    .optional(),
});

/** The dry-run JSON of FORMAT.md. */
export const ZImportResult = z.object({
  source: z.string(),
  format: ZImportFormat,
  kind: ZImportKind,
  body: z.string().nullable(),
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/)
    .nullable(),
  location: z.string().nullable(),
  caseNumbers: z.array(z.string()),
  items: z.array(ZImportItem),
  warnings: z.array(z.string()),
});

export type ImportFormat = z.infer<typeof ZImportFormat>;
export type ImportKind = z.infer<typeof ZImportKind>;
export type SectionKey = z.infer<typeof ZSectionKey>;
export type ImportItem = z.infer<typeof ZImportItem>;
export type ImportResult = z.infer<typeof ZImportResult>;

export interface ItemConfidence {
  number: number;
  title: number;
  access: number;
  sections: number;
  decision: number;
  absent: number;
}

/** How sure the importer is of each field (0..1), for a review screen. */
export interface ImportConfidence {
  /** that the document is an agenda or minutes at all (assess.ts) */
  document: number;
  body: number;
  start: number;
  location: number;
  items: ItemConfidence[];
}

export interface ParseInput {
  bytes: Uint8Array;
  fileName: string;
  /** Refuse larger inputs; default 50 MB. */
  maxBytes?: number;
  /** Give up after this long; default 30 s. */
  timeoutMs?: number;
}
