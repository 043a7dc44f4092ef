/**
 * Frozen editions with a passage removed (issue 18.6): each edition of a meeting is rendered again from
 * the model it was frozen from, with the passage replaced, and its row points at the new bytes — same id
 * and address, a new SHA-256 (so a new ETag). The old bytes leave the file store when nothing else uses them.
 */
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { SYSTEM_ACTOR } from "../auth/index.ts";
import { storedFiles, storeFile } from "../files/index.ts";
import { documentDocx } from "./document.docx.ts";
import { type DocModel, loadDocumentModel } from "./document.model.ts";
import { documentPdf } from "./document.pdf.ts";
import { publishedDocumentModels, publishedDocuments } from "./documents.tables.ts";

/** A model as JSON with its dates tagged, so that it renders exactly the same after a round trip. */
export function encodeModel(model: DocModel): unknown {
  return JSON.parse(
    JSON.stringify(model, function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.toISOString() } : value;
    }),
  );
}

/** The model back from its JSON, dates as dates. */
export function decodeModel(json: unknown): DocModel {
  return JSON.parse(JSON.stringify(json), (_key, value) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === "$date" && typeof value.$date === "string") {
        return new Date(value.$date);
      }
    }
    return value;
  }) as DocModel;
}

/** Every string inside a JSON value with `passage` replaced by `marker`; the value itself is not changed. */
export function replaceDeep<T>(value: T, passage: string, marker: string): T {
  if (typeof value === "string") {
    return value.split(passage).join(marker) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v) => replaceDeep(v, passage, marker)) as T;
  }
  if (value instanceof Date || value === null || typeof value !== "object") {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, replaceDeep(v, passage, marker)]),
  ) as T;
}

async function render(model: DocModel, format: "pdf" | "docx"): Promise<Uint8Array> {
  return format === "pdf" ? documentPdf(model) : documentDocx(model);
}

/**
 * Renders again every frozen edition of the meeting that holds the passage, with the passage replaced,
 * and replaces the stored bytes. Editions frozen before models were kept (no model) are rendered from the
 * current data, from which the passage is already gone. Returns how many editions were replaced.
 */
export async function redactFrozenEditions(
  ctx: Ctx,
  meetingId: number,
  passage: string,
  marker: string,
): Promise<number> {
  const rows = await ctx.db
    .select({ doc: publishedDocuments, model: publishedDocumentModels.model })
    .from(publishedDocuments)
    .leftJoin(publishedDocumentModels, eq(publishedDocumentModels.id, publishedDocuments.id))
    .where(eq(publishedDocuments.meetingId, meetingId));
  const system: Ctx = { db: ctx.db, actor: SYSTEM_ACTOR };
  const dropped = new Set<string>();
  let replaced = 0;
  for (const { doc, model: stored } of rows) {
    let model: DocModel;
    if (stored) {
      if (!JSON.stringify(stored).includes(JSON.stringify(passage).slice(1, -1))) {
        continue;
      }
      model = replaceDeep(decodeModel(stored), passage, marker);
    } else {
      model = await loadDocumentModel(system, meetingId, doc.kind, doc.edition);
    }
    const bytes = await render(model, doc.format);
    const file = await storeFile(ctx.db, bytes);
    const contentHash = createHash("sha256").update(JSON.stringify(model)).digest("hex");
    await ctx.db
      .update(publishedDocuments)
      .set({
        sha256: file.sha256,
        size: file.size,
        contentHash,
        version: sql`${publishedDocuments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(publishedDocuments.id, doc.id));
    await ctx.db
      .insert(publishedDocumentModels)
      .values({ id: doc.id, model: encodeModel(model) })
      .onConflictDoUpdate({ target: publishedDocumentModels.id, set: { model: encodeModel(model) } });
    if (doc.sha256 !== file.sha256) {
      dropped.add(doc.sha256);
    }
    replaced++;
  }
  for (const sha256 of dropped) {
    await dropStoredFile(ctx.db, sha256);
  }
  return replaced;
}

/** Deletes stored bytes unless something still points at them (a reference refuses the delete). */
async function dropStoredFile(db: DbOrTx, sha256: string): Promise<void> {
  const [used] = await db
    .select({ id: publishedDocuments.id })
    .from(publishedDocuments)
    .where(eq(publishedDocuments.sha256, sha256))
    .limit(1);
  if (used) {
    return;
  }
  try {
    await db.transaction(async (sp) => {
      await sp.delete(storedFiles).where(eq(storedFiles.sha256, sha256));
    });
  } catch {
    // Another row (an attachment with the very same bytes) still uses the file: it stays.
  }
}
