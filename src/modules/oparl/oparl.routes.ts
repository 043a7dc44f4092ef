import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, notFound } from "../../server/errors.ts";
import {
  findLocation,
  listAgendaItems,
  listConsultations,
  listFiles,
  listLocations,
  listMeetings,
  listMemberships,
  listOrganizations,
  listPapers,
  listPersons,
  type Page,
} from "./oparl.lists.ts";
import type { ListQuery } from "./oparl.query.ts";
import { deletedObjectAt, type OparlList, readObject } from "./oparl.read.ts";
import { findRegion, legislativeTerms, listRegions, meetingYears, regionObject } from "./oparl.service.ts";
import { OPARL_TYPE, OparlUrls } from "./oparl.urls.ts";

export const OPARL_PREFIX = "/oparl/v1.1";

const ZInstant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const ZListQuery = z.strictObject({
  created_since: ZInstant.optional(),
  created_until: ZInstant.optional(),
  modified_since: ZInstant.optional(),
  modified_until: ZInstant.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z
    .string()
    .regex(/^p?\d{1,10}$/, "Ugyldig side.")
    .optional(),
});
type TListQuery = z.infer<typeof ZListQuery>;

function urlsFor(app: FastifyInstance, req: FastifyRequest): OparlUrls {
  const site = app.config.publicUrl ?? `${req.protocol}://${req.host}`;
  return new OparlUrls(`${site}${OPARL_PREFIX}`, site);
}

function toListQuery(q: TListQuery): ListQuery {
  return {
    createdSince: q.created_since,
    createdUntil: q.created_until,
    modifiedSince: q.modified_since,
    modifiedUntil: q.modified_until,
    after: Number((q.after ?? "0").replace("p", "")) || 0,
    limit: q.limit,
  };
}

/** The OParl list shape, with the filters kept in the links. */
function listResponse(req: FastifyRequest, urls: OparlUrls, page: Page) {
  const self = new URL(`${urls.site}${req.url}`);
  self.searchParams.delete("after");
  const links: Record<string, string> = { first: self.toString() };
  if (page.next !== null) {
    const next = new URL(self);
    next.searchParams.set("after", page.next);
    links.next = next.toString();
  }
  return {
    data: page.data,
    pagination: { elementsPerPage: Number(self.searchParams.get("limit") ?? 100) },
    links,
  };
}

const ZAnyObject = z.record(z.string(), z.unknown()).describe("OParl 1.1-objekt");
const ZAnyList = z
  .object({
    data: z.array(ZAnyObject),
    pagination: z.record(z.string(), z.unknown()),
    links: z.record(z.string(), z.string()),
  })
  .describe("OParl 1.1-liste");

