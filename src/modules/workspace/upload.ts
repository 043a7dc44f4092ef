import { ALLOWED_TYPES_DA, classifyUpload } from "../files/index.ts";

/**
 * The page forms' check of an uploaded file (attachments, initiative documents): size and emptiness
 * here, the type through the one allow-list of the files module (by content; the name's extension must
 * fit; scripts, HTML and macro documents refused). The type stored is the content's, never the
 * browser's claim; the name comes back cleaned of paths and bidi/control characters.
 */
export type UploadCheck = { ok: true; mimeType: string; fileName: string } | { ok: false; error: string };

/** Checks an uploaded file's name, size and content; errors are Danish, for the form. */
export function checkUpload(
  fileName: string,
  bytes: Uint8Array,
  truncated: boolean,
  maxBytes: number,
): UploadCheck {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10}`.replace(".", ",");
  if (!fileName) {
    return { ok: false, error: "Vælg en fil." };
  }
  if (truncated || bytes.byteLength > maxBytes) {
    return { ok: false, error: `Filen er for stor. Den største tilladte størrelse er ${mb(maxBytes)} MB.` };
  }
  if (bytes.byteLength === 0) {
    return { ok: false, error: "Filen er tom." };
  }
  if (!/\.[A-Za-z0-9]+$/.test(fileName)) {
    return { ok: false, error: `Filtypen er ikke tilladt. Tilladt er ${ALLOWED_TYPES_DA}.` };
  }
  const verdict = classifyUpload(bytes, fileName);
  return verdict.ok ? { ok: true, mimeType: verdict.mimeType, fileName: verdict.fileName } : verdict;
}
