import { z } from "zod";
import { ZDate, ZId, ZRowMeta } from "../../server/schemas.ts";
import { MAX_QUERY_LENGTH } from "./query.ts";
import { MAX_PER_PAGE } from "./search.service.ts";
import { SOURCES } from "./search.sql.ts";

export const ZSearchKind = z.enum(["decision", "discussion", "orientation", "standard"]);
export const ZSearchOutcome = z.enum([
  "approved",
  "approved_with_remarks",
  "not_approved",
  "noted",
  "discussed",
  "postponed",
]);

/** "item,attachment" → ["item", "attachment"]; each must be a known type. */
const ZTypes = z
  .string()
  .max(100)
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(SOURCES, { message: `Typen skal være en af: ${SOURCES.join(", ")}.` })))
  .describe(`kommasepareret: ${SOURCES.join(", ")}`);

/** The filters a search, a feed and a saved search share. */
export const ZSearchFilters = {
  bodyId: ZId.optional().describe("forum"),
  region: z.string().trim().min(1).max(100).optional(),
  cluster: z.string().trim().min(1).max(100).optional().describe("sundhedsklynge"),
  partyId: ZId.optional().describe("part (forummer hvor parten er repræsenteret, og dens personer)"),
  from: ZDate.optional().describe("mødedato fra og med, YYYY-MM-DD"),
  to: ZDate.optional().describe("mødedato til og med, YYYY-MM-DD"),
  kind: ZSearchKind.optional().describe("punktets art"),
  outcome: ZSearchOutcome.optional().describe(
    "beslutningens udfald (kun hvor referatet er offentligt for dig)",
  ),
  type: ZTypes.optional(),
  withPredecessors: z
    .enum(["1", "true", "0", "false"])
    .transform((v) => v === "1" || v === "true")
    .optional()
    .describe("med forgængere: med bodyId også de nedlagte fora, forummet viderefører (1/0)"),
};

export const ZQueryText = z
  .string()
  .max(MAX_QUERY_LENGTH, `Søgningen må højst være ${MAX_QUERY_LENGTH} tegn.`)
  .describe('ord, "frase", -udeluk, præfiks*');

export const ZSearchQuery = z
  .strictObject({
    q: ZQueryText.optional(),
    ...ZSearchFilters,
    page: z.coerce.number().int().min(1).max(1000).optional(),
    perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).optional(),
    sort: z.enum(["relevance", "date"]).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: "Fra-datoen ligger efter til-datoen.",
    path: ["to"],
  });

const ZFacet = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const ZSearchResult = z.object({
  total: z.number().int().describe("matches, counted up to 1,050"),
  totalExact: z
    .boolean()
    .describe(
      "false: at least `total` (1,050) matches; ranking, date order and facets considered the newest 1,050",
    ),
  page: z.number().int(),
  perPage: z.number().int(),
  hits: z.array(
    z.object({
      id: z.number().int(),
      source: z.enum(SOURCES),
      sourceId: z.number().int(),
      itemId: z.number().int().nullable(),
      meetingId: z.number().int().nullable(),
      bodyId: z.number().int().nullable(),
      bodyName: z.string().nullable(),
      itemNumber: z.number().int().nullable(),
      date: z.string().nullable(),
      kind: z.string().nullable(),
      outcome: z.string().nullable(),
      title: z.string(),
      score: z.number(),
      snippet: z.string().nullable().describe("HTML: escaped text, <mark> around matches"),
      url: z.string(),
    }),
  ),
  facets: z.object({
    body: z.array(ZFacet),
    year: z.array(ZFacet),
    kind: z.array(ZFacet),
    outcome: z.array(ZFacet),
    type: z.array(ZFacet),
  }),
});

/** Filters as stored with a saved search (the same as the query string, type as a list). */
export const ZSavedFilters = z.strictObject({
  bodyId: ZId.optional(),
  region: ZSearchFilters.region,
  cluster: ZSearchFilters.cluster,
  partyId: ZId.optional(),
  from: ZSearchFilters.from,
  to: ZSearchFilters.to,
  kind: ZSearchFilters.kind,
  outcome: ZSearchFilters.outcome,
  type: z.array(z.enum(SOURCES)).optional(),
});

export const ZSavedSearchFields = {
  name: z.string().trim().min(1, "Skal udfyldes.").max(200, "Højst 200 tegn."),
  query: ZQueryText,
  filters: ZSavedFilters.optional(),
  emailAlerts: z.boolean().optional(),
};

export const ZSavedSearch = z.object({
  ...ZRowMeta,
  name: z.string(),
  query: z.string(),
  filters: ZSavedFilters,
  emailAlerts: z.boolean(),
  lastSentAt: z.string().nullable(),
  feedUrl: z.string().describe("Atom-feed med nyt offentligt materiale, der matcher søgningen"),
});
export type TSavedSearch = z.infer<typeof ZSavedSearch>;
export type TSavedFilters = z.infer<typeof ZSavedFilters>;