/** Read-only OParl 1.1 endpoints; public data only, whoever asks. */
export async function oparlRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["OParl 1.1"];

  r.get(OPARL_PREFIX, { schema: { tags, summary: "System", response: { 200: ZAnyObject } } }, async (req) => {
    const urls = urlsFor(app, req);
    return {
      id: urls.system(),
      type: OPARL_TYPE("System"),
      oparlVersion: "https://schema.oparl.org/1.1/",
      body: urls.bodyList(),
      name: "Tværs",
      website: urls.site,
      product: "https://github.com/tvaers/tvaers",
      web: urls.site,
    };
  });

  r.get(
    `${OPARL_PREFIX}/body`,
    { schema: { tags, summary: "Regioner (OParl Body)", response: { 200: ZAnyList } } },
    async (req) => {
      const urls = urlsFor(app, req);
      const regions = await listRegions(db());
      const data = await Promise.all(regions.map((region) => regionObject(db(), urls, region)));
      return listResponse(req, urls, { data, next: null });
    },
  );

  r.get(
    `${OPARL_PREFIX}/body/:slug`,
    {
      schema: {
        tags,
        summary: "Region",
        params: z.strictObject({ slug: z.string().max(100) }),
        response: { 200: ZAnyObject },
      },
    },
    async (req) => {
      const region = await findRegion(db(), req.params.slug);
      if (!region) {
        throw notFound("Regionen");
      }
      return regionObject(db(), urlsFor(app, req), region);
    },
  );

  const LISTS = [
    "organization",
    "person",
    "meeting",
    "paper",
    "agendaitem",
    "consultation",
    "file",
    "location",
    "legislativeterm",
    "membership",
  ] as const;
  r.get(
    `${OPARL_PREFIX}/body/:slug/:list`,
    {
      schema: {
        tags,
        summary: "Lister for en region",
        params: z.strictObject({ slug: z.string().max(100), list: z.enum(LISTS) }),
        querystring: ZListQuery,
        response: { 200: ZAnyList },
      },
    },
    async (req) => {
      const urls = urlsFor(app, req);
      const region = await findRegion(db(), req.params.slug);
      if (!region) {
        throw notFound("Regionen");
      }
      const q = toListQuery(req.query);
      const lists: Record<(typeof LISTS)[number], () => Promise<Page>> = {
        organization: () => listOrganizations(db(), urls, region, q, req.query.after ?? "0"),
        person: () => listPersons(db(), urls, region, q),
        meeting: () => listMeetings(db(), urls, { region }, q),
        paper: () => listPapers(db(), urls, region, q),
        consultation: () => listConsultations(db(), urls, { region }, q),
        agendaitem: () => listAgendaItems(db(), urls, region, q),
        file: () => listFiles(db(), urls, region, q),
        location: () => listLocations(db(), urls, region),
        legislativeterm: async () => ({
          data: legislativeTerms(urls, region, await meetingYears(db(), region)),
          next: null,
        }),
        membership: () => listMemberships(db(), urls, region, q),
      };
      return listResponse(req, urls, await lists[req.params.list]());
    },
  );

  r.get(
    `${OPARL_PREFIX}/organization/:id/:list`,
    {
      schema: {
        tags,
        summary: "Et forums møder eller høringer",
        params: z.strictObject({
          id: z.coerce.number().int().positive(),
          list: z.enum(["meeting", "consultation"]),
        }),
        querystring: ZListQuery,
        response: { 200: ZAnyList },
      },
    },
    async (req) => {
      const urls = urlsFor(app, req);
      const scope = { bodyId: req.params.id };
      const page: Page =
        req.params.list === "meeting"
          ? await listMeetings(db(), urls, scope, toListQuery(req.query))
          : await listConsultations(db(), urls, scope, toListQuery(req.query));
      return listResponse(req, urls, page);
    },
  );

  const OBJECTS: Record<string, OparlList> = {
    organization: "organization",
    person: "person",
    membership: "membership",
    meeting: "meeting",
    agendaitem: "agendaitem",
    file: "file",
    paper: "paper",
    consultation: "consultation",
  };
  r.get(
    `${OPARL_PREFIX}/:kind/:id`,
    {
      schema: {
        tags,
        summary: "Et enkelt objekt",
        params: z.strictObject({
          kind: z.enum([
            "paper",
            "consultation",
            "organization",
            "person",
            "membership",
            "meeting",
            "agendaitem",
            "file",
            "location",
            "legislativeterm",
          ]),
          id: z.string().max(120),
        }),
        response: { 200: ZAnyObject },
      },
    },
    async (req) => {
      const urls = urlsFor(app, req);
      const { kind, id } = req.params;
      if (kind === "location") {
        const location = await findLocation(db(), urls, id);
        if (!location) {
          throw notFound("Stedet");
        }
        return location;
      }
      if (kind === "legislativeterm") {
        const m = /^(.+)-(\d{4})$/.exec(id);
        const region = m?.[1] ? await findRegion(db(), m[1]) : undefined;
        const term = region
          ? legislativeTerms(urls, region, await meetingYears(db(), region)).find(
              (t) => t.id === urls.legislativeTerm(region.slug, Number(m?.[2])),
            )
          : undefined;
        if (!term) {
          throw notFound("Valgperioden");
        }
        return term;
      }
      const found = await readObject(db(), urls, OBJECTS[kind] as OparlList, id);
      if (found) {
        return found;
      }
      const tomb = await deletedObjectAt(db(), urls, OBJECTS[kind] as OparlList, id);
      if (tomb) {
        return tomb;
      }
      throw new AppError("not_found", "Objektet findes ikke, eller det er ikke offentligt.");
    },
  );
}
