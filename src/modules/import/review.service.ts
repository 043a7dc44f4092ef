/**
 * Review before writing: an upload is parsed and kept server-side (pending_imports, one day);
 * its uploader (or an admin) reads it, confirms it — optionally edited — or discards it.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { notFound } from "../../server/errors.ts";
import { type Actor, authorize, canEditBody, isAnySecretary, isPrivileged } from "../auth/index.ts";
import { readFile, storedFiles, storeFile } from "../files/index.ts";
import type { ImportResult } from "./import.schemas.ts";
import { findImportBySha, importErrorToAppError, sha256Of } from "./import.service.ts";
import { pendingImports } from "./import.tables.ts";
import { resultHash, type WriteOutcome, writeImport } from "./import.writer.ts";
import { parseLimits } from "./limits.ts";
import { packageFiles } from "./package.ts";
import { parseDocumentWithConfidence } from "./parse.ts";
import { findMeeting, lookupBody } from "./resolve.ts";
import type { AttachmentFiles } from "./sync-children.ts";
import { zeroCounts } from "./write-create.ts";

const REVIEW_HOURS = 24;
const WHAT = "Importen";
type PendingRow = typeof pendingImports.$inferSelect;

/** A pending import as the review screen sees it: the parse, how sure it is, and what it would touch. */
async function presentPending(ctx: Ctx, row: PendingRow) {
  const body = await lookupBody(ctx, row.bodyId !== null ? { id: row.bodyId } : { name: row.result.body });
  const meeting = body && row.result.start ? await findMeeting(ctx.db, body.id, row.result.start) : null;
  const earlier = await findImportBySha(ctx.db, row.sha256);
  return {
    id: row.id,
    fileName: row.fileName,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    result: row.result,
    confidence: row.confidence,
    warnings: row.result.warnings,
    body,
    meetingId: meeting?.id ?? null,
    duplicateOf: earlier ? { importId: earlier.id, meetingId: earlier.meetingId } : null,
  };
}

/** Parses an upload and keeps it for review. Secretaries and admins only. */
export async function createPendingImport(
  ctx: Ctx,
  input: { bytes: Uint8Array; fileName: string; bodyId?: number | undefined; maxBytes: number },
) {
  authorize(
    ctx.actor,
    isAnySecretary(ctx.actor),
    "Kun sekretariater og administratorer kan importere dokumenter.",
  );
  if (input.bodyId !== undefined) {
    const body = await lookupBody(ctx, { id: input.bodyId });
    if (!body) {
      throw notFound("Forummet");
    }
    authorize(
      ctx.actor,
      canEditBody(ctx.actor, body.id),
      "Kun forummets sekretariat kan importere til forummet.",
    );
  }
  const parsed = await parseDocumentWithConfidence({
    bytes: input.bytes,
    fileName: input.fileName,
    maxBytes: input.maxBytes,
  }).catch((err: unknown) => {
    throw importErrorToAppError(err);
  });
  // A publication package's attachment files are read on confirm: its bytes wait in the file store.
  if (parsed.result.format === "package") {
    await storeFile(ctx.db, input.bytes);
  }
  const now = new Date();
  const expired = await ctx.db
    .delete(pendingImports)
    .where(lt(pendingImports.expiresAt, now))
    .returning({ sha256: pendingImports.sha256, result: pendingImports.result });
  for (const gone of expired.filter(
    (e) => e.result.format === "package" && e.sha256 !== sha256Of(input.bytes),
  )) {
    await dropPackageBytes(ctx, gone.sha256);
  }
  const [row] = await ctx.db
    .insert(pendingImports)
    .values({
      id: randomBytes(16).toString("base64url"),
      sha256: sha256Of(input.bytes),
      fileName: input.fileName.slice(0, 500),
      size: input.bytes.byteLength,
      result: parsed.result,
      confidence: parsed.confidence,
      bodyId: input.bodyId ?? null,
      createdBy: ctx.actor.userId,
      expiresAt: new Date(now.getTime() + REVIEW_HOURS * 3600_000),
    })
    .returning();
  return presentPending(ctx, row as PendingRow);
}

