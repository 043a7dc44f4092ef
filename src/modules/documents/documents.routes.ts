import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { contentDisposition } from "../../server/download.ts";
import { ZIdParams } from "../../server/schemas.ts";
import type { DocKind } from "./document.model.ts";
import { ZEdition, ZPlanFile, ZPublishedDocument } from "./documents.schemas.ts";
import {
  type DocFormat,
  getMeetingDocument,
  getPublishedDocument,
  listMeetingDocuments,
} from "./documents.service.ts";
import {
  documentFeed,
  meetingCalendar,
  meetingEvent,
  planCalendar,
  plannedMeetings,
} from "./feeds.service.ts";
import { planPdf } from "./plan.pdf.ts";

const TAGS = ["Dokumenter og kalendere"];
const FILE = { 200: z.any().describe("filens bytes"), ...ERROR_RESPONSES };
const ICS = "text/calendar; charset=utf-8";
const ATOM = "application/atom+xml; charset=utf-8";

/** The site's origin for absolute links in calendars and feeds. */
export function baseUrlOf(app: FastifyInstance, req: FastifyRequest): string {
  return app.config.publicUrl ?? `${req.protocol}://${req.host}`;
}

/** Cache rules: a frozen version never changes (a year, immutable); a latest version may be replaced. */
function cacheControl(file: { isPublic: boolean; immutable?: boolean }): string {
  if (!file.isPublic) {
    return "private, no-store";
  }
  return file.immutable ? "public, max-age=31536000, immutable" : "public, max-age=300";
}

/**
 * Sends a file with its type, name and cache rules. A frozen file's ETag is its SHA-256; a request
 * that already holds it (If-None-Match) gets 304 without the bytes.
 */
export function sendFile(
  reply: FastifyReply,
  file: {
    bytes: Uint8Array | string;
    mimeType: string;
    fileName: string;
    isPublic: boolean;
    etag?: string | undefined;
    immutable?: boolean;
  },
) {
  reply
    .header("content-type", file.mimeType)
    .header(
      "content-disposition",
      contentDisposition(file.mimeType.includes("officedocument") ? "attachment" : "inline", file.fileName),
    )
    .header("x-content-type-options", "nosniff")
    .header("cache-control", cacheControl(file));
  if (file.etag) {
    const tag = `"${file.etag}"`;
    reply.header("etag", tag);
    const held = reply.request.headers["if-none-match"];
    if (held?.split(",").some((t) => t.trim() === tag || t.trim() === "*")) {
      return reply.code(304).send();
    }
  }
  const payload = typeof file.bytes === "string" ? file.bytes : Buffer.from(file.bytes);
  return reply.serializer((p: unknown) => p as string).send(payload);
}

export const DOCUMENT_ROUTES: Array<{ kind: DocKind; format: DocFormat }> = [
  { kind: "agenda", format: "pdf" },
  { kind: "agenda", format: "docx" },
  { kind: "minutes", format: "pdf" },
  { kind: "minutes", format: "docx" },
];

