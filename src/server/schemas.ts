import { z } from "zod";
import { parseDate, parseDateTime } from "../lib/time.ts";

z.config(z.locales.da());

/** Shared building blocks for every module's Zod schemas. */
export const ZId = z.coerce.number().int().positive().max(2_147_483_647);
/**
 * A route's `:id`. Not strict: the router hands over exactly the route's own parameters, so there are
 * no unknown keys to refuse, and the check of every key showed in a cached read (bench/api.bench.ts).
 */
export const ZIdParams = z.object({ id: ZId });
export const ZVersion = z
  .number()
  .int()
  .positive()
  .describe("versionen du har læst; ændret af andre giver 409");

export const ZText = (max: number) => z.string().trim().max(max, `Højst ${max} tegn.`);
export const ZName = z.string().trim().min(1, "Skal udfyldes.").max(300, "Højst 300 tegn.");
export const ZMarkdown = z.string().max(200_000, "Højst 200.000 tegn.");

export const ZDate = z
  .string()
  .refine((v) => parseDate(v) !== null, "Ugyldig dato; skriv ÅÅÅÅ-MM-DD med en dato, der findes.")
  .describe("YYYY-MM-DD");

/** Input: Danish local "YYYY-MM-DDTHH:mm" or an ISO instant; becomes a Date. */
export const ZDateTimeInput = z
  .string()
  .refine(
    (v) => parseDateTime(v) !== null,
    "Ugyldigt tidspunkt; skriv ÅÅÅÅ-MM-DDTTT:MM (dansk tid) med en dato, der findes.",
  )
  .transform((v) => parseDateTime(v) as Date)
  .describe("Dansk lokal tid YYYY-MM-DDTHH:mm eller ISO 8601 med tidszone");

export const ZTimestamp = z.iso.datetime().describe("ISO 8601, UTC");

export const ZRowMeta = {
  id: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
};

export const ZPageQuery = {
  limit: z.coerce.number().int().min(1).max(200).optional().describe("højst 200; standard 50"),
  cursor: z.string().max(500).optional().describe("nextCursor fra forrige side"),
};

export const ZDeleteQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

/** The one error shape of the API. */
export const ZError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe("Fejl");

/** A page of results. */
export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Dates leave the server as ISO strings. */
export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** Presents the meta columns every row has. */
export function presentMeta(row: { id: number; createdAt: Date; updatedAt: Date; version: number }) {
  return { id: row.id, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt), version: row.version };
}
