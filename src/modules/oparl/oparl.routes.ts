import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, notFound } from "../../server/errors.ts";
import { readFileContent, sendOparlFile } from "./oparl.files.ts";
import { oparlHttp } from "./oparl.http.ts";
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
import { type ListQuery, matchesTimes } from "./oparl.query.ts";
import { deletedObjectAt, type OparlList, readObject } from "./oparl.read.ts";
import { findRegion, legislativeTerms, listRegions, regionObject } from "./oparl.service.ts";
import { OPARL_TYPE, OparlUrls } from "./oparl.urls.ts";

export const OPARL_PREFIX = "/oparl/v1.1";
const PRODUCT_URL = "https://github.com/tvaers/tvaers";

/** The largest page a client gets; a larger `limit` is cut to it (spec 2-05: the server may cap). */
export const MAX_LIMIT = 1000;
const ZInstant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
// Unknown parameters are ignored (z.object, not strictObject), as OParl clients send their own.
const ZListQuery = z.object({
  created_since: ZInstant.optional(),
  created_until: ZInstant.optional(),
  modified_since: ZInstant.optional(),
  modified_until: ZInstant.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .catch(100)
    .default(100)
    .transform((n) => Math.min(n, MAX_LIMIT)),
  after: z
    .string()
    .regex(/^p?\d{1,10}$/, "Ugyldig side.")
    .optional(),
  /** Everything here is public, so there is nothing internal to leave out: accepted and honoured trivially. */
  omit_internal: z.enum(["true", "false"]).optional(),
});
type TListQuery = z.infer<typeof ZListQuery>;

function urlsFor(app: FastifyInstance, req: FastifyRequest): OparlUrls {
  const site = app.config.publicUrl ?? `${req.protocol}://${req.host}`;
  return new OparlUrls(`${site}${OPARL_PREFIX}`, site);
}

/** `until` filters compare whole seconds, as the objects show them. */
const untilSecond = (d: Date | undefined) => (d ? new Date(d.getTime() + 999) : undefined);

function toListQuery(q: TListQuery): ListQuery {
  return {
    createdSince: q.created_since,
    createdUntil: untilSecond(q.created_until),
    modifiedSince: q.modified_since,
    modifiedUntil: untilSecond(q.modified_until),
    after: Number((q.after ?? "0").replace("p", "")) || 0,
    limit: q.limit,
  };
}

/** The OParl list shape, with the filters kept in the links. */
function listResponse(req: FastifyRequest, urls: OparlUrls, page: Page, limit = MAX_LIMIT) {
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
    pagination: { elementsPerPage: limit },
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
  oparlHttp(app, OPARL_PREFIX);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["OParl 1.1"];

  r.get(OPARL_PREFIX, { schema: { tags, summary: "System", response: { 200: ZAnyObject } } }, async (req) => {
    const urls = urlsFor(app, req);
    const out: Record<string, unknown> = {
      id: urls.system(),
      type: OPARL_TYPE("System"),
      oparlVersion: "https://schema.oparl.org/1.1/",
      body: urls.bodyList(),
      name: "Tværs",
      license: app.config.dataLicense,
      website: urls.site,
      // Tværs is open source: the project is both the product and its maker.
      vendor: PRODUCT_URL,
      product: PRODUCT_URL,
      web: urls.site,
    };
    if (app.config.contactEmail) {
      out.contactEmail = app.config.contactEmail;
    }
    return out;
  });

  const bodyInfo = () => ({ license: app.config.dataLicense, contactEmail: app.config.contactEmail });

  r.get(
    `${OPARL_PREFIX}/body`,
    {
      schema: {
        tags,
        summary: "Regioner (OParl Body)",
        querystring: ZListQuery,
        response: { 200: ZAnyList },
      },
    },
    async (req) => {
      const urls = urlsFor(app, req);
      const q = toListQuery(req.query);
      const regions = await listRegions(db());
      const all = await Promise.all(regions.map((region) => regionObject(db(), urls, region, bodyInfo())));
      const data = all.filter((b) =>
        matchesTimes(q, new Date(String(b.created)), new Date(String(b.modified))),
      );
      return listResponse(req, urls, { data, next: null }, q.limit);
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
      return regionObject(db(), urlsFor(app, req), region, bodyInfo());
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
        location: () => listLocations(db(), urls, region, q),
        legislativeterm: async () => {
          const terms = await legislativeTerms(db(), urls, region);
          const data = terms.filter((t) =>
            matchesTimes(q, new Date(String(t.created)), new Date(String(t.modified))),
          );
          return { data, next: null };
        },
        membership: () => listMemberships(db(), urls, region, q),
      };
      return listResponse(req, urls, await lists[req.params.list](), q.limit);
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
      const q = toListQuery(req.query);
      const page: Page =
        req.params.list === "meeting"
          ? await listMeetings(db(), urls, scope, q)
          : await listConsultations(db(), urls, scope, q);
      return listResponse(req, urls, page, q.limit);
    },
  );

  r.get(
    `${OPARL_PREFIX}/file/:key/:how`,
    {
      schema: {
        tags,
        summary: "En fils indhold: access viser den i browseren, download henter den",
        params: z.strictObject({
          key: z.string().max(40),
          how: z.enum(["access", "download"]),
        }),
        response: { 200: z.any().describe("filens bytes") },
      },
    },
    async (req, reply) => {
      const file = await readFileContent(db(), req.params.key);
      if (!file) {
        throw new AppError("not_found", "Filen findes ikke, eller den er ikke offentlig.");
      }
      return sendOparlFile(req, reply, file, req.params.how);
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
          ? (await legislativeTerms(db(), urls, region)).find(
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
