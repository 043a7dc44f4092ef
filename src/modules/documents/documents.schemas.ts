import { z } from "zod";
import { ZRowMeta } from "../../server/schemas.ts";
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, EDITIONS } from "./documents.tables.ts";

export const ZEdition = z
  .enum(EDITIONS, { error: "Udgaven skal være »public« (offentlig) eller »full« (fuld, kun for medlemmer)." })
  .default("public")
  .describe("public: lukkede punkter kun med nummer; full: alt, kræver medlemskab af forummet");

/** "2026.pdf" / "2026.ics" → year and format. */
export const ZPlanFile = z
  .string()
  .regex(/^\d{4}\.(?:pdf|ics)$/, "Skriv året og formatet, fx 2026.pdf eller 2026.ics.")
  .transform((v) => ({ year: Number(v.slice(0, 4)), format: v.slice(5) as "pdf" | "ics" }))
  .describe("ÅÅÅÅ.pdf eller ÅÅÅÅ.ics");

export const ZPublishedDocument = z.object({
  ...ZRowMeta,
  meetingId: z.number().int(),
  kind: z.enum(DOCUMENT_KINDS),
  edition: z.enum(EDITIONS),
  format: z.enum(DOCUMENT_FORMATS),
  number: z.number().int().describe("versionsnummer: 1 ved offentliggørelsen, +1 for hver rettelse"),
  sha256: z.string(),
  size: z.number().int(),
  reason: z.string().nullable().describe("begrundelsen for en rettelse; null for den første version"),
  url: z.string(),
});
