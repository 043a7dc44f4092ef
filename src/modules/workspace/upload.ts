/**
 * Which attachment files the workspace accepts: PDF, DOCX, XLSX, ODT, TXT, PNG and JPEG, told by the
 * name's extension and confirmed by the first bytes (a renamed program is refused). The type stored
 * is the one the extension names, never the browser's claim.
 */
const TYPES: Record<string, { mime: string; check: (b: Uint8Array) => boolean }> = {
  pdf: { mime: "application/pdf", check: (b) => starts(b, [0x25, 0x50, 0x44, 0x46]) },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    check: (b) => isZip(b) && contains(b, "word/"),
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    check: (b) => isZip(b) && contains(b, "xl/"),
  },
  odt: {
    mime: "application/vnd.oasis.opendocument.text",
    check: (b) => isZip(b) && contains(b.subarray(0, 200), "application/vnd.oasis.opendocument.text"),
  },
  txt: { mime: "text/plain; charset=utf-8", check: isText },
  png: { mime: "image/png", check: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { mime: "image/jpeg", check: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  jpeg: { mime: "image/jpeg", check: (b) => starts(b, [0xff, 0xd8, 0xff]) },
};

function starts(b: Uint8Array, sig: number[]): boolean {
  return b.byteLength >= sig.length && sig.every((x, i) => b[i] === x);
}
function isZip(b: Uint8Array): boolean {
  return starts(b, [0x50, 0x4b, 0x03, 0x04]);
}
function contains(b: Uint8Array, text: string): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(text, 0, "latin1");
}
function isText(b: Uint8Array): boolean {
  if (b.includes(0)) {
    return false;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

export type UploadCheck = { ok: true; mimeType: string } | { ok: false; error: string };

/** Checks an uploaded attachment's name, size and content; errors are Danish, for the form. */
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
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const type = TYPES[ext];
  if (!type) {
    return { ok: false, error: "Filtypen er ikke tilladt. Brug PDF, DOCX, XLSX, ODT, TXT, PNG eller JPEG." };
  }
  if (!type.check(bytes)) {
    return {
      ok: false,
      error: `Filen er ikke en gyldig ${ext.toUpperCase()}-fil, selv om navnet siger det.`,
    };
  }
  return { ok: true, mimeType: type.mime };
}
