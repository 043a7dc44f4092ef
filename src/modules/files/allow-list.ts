/**
 * The one allow-list of uploaded files (attachments, initiative documents, agreement and hearing files):
 * what a file IS is decided by its content, never by the name or the browser's claim. Allowed: PDF,
 * Word/Excel/PowerPoint (DOCX, XLSX, PPTX — without macros), OpenDocument (ODT, ODS, ODP), images
 * (PNG, JPEG, GIF, WebP) and plain text and CSV (UTF-8). Everything else — programs, scripts (.bat .js
 * .vbs .ps1 .cmd .hta), HTML, SVG, macro documents, other archives — is refused with a Danish message.
 * A name's extension must fit the content (a script renamed .txt is text, but a .bat is refused).
 */

export interface UploadKind {
  mime: string;
  label: string;
  extensions: readonly string[];
}

const kind = (mime: string, label: string, ...extensions: string[]): UploadKind => ({
  mime,
  label,
  extensions,
});
const K = {
  pdf: kind("application/pdf", "PDF", "pdf"),
  docx: kind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word (DOCX)",
    "docx",
  ),
  xlsx: kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)", "xlsx"),
  pptx: kind(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PowerPoint (PPTX)",
    "pptx",
  ),
  odt: kind("application/vnd.oasis.opendocument.text", "OpenDocument-tekst (ODT)", "odt"),
  ods: kind("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-regneark (ODS)", "ods"),
  odp: kind("application/vnd.oasis.opendocument.presentation", "OpenDocument-præsentation (ODP)", "odp"),
  png: kind("image/png", "PNG-billede", "png"),
  jpeg: kind("image/jpeg", "JPEG-billede", "jpg", "jpeg"),
  gif: kind("image/gif", "GIF-billede", "gif"),
  webp: kind("image/webp", "WebP-billede", "webp"),
  txt: kind("text/plain; charset=utf-8", "tekst", "txt"),
  csv: kind("text/csv; charset=utf-8", "CSV", "csv"),
} as const;

export const ALLOWED_TYPES_DA =
  "PDF, Word, Excel og PowerPoint (DOCX, XLSX, PPTX), OpenDocument (ODT, ODS, ODP), billeder (PNG, JPEG, GIF, WebP), tekst (TXT) og CSV";

const starts = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.byteLength >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const has = (b: Uint8Array, text: string) =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(text, 0, "latin1");

function zipKind(b: Uint8Array): UploadKind | "macro" | null {
  // An OpenDocument package starts with its uncompressed "mimetype" entry (ODF 1.2, part 3, 3.3).
  const head = b.subarray(0, 200);
  if (has(head, "mimetypeapplication/vnd.oasis.opendocument.")) {
    return [K.odt, K.ods, K.odp].find((k) => has(head, `mimetype${k.mime}`)) ?? null;
  }
  if (!has(b, "[Content_Types].xml")) {
    return null;
  }
  if (has(b, "vbaProject.bin") || has(b, "macroEnabled")) {
    return "macro";
  }
  return has(b, "word/") ? K.docx : has(b, "xl/") ? K.xlsx : has(b, "ppt/") ? K.pptx : null;
}

function isPlainText(b: Uint8Array): boolean {
  // No NUL and no control characters other than tab, line feed, form feed and carriage return.
  for (const x of b) {
    if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0c && x !== 0x0d) {
      return false;
    }
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** What the content is, by its first bytes (and structure for packages); null when not allowed. */
export function detectKind(b: Uint8Array): UploadKind | "macro" | "text" | null {
  if (Buffer.from(b.subarray(0, 1024)).includes("%PDF-")) {
    return K.pdf;
  }
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    return zipKind(b);
  }
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return K.png;
  }
  if (starts(b, [0xff, 0xd8, 0xff])) {
    return K.jpeg;
  }
  if (starts(b, ascii("GIF87a")) || starts(b, ascii("GIF89a"))) {
    return K.gif;
  }
  if (starts(b, ascii("RIFF")) && starts(b, ascii("WEBP"), 8)) {
    return K.webp;
  }
  return isPlainText(b) ? "text" : null;
}

/** Bidirectional controls (U+202A–202E, U+2066–2069, marks) and other control characters: never in a name. */
const UNSAFE_NAME_CHARS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** A file name fit to store and send: no path, no bidi or control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  return name
    .replace(/^.*[\\/]/, "")
    .replace(UNSAFE_NAME_CHARS, "")
    .trim()
    .slice(0, 255);
}

export type UploadVerdict =
  | { ok: true; mimeType: string; fileName: string; kind: UploadKind }
  | { ok: false; error: string };

/**
 * Decides whether an upload is allowed: by content, then the name's extension must fit. `declared` (the
 * browser's or client's type) only tells text from CSV when the name has no extension. Pure.
 */
export function classifyUpload(bytes: Uint8Array, fileName = "", declared = ""): UploadVerdict {
  const name = cleanFileName(fileName);
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  const known = Object.values(K).some((k) => k.extensions.includes(ext));
  if (ext !== "" && !known) {
    return { ok: false, error: `Filtypen er ikke tilladt (.${ext}). Tilladt er ${ALLOWED_TYPES_DA}.` };
  }
  if (ext === "" && isProgram(bytes)) {
    return { ok: false, error: "Filen er et program og kan ikke lægges op." };
  }
  const found = detectKind(bytes);
  if (found === "macro") {
    return {
      ok: false,
      error: "Dokumenter med makroer kan ikke lægges op. Gem filen som DOCX, XLSX eller PPTX uden makroer.",
    };
  }
  const k =
    found === "text"
      ? ext === "csv" || (ext === "" && /^(text|application)\/csv\b/i.test(declared))
        ? K.csv
        : K.txt
      : found;
  if (k === null || (ext !== "" && !k.extensions.includes(ext))) {
    return {
      ok: false,
      error:
        ext !== ""
          ? `Filen er ikke en gyldig ${ext.toUpperCase()}-fil, selv om navnet siger det.`
          : `Filtypen er ikke tilladt. Tilladt er ${ALLOWED_TYPES_DA}.`,
    };
  }
  return { ok: true, mimeType: k.mime, fileName: name, kind: k };
}

/** The allowed kind of a declared type (image/jpg as image/jpeg), or null when the type is not on the list. */
export function kindOfType(mime: string): UploadKind | null {
  const base = (mime.split(";")[0] ?? "").trim().toLowerCase().replace("image/jpg", "image/jpeg");
  return Object.values(K).find((k) => k.mime.split(";")[0] === base) ?? null;
}

function isProgram(b: Uint8Array): boolean {
  return (
    starts(b, ascii("MZ")) ||
    starts(b, [0x7f, 0x45, 0x4c, 0x46]) ||
    starts(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
    starts(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
    starts(b, [0xca, 0xfe, 0xba, 0xbe])
  );
}
