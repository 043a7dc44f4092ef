import { createHash } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { canReadClosed, SYSTEM_ACTOR } from "../auth/index.ts";
import { getBody } from "../bodies/index.ts";
import { readFile, storeFile } from "../files/index.ts";
import { getMeetingRow } from "../meetings/index.ts";
import { isoDay, slug } from "./danish.ts";
import { documentDocx } from "./document.docx.ts";
import {
  checkDocumentAccess,
  type DocKind,
  type DocModel,
  type Edition,
  isPublic,
  loadDocumentModel,
} from "./document.model.ts";
import { documentPdf } from "./document.pdf.ts";
import {
  DOCUMENT_FORMATS,
  EDITIONS,
  publishedDocumentModels,
  publishedDocuments,
} from "./documents.tables.ts";
import { encodeModel } from "./redaction.ts";

export type DocFormat = (typeof DOCUMENT_FORMATS)[number];
type PublishedRow = typeof publishedDocuments.$inferSelect;

export const MIME: Record<DocFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export interface ServedDocument {
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
  /** the frozen version served, or null when built from the current data (not published yet) */
  published: { number: number; sha256: string; createdAt: Date; edition: Edition } | null;
}

/** "referat-ssu-2025-03-06-offentlig.pdf" */
function fileName(kind: DocKind, bodyName: string, start: Date, edition: Edition, format: DocFormat): string {
  const what = kind === "agenda" ? "dagsorden" : "referat";
  return `${what}-${slug(bodyName)}-${isoDay(start)}${edition === "public" ? "-offentlig" : ""}.${format}`;
}

/** Builds one edition of a document from the current data. */
export async function buildDocument(
  ctx: Ctx,
  meetingId: number,
  kind: DocKind,
  edition: Edition,
  format: DocFormat,
) {
  return (await buildWithHash(ctx, meetingId, kind, edition, format)).bytes;
}

/** The file and a hash of the data it shows, so an unchanged document is not published again. */
async function buildWithHash(
  ctx: Ctx,
  meetingId: number,
  kind: DocKind,
  edition: Edition,
  format: DocFormat,
) {
  const model = await loadDocumentModel(ctx, meetingId, kind, edition);
  const bytes = format === "pdf" ? await documentPdf(model) : await documentDocx(model);
  const contentHash = createHash("sha256").update(JSON.stringify(model)).digest("hex");
  return { bytes, contentHash, model };
}

async function latestPublished(
  ctx: Ctx,
  meetingId: number,
  kind: DocKind,
  edition: Edition,
  format: DocFormat,
) {
  const [row] = await ctx.db
    .select()
    .from(publishedDocuments)
    .where(
      and(
        eq(publishedDocuments.meetingId, meetingId),
        eq(publishedDocuments.kind, kind),
        eq(publishedDocuments.edition, edition),
        eq(publishedDocuments.format, format),
      ),
    )
    .orderBy(desc(publishedDocuments.number))
    .limit(1);
  return row ?? null;
}

/**
 * A meeting's agenda or minutes for the reader: the frozen file once one is published (the very bytes
 * published, checked against their hash), else built from the current data (drafts, for members).
 */
export async function getMeetingDocument(
  ctx: Ctx,
  meetingId: number,
  kind: DocKind,
  edition: Edition,
  format: DocFormat,
): Promise<ServedDocument> {
  const meeting = await getMeetingRow(ctx.db, meetingId);
  checkDocumentAccess(ctx, meeting, kind, edition);
  const body = await getBody(ctx, meeting.bodyId);
  const name = fileName(kind, body.shortName ?? body.name, meeting.start, edition, format);
  const frozen = isPublic(kind, meeting.status)
    ? await latestPublished(ctx, meetingId, kind, edition, format)
    : null;
  if (frozen) {
    return {
      bytes: await frozenBytes(ctx, frozen),
      mimeType: MIME[format],
      fileName: name,
      published: frozen,
    };
  }
  return {
    bytes: await buildDocument(ctx, meetingId, kind, edition, format),
    mimeType: MIME[format],
    fileName: name,
    published: null,
  };
}

async function frozenBytes(ctx: Ctx, row: PublishedRow): Promise<Uint8Array> {
  const bytes = await readFile(ctx.db, row.sha256);
  if (!bytes) {
    throw new AppError("internal", "Det offentliggjorte dokument mangler i fillageret.");
  }
  return bytes;
}

/** One rendered edition, ready to be frozen. */
export interface RenderedEdition {
  edition: Edition;
  format: DocFormat;
  bytes: Uint8Array;
  contentHash: string;
  /** what was rendered: kept with the frozen edition so that a removal of personal data can render it again */
  model: DocModel;
}

/**
 * Renders the agenda or minutes in both editions and formats from the current data. The full edition
 * is rendered as the system: who pressed the button must not change what is frozen.
 */
