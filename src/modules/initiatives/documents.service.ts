import { and, asc, eq } from "drizzle-orm";
import { deleteVersioned, getById } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize } from "../auth/index.ts";
import { readFile, storeFile } from "../files/index.ts";
// A pure check with no imports of its own; the workspace's attachment form uses the same one.
import { checkUpload } from "../workspace/upload.ts";
import type { TDocumentLinkInput, TInitiativeDocument } from "./documents.schemas.ts";
import { type InitiativeRow, mayEdit } from "./initiatives.service.ts";
import { initiativeDocuments, initiatives } from "./initiatives.tables.ts";

type DocumentRow = typeof initiativeDocuments.$inferSelect;
const WHAT = "Dokumentet";

const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }]);

export function presentDocument(row: DocumentRow): TInitiativeDocument {
  const file = row.sha256 !== null;
  return {
    ...presentMeta(row),
    initiativeId: row.initiativeId,
    title: row.title,
    kind: file ? "file" : "link",
    url: row.url,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    contentUrl: file ? `/api/v1/initiatives/${row.initiativeId}/documents/${row.id}/content` : null,
  };
}

/** The initiative (404 when unknown); for a change, only its owner body's secretariat or an admin. */
async function initiativeFor(ctx: Ctx, initiativeId: number, change: boolean): Promise<InitiativeRow> {
  const row = await getById<InitiativeRow>(ctx.db, initiatives, initiativeId, "Indsatsen");
  if (change) {
    authorize(
      ctx.actor,
      mayEdit(ctx, row.ownerBodyId),
      "Kun det ejende forums sekretariat kan ændre indsatsens dokumenter.",
    );
  }
  return row;
}

async function documentOf(ctx: Ctx, initiativeId: number, documentId: number): Promise<DocumentRow> {
  const [row] = await ctx.db
    .select()
    .from(initiativeDocuments)
    .where(and(eq(initiativeDocuments.id, documentId), eq(initiativeDocuments.initiativeId, initiativeId)));
  if (!row) {
    throw notFound(WHAT);
  }
  return row;
}

/** An initiative's documents, oldest first. Public, as the initiative is. */
export async function listDocuments(ctx: Ctx, initiativeId: number): Promise<TInitiativeDocument[]> {
  await initiativeFor(ctx, initiativeId, false);
  const rows = await ctx.db
    .select()
    .from(initiativeDocuments)
    .where(eq(initiativeDocuments.initiativeId, initiativeId))
    .orderBy(asc(initiativeDocuments.id));
  return rows.map(presentDocument);
}

/** Adds a link (the address is checked by the schema: http/https or a page of Tværs). */
export async function addLinkDocument(
  ctx: Ctx,
  initiativeId: number,
  input: TDocumentLinkInput,
): Promise<TInitiativeDocument> {
  await initiativeFor(ctx, initiativeId, true);
  const [row] = await ctx.db
    .insert(initiativeDocuments)
    .values({ initiativeId, title: input.title, url: input.url })
    .returning();
  return presentDocument(row as DocumentRow);
}

/**
 * Adds an uploaded file: the name's extension must be an allowed type and the first bytes must confirm
 * it (workspace/upload.ts), within the size limit; the bytes go to the content-addressed file store.
 */
export async function addFileDocument(
  ctx: Ctx,
  initiativeId: number,
  input: {
    title?: string | undefined;
    fileName: string;
    bytes: Uint8Array;
    truncated?: boolean;
    maxBytes: number;
  },
): Promise<TInitiativeDocument> {
  await initiativeFor(ctx, initiativeId, true);
  const fileName = input.fileName
    .trim()
    .replace(/^.*[\\/]/, "")
    .slice(0, 255);
  const check = checkUpload(fileName, input.bytes, input.truncated ?? false, input.maxBytes);
  if (!check.ok) {
    throw new AppError(
      check.error.startsWith("Filen er for stor") ? "payload_too_large" : "validation_failed",
      check.error,
      [{ path: "file", message: check.error }],
    );
  }
  const title = (input.title ?? "").trim() || fileName.replace(/\.[^.]+$/, "");
  if (title.length > 300) {
    throw invalid("title", "Højst 300 tegn.");
  }
  const stored = await storeFile(ctx.db, input.bytes);
  const [row] = await ctx.db
    .insert(initiativeDocuments)
    .values({
      initiativeId,
      title,
      sha256: stored.sha256,
      fileName: check.fileName,
      mimeType: check.mimeType,
      size: stored.size,
    })
    .returning();
  return presentDocument(row as DocumentRow);
}

/** Removes a document (the stored bytes stay: the file store is shared and content-addressed). */
export async function removeDocument(
  ctx: Ctx,
  initiativeId: number,
  documentId: number,
  version: number | undefined,
): Promise<void> {
  await initiativeFor(ctx, initiativeId, true);
  await documentOf(ctx, initiativeId, documentId);
  await deleteVersioned(ctx.db, initiativeDocuments, documentId, version, WHAT);
}

/** The bytes of a document that is a file; 404 for a link. */
export async function readDocumentFile(ctx: Ctx, initiativeId: number, documentId: number) {
  await initiativeFor(ctx, initiativeId, false);
  const row = await documentOf(ctx, initiativeId, documentId);
  const bytes = row.sha256 ? await readFile(ctx.db, row.sha256) : null;
  if (!bytes) {
    throw new AppError("not_found", "Dokumentet er et link og har ingen fil i Tværs.");
  }
  return {
    bytes,
    mimeType: row.mimeType ?? "application/octet-stream",
    fileName: row.fileName ?? `dokument-${row.id}`,
  };
}