/** A pending import its uploader (or an admin) may see; 404 for anyone else and after expiry. */
async function pendingRow(ctx: Ctx, id: string): Promise<PendingRow> {
  const [row] = await ctx.db
    .select()
    .from(pendingImports)
    .where(and(eq(pendingImports.id, id), gt(pendingImports.expiresAt, new Date())));
  const own = row !== undefined && ctx.actor.userId !== null && row.createdBy === ctx.actor.userId;
  if (!row || !(own || isPrivileged(ctx.actor))) {
    throw notFound(WHAT);
  }
  return row;
}

/** The pending imports of the actor (an admin's own too), newest first, for the workspace's list. */
export async function listPendingImports(ctx: Ctx) {
  if (ctx.actor.userId === null) {
    return [];
  }
  const rows = await ctx.db
    .select()
    .from(pendingImports)
    .where(and(eq(pendingImports.createdBy, ctx.actor.userId), gt(pendingImports.expiresAt, new Date())))
    .orderBy(desc(pendingImports.createdAt));
  return rows.map((row) => ({
    id: row.id,
    fileName: row.fileName,
    kind: row.result.kind,
    body: row.result.body,
    start: row.result.start,
    items: row.result.items.length,
    warnings: row.result.warnings.length,
    expiresAt: row.expiresAt.toISOString(),
  }));
}

/** Reads a pending import. */
export async function getPendingImport(ctx: Ctx, id: string) {
  return presentPending(ctx, await pendingRow(ctx, id));
}

/** Discards a pending import. */
export async function deletePendingImport(ctx: Ctx, id: string): Promise<void> {
  const row = await pendingRow(ctx, id);
  await ctx.db.delete(pendingImports).where(eq(pendingImports.id, id));
  if (row.result.format === "package") {
    await dropPackageBytes(ctx, row.sha256);
  }
}

/** The attachment files of a pending package, from its bytes kept at upload (only entries the result names). */
async function pendingPackageFiles(
  ctx: Ctx,
  row: PendingRow,
  result: ImportResult,
): Promise<AttachmentFiles> {
  if (row.result.format !== "package" || result.format !== "package") {
    return new Map();
  }
  const bytes = await readFile(ctx.db, row.sha256);
  return bytes ? packageFiles(bytes, result, parseLimits().maxInflatedBytes) : new Map();
}

/** Drops a confirmed package's bytes unless something else holds the same bytes (the reference refuses). */
async function dropPackageBytes(ctx: Ctx, sha256: string): Promise<void> {
  const [waiting] = await ctx.db
    .select({ id: pendingImports.id })
    .from(pendingImports)
    .where(eq(pendingImports.sha256, sha256))
    .limit(1);
  if (waiting) {
    return;
  }
  try {
    await ctx.db.transaction(async (sp) => {
      await sp.execute(sql`delete from file_texts where sha256 = ${sha256}`);
      await sp.delete(storedFiles).where(eq(storedFiles.sha256, sha256));
    });
  } catch {
    // the very same bytes are also an attachment somewhere: they stay
  }
}

/**
 * Writes a reviewed import in one transaction: the (maybe edited) result into the body given,
 * the body chosen at upload, or the body the document names. The pending import is then gone.
 */
export async function confirmPendingImport(
  db: Db,
  actor: Actor,
  id: string,
  input: { result: ImportResult; bodyId?: number | undefined },
): Promise<WriteOutcome> {
  return db.transaction(async (tx) => {
    const ctx = { db: tx, actor };
    const row = await pendingRow(ctx, id);
    const earlier = await findImportBySha(tx, row.sha256);
    let outcome: WriteOutcome;
    if (earlier && resultHash(input.result) === earlier.resultSha256) {
      outcome = {
        status: "duplicate",
        importId: earlier.id,
        meetingId: earlier.meetingId,
        bodyId: earlier.bodyId,
        bodyCreated: false,
        counts: zeroCounts(),
        persons: { matched: 0, created: 0 },
        kept: [],
      };
    } else {
      const bodyId = input.bodyId ?? row.bodyId ?? undefined;
      outcome = await writeImport(ctx, {
        result: input.result,
        fileName: row.fileName,
        sha256: row.sha256,
        body: bodyId !== undefined ? { id: bodyId } : undefined,
        files: await pendingPackageFiles(ctx, row, input.result),
      });
    }
    await tx.delete(pendingImports).where(eq(pendingImports.id, id));
    if (row.result.format === "package") {
      await dropPackageBytes(ctx, row.sha256);
    }
    return outcome;
  });
}
