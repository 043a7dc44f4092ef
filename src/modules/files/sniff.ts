import { AppError } from "../../server/errors.ts";
import { ALLOWED_TYPES_DA, classifyUpload, detectKind, kindOfType } from "./allow-list.ts";

/**
 * The check of an upload through the API (raw bytes with a Content-Type and an optional file name):
 * the allow-list decides by content (`allow-list.ts`), the name's extension must fit it, and a declared
 * type other than application/octet-stream must be the type the content is. Programs, scripts, HTML and
 * macro documents are refused whatever they claim to be.
 */
const base = (mime: string) => mime.split(";")[0]?.trim().toLowerCase() ?? "";
const UNDECLARED = new Set(["", "application/octet-stream", "binary/octet-stream", "application/x-download"]);

/** Why the upload is refused, in Danish; null when it may be stored. Pure. */
export function uploadProblem(bytes: Uint8Array, declared: string, fileName?: string): string | null {
  const claimed = base(declared);
  if (!UNDECLARED.has(claimed)) {
    const expected = kindOfType(claimed);
    if (!expected) {
      return `Typen ${claimed} er ikke tilladt. Tilladt er ${ALLOWED_TYPES_DA}.`;
    }
    const found = detectKind(bytes);
    const actual =
      found === "text" ? "text/plain" : found === null || found === "macro" ? null : base(found.mime);
    const textual = (m: string | null) => m === "text/plain" || m === "text/csv";
    const wanted = base(expected.mime);
    if (actual !== wanted && !(textual(actual) && textual(wanted))) {
      const label = wanted === "text/plain" ? "tekst" : (expected.extensions[0] ?? "").toUpperCase();
      return `Filens indhold passer ikke til typen ${claimed}: det er ikke en ${label}-fil.`;
    }
  }
  const verdict = classifyUpload(bytes, fileName ?? "", declared);
  return verdict.ok ? null : verdict.error;
}

/**
 * Throws 400 validation_failed (field `body`) when the upload is refused; else the type to store (the
 * content's, not the claim) and the file name cleaned of paths and bidi/control characters.
 */
export function assertUploadFits(
  bytes: Uint8Array,
  declared: string,
  fileName?: string,
): { mimeType: string; fileName: string | undefined } {
  const problem = uploadProblem(bytes, declared, fileName);
  if (problem) {
    throw new AppError("validation_failed", problem, [{ path: "body", message: problem }]);
  }
  const verdict = classifyUpload(bytes, fileName ?? "", declared);
  return {
    mimeType: verdict.ok ? verdict.mimeType : "application/octet-stream",
    fileName: fileName === undefined ? undefined : verdict.ok ? verdict.fileName : fileName,
  };
}
