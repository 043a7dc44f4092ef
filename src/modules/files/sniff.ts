import { AppError } from "../../server/errors.ts";

/**
 * Does an uploaded file's content match the type it is declared as? The first bytes of the common
 * formats decide (PDF, ZIP-based Office/OpenDocument, old Office, PNG, JPEG, GIF, WebP); text types must
 * hold no NUL bytes; programs are refused whatever they claim to be. A type we know no signature for
 * (application/octet-stream and the like) is taken as given: it is always served as a download.
 */
const starts = (b: Uint8Array, sig: number[], at = 0) =>
  b.byteLength >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = (b: Uint8Array) => Buffer.from(b.subarray(0, 1024)).includes("%PDF-");
const ZIP = (b: Uint8Array) => starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06]);
const OLE = (b: Uint8Array) => starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = (b: Uint8Array) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = (b: Uint8Array) => starts(b, [0xff, 0xd8, 0xff]);
const GIF = (b: Uint8Array) => starts(b, ascii("GIF87a")) || starts(b, ascii("GIF89a"));
const WEBP = (b: Uint8Array) => starts(b, ascii("RIFF")) && starts(b, ascii("WEBP"), 8);
const TEXT = (b: Uint8Array) => !b.subarray(0, 8192).includes(0);

const SIGNATURES: Array<[RegExp, (b: Uint8Array) => boolean, string]> = [
  [/^application\/pdf$/, PDF, "PDF"],
  [
    /^application\/(vnd\.openxmlformats-officedocument\.|vnd\.oasis\.opendocument\.|zip$|x-zip)/,
    ZIP,
    "ZIP/Office",
  ],
  [/^application\/(msword|vnd\.ms-excel|vnd\.ms-powerpoint)$/, OLE, "Office"],
  [/^image\/png$/, PNG, "PNG"],
  [/^image\/jpe?g$/, JPEG, "JPEG"],
  [/^image\/gif$/, GIF, "GIF"],
  [/^image\/webp$/, WEBP, "WebP"],
  [/^(text\/|application\/(json|xml|csv)$)/, TEXT, "tekst"],
];

function isProgram(b: Uint8Array): boolean {
  return (
    starts(b, ascii("MZ")) ||
    starts(b, [0x7f, 0x45, 0x4c, 0x46]) ||
    starts(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
    starts(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
    starts(b, [0xca, 0xfe, 0xba, 0xbe])
  );
}

/** Why the content does not fit the declared type, in Danish; null when it fits. Pure. */
export function uploadProblem(bytes: Uint8Array, declared: string): string | null {
  const type = declared.split(";")[0]?.trim().toLowerCase() ?? "";
  if (isProgram(bytes)) {
    return "Filen er et program og kan ikke lægges op.";
  }
  const rule = SIGNATURES.find(([re]) => re.test(type));
  if (rule && !rule[1](bytes)) {
    return `Filens indhold passer ikke til typen ${type}: det er ikke en ${rule[2]}-fil.`;
  }
  return null;
}

/** Throws 400 validation_failed (field `body`) when the content does not fit the declared type. */
export function assertUploadFits(bytes: Uint8Array, declared: string): void {
  const problem = uploadProblem(bytes, declared);
  if (problem) {
    throw new AppError("validation_failed", problem, [{ path: "body", message: problem }]);
  }
}
