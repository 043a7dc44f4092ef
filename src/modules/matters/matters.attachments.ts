/**
 * Files the secretariat attaches to a matter (issue 21): the uploads' allow-list and size limit as
 * everywhere (files module), bytes in the content-addressed file store; read exactly by those who may read
 * the matter — a closed matter's files are closed too (404 to anyone else).
 */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { authorize } from "../auth/index.ts";
import { ALLOWED_TYPES_DA, classifyUpload, readFile, storeFile } from "../files/index.ts";
import { canPutMatter, canReadMatter } from "./matters.access.ts";
import { matterAttachments, matters } from "./matters.tables.ts";

export interface TMatterAttachment {
  id: number;
  title: string;
  fileName: string;
  mimeType: string;
  size: number;
  createdAt: string;
}

const present = (a: typeof matterAttachments.$inferSelect): TMatterAttachment => ({
  id: a.id,
  title: a.title,
  fileName: a.fileName,
  mimeType: a.mimeType,
  size: a.size,
  createdAt: a.createdAt.toISOString(),
});

/** The matter's files, oldest first (for a reader already allowed to see the matter). */
export async function listAttachmentsOf(db: DbOrTx, matterId: number): Promise<TMatterAttachment[]> {
  const rows = await db
    .select()
    .from(matterAttachments)
    .where(eq(matterAttachments.matterId, matterId))
    .orderBy(asc(matterAttachments.id));
  return rows.map(present);
}

async function matterFor(ctx: Ctx, matterId: number) {
  const [m] = await ctx.db.select().from(matters).where(eq(matters.id, matterId));
  if (!m || !canReadMatter(ctx.actor, m)) {
    throw notFound("Sagen");
  }
  return m;
}

const refuse = (message: string, code: "validation_failed" | "payload_too_large" = "validation_failed") =>
  new AppError(code, message, [{ path: "file", message }]);

/** The secretariat attaches a file to an open matter; refused files in Danish, nothing written then. */
export async function attachToMatter(
  ctx: Ctx,
  matterId: number,
  input: { title?: string; fileName: string; bytes: Uint8Array; truncated?: boolean; maxBytes: number },
): Promise<TMatterAttachment> {
  const m = await matterFor(ctx, matterId);
  authorize(ctx.actor, canPutMatter(ctx.actor, m.bodyId), "Kun forummets sekretariat kan vedhæfte bilag.");
  if (m.status !== "open") {
    throw new AppError("invalid_transition", "Sagen er afgjort; dens bilag kan ikke ændres.");
  }
  const fileName = input.fileName
    .trim()
    .replace(/^.*[\\/]/, "")
    .slice(0, 255);
  if (!fileName) {
    throw refuse("Vælg en fil.");
  }
  if (input.truncated || input.bytes.byteLength > input.maxBytes) {
    const mb = `${Math.round((input.maxBytes / 1024 / 1024) * 10) / 10}`.replace(".", ",");
    throw refuse(`Filen er for stor. Den største tilladte størrelse er ${mb} MB.`, "payload_too_large");
  }
  if (input.bytes.byteLength === 0) {
    throw refuse("Filen er tom.");
  }
  if (!/\.[A-Za-z0-9]+$/.test(fileName)) {
    throw refuse(`Filtypen er ikke tilladt. Tilladt er ${ALLOWED_TYPES_DA}.`);
  }
  const verdict = classifyUpload(input.bytes, fileName);
  if (!verdict.ok) {
    throw refuse(verdict.error);
  }
  const title = (input.title ?? "").trim() || verdict.fileName.replace(/\.[^.]+$/, "");
  if (title.length > 300) {
    throw new AppError("validation_failed", "Højst 300 tegn.", [
      { path: "title", message: "Højst 300 tegn." },
    ]);
  }
  const stored = await storeFile(ctx.db, input.bytes);
  const [row] = await ctx.db
    .insert(matterAttachments)
    .values({
      matterId,
      title,
      fileName: verdict.fileName,
      mimeType: verdict.mimeType,
      size: stored.size,
      sha256: stored.sha256,
      createdBy: ctx.actor.name,
    })
    .returning();
  return present(row as typeof matterAttachments.$inferSelect);
}

/** A file of a matter, for those who may read the matter (404 to anyone else, as for the matter). */
export async function readMatterAttachment(ctx: Ctx, matterId: number, attachmentId: number) {
  await matterFor(ctx, matterId);
  const [a] = await ctx.db
    .select()
    .from(matterAttachments)
    .where(and(eq(matterAttachments.id, attachmentId), eq(matterAttachments.matterId, matterId)));
  const bytes = a ? await readFile(ctx.db, a.sha256) : null;
  if (!a || !bytes) {
    throw notFound("Bilaget");
  }
  return { bytes, mimeType: a.mimeType, fileName: a.fileName };
}