/** /api/v1 routes: meeting documents, published versions, calendars, feeds and meeting plans. */
export async function documentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ db: app.database.db, actor: req.actor });

  for (const { kind, format } of DOCUMENT_ROUTES) {
    r.get(`/meetings/:id/${kind}.${format}`, {
      schema: {
        tags: TAGS,
        summary: `${kind === "agenda" ? "Dagsordenen" : "Referatet"} som ${format.toUpperCase()} (offentlig eller fuld udgave)`,
        description:
          "Den offentlige udgave viser lukkede punkter kun med nummer. Den fulde udgave kræver medlemskab af forummet. Et offentliggjort dokument udleveres uændret (ETag er dets SHA-256).",
        params: ZIdParams,
        querystring: z.strictObject({ edition: ZEdition }),
        response: FILE,
      },
      handler: async (req, reply) => {
        const doc = await getMeetingDocument(ctx(req), req.params.id, kind, req.query.edition, format);
        return sendFile(reply, {
          ...doc,
          isPublic: req.query.edition === "public" && doc.published !== null,
          etag: doc.published?.sha256,
        });
      },
    });
  }

  r.get("/meetings/:id/documents", {
    schema: {
      tags: TAGS,
      summary: "Offentliggjorte versioner af mødets dagsorden og referat, med begrundelser for rettelser",
      params: ZIdParams,
      response: { 200: z.array(ZPublishedDocument), ...ERROR_RESPONSES },
    },
    handler: async (req) => listMeetingDocuments(ctx(req), req.params.id),
  });

  r.get("/documents/:id/content", {
    schema: {
      tags: TAGS,
      summary: "Hent en offentliggjort version (uændret)",
      params: ZIdParams,
      response: FILE,
    },
    handler: async (req, reply) => {
      const doc = await getPublishedDocument(ctx(req), req.params.id);
      return sendFile(reply, {
        ...doc,
        isPublic: doc.published?.edition === "public",
        etag: doc.published?.sha256,
        immutable: true,
      });
    },
  });

  r.get("/meetings/:id/event.ics", {
    schema: {
      tags: TAGS,
      summary: "Tilføj mødet til kalender (iCal med én begivenhed)",
      params: ZIdParams,
      response: FILE,
    },
    handler: async (req, reply) => {
      const text = await meetingEvent(ctx(req), req.params.id, baseUrlOf(app, req));
      return sendFile(reply, {
        bytes: text,
        mimeType: ICS,
        fileName: `moede-${req.params.id}.ics`,
        isPublic: true,
      });
    },
  });

  r.get("/calendar.ics", {
    schema: { tags: TAGS, summary: "Kalender med alle fora's møder (iCal)", response: FILE },
    handler: async (req, reply) => {
      const text = await meetingCalendar(ctx(req), { baseUrl: baseUrlOf(app, req) });
      return sendFile(reply, { bytes: text, mimeType: ICS, fileName: "tvaers.ics", isPublic: true });
    },
  });

  r.get("/bodies/:id/calendar.ics", {
    schema: { tags: TAGS, summary: "Forummets mødekalender (iCal)", params: ZIdParams, response: FILE },
    handler: async (req, reply) => {
      const text = await meetingCalendar(ctx(req), { bodyId: req.params.id, baseUrl: baseUrlOf(app, req) });
      return sendFile(reply, {
        bytes: text,
        mimeType: ICS,
        fileName: `forum-${req.params.id}.ics`,
        isPublic: true,
      });
    },
  });

  r.get("/feed.atom", {
    schema: { tags: TAGS, summary: "Nye dagsordener og referater fra alle fora (Atom)", response: FILE },
    handler: async (req, reply) => {
      const baseUrl = baseUrlOf(app, req);
      const xml = await documentFeed(ctx(req), { baseUrl, selfUrl: `${baseUrl}/api/v1/feed.atom` });
      return sendFile(reply, { bytes: xml, mimeType: ATOM, fileName: "tvaers.atom", isPublic: true });
    },
  });

  r.get("/bodies/:id/feed.atom", {
    schema: {
      tags: TAGS,
      summary: "Nye dagsordener og referater fra forummet (Atom)",
      params: ZIdParams,
      response: FILE,
    },
    handler: async (req, reply) => {
      const baseUrl = baseUrlOf(app, req);
      const selfUrl = `${baseUrl}/api/v1/bodies/${req.params.id}/feed.atom`;
      const xml = await documentFeed(ctx(req), { bodyId: req.params.id, baseUrl, selfUrl });
      return sendFile(reply, {
        bytes: xml,
        mimeType: ATOM,
        fileName: `forum-${req.params.id}.atom`,
        isPublic: true,
      });
    },
  });

  r.get("/bodies/:id/plan/:file", {
    schema: {
      tags: TAGS,
      summary: "Forummets mødeplan for et år: 2026.pdf eller 2026.ics",
      params: z.strictObject({ id: ZIdParams.shape.id, file: ZPlanFile }),
      response: FILE,
    },
    handler: async (req, reply) => {
      const { year, format } = req.params.file;
      if (format === "ics") {
        const text = await planCalendar(ctx(req), req.params.id, year, baseUrlOf(app, req));
        return sendFile(reply, {
          bytes: text,
          mimeType: ICS,
          fileName: `moedeplan-${year}.ics`,
          isPublic: true,
        });
      }
      const { body, rows } = await plannedMeetings(ctx(req), req.params.id, year);
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