export async function renderEditions(ctx: Ctx, meetingId: number, kind: DocKind): Promise<RenderedEdition[]> {
  const system: Ctx = { db: ctx.db, actor: SYSTEM_ACTOR };
  const out: RenderedEdition[] = [];
  for (const edition of EDITIONS) {
    for (const format of DOCUMENT_FORMATS) {
      const { bytes, contentHash, model } = await buildWithHash(system, meetingId, kind, edition, format);
      out.push({ edition, format, bytes, contentHash, model });
    }
  }
  return out;
}

/**
 * Freezes rendered editions: stored by hash, numbered after the earlier versions; a version identical
 * to the latest is not stored again. Returns how many were stored. Runs in the caller's transaction.
 */
export async function freezeEditions(
  ctx: Ctx,
  meetingId: number,
  kind: DocKind,
  rendered: RenderedEdition[],
  reasons: Record<Edition, string | null>,
  userId: number | null,
): Promise<number> {
  let stored = 0;
  for (const { edition, format, bytes, contentHash, model } of rendered) {
    const latest = await latestPublished(ctx, meetingId, kind, edition, format);
    if (latest?.contentHash === contentHash) {
      continue;
    }
    const file = await storeFile(ctx.db, bytes);
    const [row] = await ctx.db
      .insert(publishedDocuments)
      .values({
        meetingId,
        kind,
        edition,
        format,
        number: (latest?.number ?? 0) + 1,
        sha256: file.sha256,
        size: file.size,
        contentHash,
        reason: latest ? (reasons[edition] ?? "Offentliggjort igen.") : reasons[edition],
        userId,
      })
      .returning({ id: publishedDocuments.id });
    if (row) {
      await ctx.db.insert(publishedDocumentModels).values({ id: row.id, model: encodeModel(model) });
    }
    stored++;
  }
  return stored;
}

function presentPublished(row: PublishedRow) {
  return {
    ...presentMeta(row),
    meetingId: row.meetingId,
    kind: row.kind,
    edition: row.edition,
    format: row.format,
    number: row.number,
    sha256: row.sha256,
    size: row.size,
    reason: row.reason,
    url: `/api/v1/documents/${row.id}/content`,
  };
}

function mayRead(ctx: Ctx, meeting: { bodyId: number; status: string }, row: PublishedRow): boolean {
  const member = canReadClosed(ctx.actor, meeting.bodyId);
  return member || (row.edition === "public" && isPublic(row.kind, meeting.status));
}

/** The published versions of a meeting's documents the reader may see, newest first, with their reasons. */
export async function listMeetingDocuments(ctx: Ctx, meetingId: number) {
  const meeting = await getMeetingRow(ctx.db, meetingId);
  const rows = await ctx.db
    .select()
    .from(publishedDocuments)
    .where(eq(publishedDocuments.meetingId, meetingId))
    .orderBy(desc(publishedDocuments.id));
  return rows.filter((r) => mayRead(ctx, meeting, r)).map(presentPublished);
}

/** One published version's file; 404 when the reader may not see it (so a full edition's existence stays hidden). */
export async function getPublishedDocument(ctx: Ctx, id: number): Promise<ServedDocument> {
  const [row] = await ctx.db.select().from(publishedDocuments).where(eq(publishedDocuments.id, id));
  if (!row) {
    throw notFound("Dokumentet");
  }
  const meeting = await getMeetingRow(ctx.db, row.meetingId);
  if (!mayRead(ctx, meeting, row)) {
    throw notFound("Dokumentet");
  }
  const body = await getBody(ctx, meeting.bodyId);
  const base = fileName(row.kind, body.shortName ?? body.name, meeting.start, row.edition, row.format);
  return {
    bytes: await frozenBytes(ctx, row),
    mimeType: MIME[row.format],
    fileName: base.replace(/\.(pdf|docx)$/, `-v${row.number}.$1`),
    published: row,
  };
}

/** Latest publication time per meeting and kind (public edition), for the feeds. */
export async function publicationTimes(ctx: Ctx, meetingIds: number[]) {
  const times = new Map<string, Date>();
  if (meetingIds.length === 0) {
    return times;
  }
  const rows = await ctx.db
    .select({
      meetingId: publishedDocuments.meetingId,
      kind: publishedDocuments.kind,
      at: publishedDocuments.createdAt,
    })
    .from(publishedDocuments)
    .where(and(inArray(publishedDocuments.meetingId, meetingIds), eq(publishedDocuments.edition, "public")));
  for (const r of rows) {
    const key = `${r.meetingId}:${r.kind}`;
    const seen = times.get(key);
    if (!seen || seen < r.at) {
      times.set(key, r.at);
    }
  }
  return times;
}
