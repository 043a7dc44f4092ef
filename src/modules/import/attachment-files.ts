/**
 * Files for attachment titles, when the source gives them: a folder beside the document named
 * like it (`referat/` or `referat_bilag/`), or links in an HTML document that resolve to local files.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ImportResult } from "./import.schemas.ts";
import { fold } from "./provenance.ts";
import type { AttachmentFiles } from "./sync-children.ts";

const MIME: Record<string, string> = {
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".doc": "application/msword",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".xls": "application/vnd.ms-excel",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".html": "text/html",
  ".htm": "text/html",
  ".txt": "text/plain",
  ".md": "text/markdown",
  ".csv": "text/csv",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
};

/** The MIME type of a file by its extension. */
export function mimeTypeOf(fileName: string): string {
  return MIME[path.extname(fileName).toLowerCase()] ?? "application/octet-stream";
}

/** A title or file name reduced to its words: no "Bilag 3:", numbering, extension or punctuation. */
export function titleKey(text: string): string {
  return fold(text)
    .replace(/\.[a-z0-9]{2,4}$/, "")
    .replace(/^(?:bilag\s*)?\d+(?:\.\d+)*[\s._:)-]*/, "")
    .replace(/^bilag\s*[:.-]\s*/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The attachment folders a document may have beside it. */
export function attachmentDirsOf(documentPath: string): string[] {
  const dir = path.dirname(documentPath);
  const stem = path.basename(documentPath, path.extname(documentPath));
  return [path.join(dir, stem), path.join(dir, `${stem}_bilag`)];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Local files an HTML document links to: link text and file name → path. */
async function linkedFiles(documentPath: string, html: string): Promise<Map<string, string>> {
  const { parse } = await import("node-html-parser");
  const links = new Map<string, string>();
  for (const a of parse(html).querySelectorAll("a[href]")) {
    const href = a.getAttribute("href") ?? "";
    if (href === "" || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href)) {
      continue;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(href.split(/[?#]/)[0] ?? "");
    } catch {
      continue;
    }
    const target = path.resolve(path.dirname(documentPath), relative);
    const info = await stat(target).catch(() => null);
    if (info?.isFile()) {
      links.set(titleKey(a.text), target);
      links.set(titleKey(path.basename(target)), target);
    }
  }
  return links;
}

function matches(key: string, candidate: string): boolean {
  if (key === "" || candidate === "") {
    return false;
  }
  const [short, long] = key.length <= candidate.length ? [key, candidate] : [candidate, key];
  return short === long || (short.length >= 8 && long.startsWith(short));
}

/** Reads the files the source gives for the document's attachment titles, by folded title. */
export async function findAttachmentFiles(
  documentPath: string,
  result: ImportResult,
  documentBytes?: Uint8Array,
): Promise<AttachmentFiles> {
  const found: AttachmentFiles = new Map();
  const titles = [...new Set(result.items.flatMap((i) => i.attachments))];
  if (titles.length === 0) {
    return found;
  }
  const candidates = new Map<string, string>();
  for (const dir of attachmentDirsOf(documentPath)) {
    for (const file of await filesUnder(dir)) {
      candidates.set(titleKey(path.basename(file)), file);
    }
  }
  if (result.format === "html" && documentBytes) {
    for (const [key, file] of await linkedFiles(documentPath, new TextDecoder().decode(documentBytes))) {
      candidates.set(key, file);
    }
  }
  const used = new Set<string>();
  for (const title of titles) {
    const key = titleKey(title);
    const hit = [...candidates].find(([k, file]) => !used.has(file) && matches(key, k));
    if (hit) {
      used.add(hit[1]);
      const bytes = new Uint8Array(await readFile(hit[1]));
      if (bytes.byteLength > 0) {
        found.set(fold(title), { bytes, fileName: path.basename(hit[1]), mimeType: mimeTypeOf(hit[1]) });
      }
    }
  }
  return found;
}
