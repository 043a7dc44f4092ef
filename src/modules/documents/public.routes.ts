/**
 * Readable public addresses of the same files, for the web pages and for people who subscribe:
 * /moeder/12-ssu-2026-03-05/referat.pdf, /organer/3/kalender.ics, /nyt.atom ... The id may carry
 * the web pages' slug after it. Hidden from the API reference (they are the API's twins).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../server/errors.ts";
import { baseUrlOf, DOCUMENT_ROUTES, sendFile } from "./documents.routes.ts";
import { ZEdition, ZPlanFile } from "./documents.schemas.ts";
import { getMeetingDocument } from "./documents.service.ts";
import {
  documentFeed,
  meetingCalendar,
  meetingEvent,
  planCalendar,
  plannedMeetings,
} from "./feeds.service.ts";
import { planPdf } from "./plan.pdf.ts";

const ZSlugId = z
  .string()
  .regex(/^\d{1,9}(?:-[\p{L}\p{N}-]*)?$/u, "Ukendt adresse.")
  .transform((v) => Number.parseInt(v, 10));
const params = z.strictObject({ param: ZSlugId });
const ICS = "text/calendar; charset=utf-8";
const ATOM = "application/atom+xml; charset=utf-8";
const DANISH = { agenda: "dagsorden", minutes: "referat" } as const;

export async function publicDocumentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ db: app.database.db, actor: req.actor });
  const hide = { hide: true };

  for (const { kind, format } of DOCUMENT_ROUTES) {
    r.get(`/moeder/:param/${DANISH[kind]}.${format}`, {
      schema: { ...hide, params, querystring: z.strictObject({ edition: ZEdition }) },
      handler: async (req, reply) => {
        const doc = await getMeetingDocument(ctx(req), req.params.param, kind, req.query.edition, format);
        return sendFile(reply, {
          ...doc,
          isPublic: req.query.edition === "public" && doc.published !== null,
          etag: doc.published?.sha256,
        });
      },
    });
  }

  r.get("/moeder/:param/kalender.ics", {
    schema: { ...hide, params },
    handler: async (req, reply) => {
      const text = await meetingEvent(ctx(req), req.params.param, baseUrlOf(app, req));
      return sendFile(reply, {
        bytes: text,
        mimeType: ICS,
        fileName: `moede-${req.params.param}.ics`,
        isPublic: true,
      });
    },
  });

  r.get("/kalender.ics", {
    schema: hide,
    handler: async (req, reply) => {
      const text = await meetingCalendar(ctx(req), { baseUrl: baseUrlOf(app, req) });
      return sendFile(reply, { bytes: text, mimeType: ICS, fileName: "tvaers.ics", isPublic: true });
    },
  });

  r.get("/organer/:param/kalender.ics", {
    schema: { ...hide, params },
    handler: async (req, reply) => {
      const text = await meetingCalendar(ctx(req), {
        bodyId: req.params.param,
        baseUrl: baseUrlOf(app, req),
      });
      return sendFile(reply, {
        bytes: text,
        mimeType: ICS,
        fileName: `forum-${req.params.param}.ics`,
        isPublic: true,
      });
    },
  });

  r.get("/nyt.atom", {
    schema: hide,
    handler: async (req, reply) => {
      const baseUrl = baseUrlOf(app, req);
      const xml = await documentFeed(ctx(req), { baseUrl, selfUrl: `${baseUrl}/nyt.atom` });
      return sendFile(reply, { bytes: xml, mimeType: ATOM, fileName: "tvaers.atom", isPublic: true });
    },
  });

  r.get("/organer/:param/nyt.atom", {
    schema: { ...hide, params },
    handler: async (req, reply) => {
      const baseUrl = baseUrlOf(app, req);
      const selfUrl = `${baseUrl}/organer/${req.params.param}/nyt.atom`;
      const xml = await documentFeed(ctx(req), { bodyId: req.params.param, baseUrl, selfUrl });
      return sendFile(reply, { bytes: xml, mimeType: ATOM, fileName: "forum.atom", isPublic: true });
    },
  });

  r.get("/organer/:param/moedeplan/:file", {
    schema: { ...hide, params: z.strictObject({ param: ZSlugId, file: ZPlanFile }) },
    handler: async (req, reply) => {
      const { year, format } = req.params.file;
      if (format === "ics") {
        const text = await planCalendar(ctx(req), req.params.param, year, baseUrlOf(app, req));
        return sendFile(reply, {
          bytes: text,
          mimeType: ICS,
          fileName: `moedeplan-${year}.ics`,
          isPublic: true,
        });
      }
      const { body, rows } = await plannedMeetings(ctx(req), req.params.param, year);
      if (!body) {
        throw new AppError("not_found", "Forummet findes ikke.");
      }
      const bytes = await planPdf(body.name, year, rows);
      return sendFile(reply, {
        bytes,
        mimeType: "application/pdf",
        fileName: `moedeplan-${year}.pdf`,
        isPublic: true,
      });
    },
  });
}
