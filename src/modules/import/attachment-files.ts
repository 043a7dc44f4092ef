/**
 * Files for attachment titles, when the source gives them: a folder beside the document named
 * like it (`referat/` or `referat_bilag/`), or links in an HTML document that resolve to local files.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ImportResult } from "./import.schemas.ts";
import { fold } from "./provenance.ts";
import { isSafeFileInside, type RefusedLink, refusalMessage, resolveLocalLink } from "./safe-link.ts";
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

/** The largest attachment file read from disk (the upload limit of an attachment). */
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** Regular files under an attachment folder; symlinks only when they stay inside `root`. */
async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    if ((e.isFile() || e.isSymbolicLink()) && !e.name.startsWith(".")) {
      const file = path.join(e.parentPath, e.name);
      if (await isSafeFileInside(root, file)) {
        out.push(file);
      }
    }
  }
  return out.sort();
}

/** Local files an HTML document links to: link text and file name → path; refused links collected. */
async function linkedFiles(
  root: string,
  documentPath: string,
  html: string,
  refused: RefusedLink[],
): Promise<Map<string, string>> {
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
    const resolved = await resolveLocalLink(root, path.dirname(documentPath), relative);
    if ("refused" in resolved) {
      refused.push({ href, reason: resolved.refused, message: refusalMessage(resolved.refused) });
      continue;
    }
    links.set(titleKey(a.text), resolved.file);
    links.set(titleKey(path.basename(relative)), resolved.file);
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

export interface FindFilesOptions {
  /** the folder links may not leave: the folder named on the command line, else the document's own */
  root?: string;
  /** receives every link that was refused, with its Danish reason */
  refused?: RefusedLink[];
}

/**
 * Reads the files the source gives for the document's attachment titles, by folded title. Only
 * regular files inside `root` are read (see safe-link.ts); refused links go to `opts.refused`.
 */
export async function findAttachmentFiles(
  documentPath: string,
  result: ImportResult,
  documentBytes?: Uint8Array,
  opts: FindFilesOptions = {},
): Promise<AttachmentFiles> {
  const root = opts.root ?? path.dirname(documentPath);
  const refused = opts.refused ?? [];
  const found: AttachmentFiles = new Map();
  const titles = [...new Set(result.items.flatMap((i) => i.attachments))];
  if (titles.length === 0) {
    return found;
  }
  const candidates = new Map<string, string>();
  for (const dir of attachmentDirsOf(documentPath)) {
    for (const file of await filesUnder(root, dir)) {
      candidates.set(titleKey(path.basename(file)), file);
    }
  }
  if (result.format === "html" && documentBytes) {
    for (const [key, file] of await linkedFiles(
      root,
      documentPath,
      new TextDecoder().decode(documentBytes),
      refused,
    )) {
      candidates.set(key, file);
    }
  }
  const used = new Set<string>();
  for (const title of titles) {
    const key = titleKey(title);
    const hit = [...candidates].find(([k, file]) => !used.has(file) && matches(key, k));
    if (hit) {
      used.add(hit[1]);
      const info = await stat(hit[1]).catch(() => null);
      if (!info?.isFile() || info.size > MAX_ATTACHMENT_BYTES) {
        continue;
      }
      const bytes = new Uint8Array(await readFile(hit[1]));
      if (bytes.byteLength > 0) {
        found.set(fold(title), { bytes, fileName: path.basename(hit[1]), mimeType: mimeTypeOf(hit[1]) });
      }
    }
  }
  return found;
}
