/**
 * Attachments and absences of an item that already exists, synced with a corrected document:
 * rows the importer created (and nobody changed) follow the document; rows users added stay.
 * Direct writes: approved minutes refuse the services, and the writer has authorized the import.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { storeFile } from "../files/index.ts";
import { attachments, itemAbsences } from "../meetings/index.ts";
import { fold } from "./provenance.ts";

export interface AttachmentFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}
/** Files found beside a document, by folded attachment title. */
export type AttachmentFiles = Map<string, AttachmentFile>;

export interface ChildSync<T> {
  provenance: Record<string, T>;
  changed: boolean;
  before: T[];
  after: T[];
  filesStored: number;
}

/** The folded titles of the attachments a package marks closed. */
export function closedTitles(item: {
  packageAttachments?: Array<{ title: string; access: string }> | undefined;
}) {
  return new Set(
    (item.packageAttachments ?? []).filter((a) => a.access === "closed").map((a) => fold(a.title)),
  );
}

/** Unique titles of an item's attachments in document order (folded comparison). */
export function uniqueTitles(titles: string[]): string[] {
  const seen = new Set<string>();
  return titles
    .map((t) => t.replace(/\s+/g, " ").trim().slice(0, 500))
    .filter((t) => t !== "" && !seen.has(fold(t)) && Boolean(seen.add(fold(t))));
}

/** Stores an attachment's file and points the row at it. */
export async function attachFile(db: DbOrTx, attachmentId: number, file: AttachmentFile): Promise<void> {
  const stored = await storeFile(db, file.bytes);
  await db
    .update(attachments)
    .set({ sha256: stored.sha256, size: stored.size, mimeType: file.mimeType, fileName: file.fileName })
    .where(eq(attachments.id, attachmentId));
}

/**
 * Syncs the attachments of an existing item with the document's titles. `closed` holds the folded
 * titles a package marks closed: new rows are written closed, and an existing row with such a title
 * is closed (access only ever tightens here).
 */
export async function syncAttachments(
  db: DbOrTx,
  itemId: number,
  written: Record<string, string>,
  wanted: string[],
  files: AttachmentFiles,
  closed: ReadonlySet<string> = new Set(),
): Promise<ChildSync<string>> {
  const rows = await db
    .select()
    .from(attachments)
    .where(eq(attachments.itemId, itemId))
    .orderBy(asc(attachments.position), asc(attachments.id));
  const wantedKeys = new Set(wanted.map(fold));
  const provenance: Record<string, string> = {};
  const removed: number[] = [];
  let filesStored = 0;
  // A title counts as present when a row holds it, or when a user renamed the importer's row from it.
  const present = new Set<string>();
  for (const row of rows) {
    const wrote = written[String(row.id)];
    const owned = wrote !== undefined && wrote === row.title;
    if (owned && !wantedKeys.has(fold(row.title))) {
      removed.push(row.id);
      continue;
    }
    if (wrote !== undefined) {
      provenance[String(row.id)] = wrote;
      present.add(fold(wrote));
    }
    present.add(fold(row.title));
    if (closed.has(fold(row.title)) && row.access !== "closed") {
      await db.update(attachments).set({ access: "closed" }).where(eq(attachments.id, row.id));
    }
    const file = files.get(fold(row.title));
    if (owned && file && row.sha256 === null) {
      await attachFile(db, row.id, file);
      filesStored += 1;
    }
  }
  if (removed.length > 0) {
    await db.delete(attachments).where(inArray(attachments.id, removed));
  }
  let position = rows.reduce((n, r) => Math.max(n, r.position), 0);
  let added = 0;
  for (const title of wanted) {
    if (present.has(fold(title))) {
      continue;
    }
    position += 1;
    const access = closed.has(fold(title)) ? "closed" : "open";
    const [row] = await db.insert(attachments).values({ itemId, title, position, access }).returning();
    const id = (row as { id: number }).id;
    provenance[String(id)] = title;
    present.add(fold(title));
    added += 1;
    const file = files.get(fold(title));
    if (file) {
      await attachFile(db, id, file);
      filesStored += 1;
    }
  }
  const before = rows.map((r) => r.title);
  const after = [
    ...rows.filter((r) => !removed.includes(r.id)).map((r) => r.title),
    ...wanted.filter((t) => !before.some((b) => fold(b) === fold(t))),
  ];
  return { provenance, changed: removed.length + added + filesStored > 0, before, after, filesStored };
}

/** Syncs the absences of an existing item with the persons the document names. */
export async function syncAbsences(
  db: DbOrTx,
  itemId: number,
  written: Record<string, number>,
  wanted: number[],
): Promise<ChildSync<number>> {
  const rows = await db
    .select()
    .from(itemAbsences)
    .where(eq(itemAbsences.itemId, itemId))
    .orderBy(asc(itemAbsences.id));
  const wantedSet = new Set(wanted);
  const provenance: Record<string, number> = {};
  const removed: number[] = [];
  for (const row of rows) {
    const owned = written[String(row.id)] === row.personId;
    if (owned && !wantedSet.has(row.personId)) {
      removed.push(row.id);
    } else if (owned) {
      provenance[String(row.id)] = row.personId;
    }
  }
  if (removed.length > 0) {
    await db
      .delete(itemAbsences)
      .where(and(eq(itemAbsences.itemId, itemId), inArray(itemAbsences.id, removed)));
  }
  const present = new Set(rows.map((r) => r.personId));
  let added = 0;
  for (const personId of wantedSet) {
    if (present.has(personId)) {
      continue;
    }
    const [row] = await db.insert(itemAbsences).values({ itemId, personId }).returning();
    provenance[String((row as { id: number }).id)] = personId;
    added += 1;
  }
  const before = rows.map((r) => r.personId);
  const after = [
    ...rows.filter((r) => !removed.includes(r.id)).map((r) => r.personId),
    ...[...wantedSet].filter((p) => !present.has(p)),
  ];
  return { provenance, changed: removed.length + added > 0, before, after, filesStored: 0 };
}
