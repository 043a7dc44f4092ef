import type { ImportFormat } from "./import.schemas.ts";

const decoder = new TextDecoder("utf-8", { fatal: true });
const latin = new TextDecoder("windows-1252");

function startsWith(bytes: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[i] !== text.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

/** Whether a ZIP holds a Word document: the central directory stores the path as plain bytes. */
export function zipHasWordDocument(bytes: Uint8Array): boolean {
  const needle = Buffer.from("word/document.xml");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

export type Detected =
  | { kind: "pdf" }
  | { kind: "zip" }
  | { kind: "text"; text: string }
  | { kind: "binary" };

/** Decodes text as UTF-8, falling back to Windows-1252 as older Danish systems wrote it. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    text = latin.decode(bytes);
  }
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) {
      return true;
    }
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) {
      control += 1;
    }
  }
  return control > n * 0.01;
}

/** Detects the container from the content (magic bytes), never from the name. */
export function sniff(bytes: Uint8Array): Detected {
  let offset = 0;
  while (
    offset < 1024 &&
    offset < bytes.length &&
    (bytes[offset] === 0x20 || bytes[offset] === 0x0a || bytes[offset] === 0x0d)
  ) {
    offset += 1;
  }
  if (startsWith(bytes.subarray(offset), "%PDF")) {
    return { kind: "pdf" };
  }
  if (startsWith(bytes, "PK\u0003\u0004")) {
    return { kind: "zip" };
  }
  if (looksBinary(bytes)) {
    return { kind: "binary" };
  }
  return { kind: "text", text: decodeText(bytes) };
}

/** Whether a text is an HTML page. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return (
    head.startsWith("<!doctype html") ||
    head.startsWith("<html") ||
    (head.startsWith("<") && /<(?:body|head|div|p|h[1-6]|article|main)[\s>]/.test(head))
  );
}

/** The format a file name suggests, used only when the content does not decide it. */
export function formatFromName(fileName: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (ext) {
    case "pdf":
      return "pdf";
    case "docx":
      return "docx";
    case "html":
    case "htm":
      return "html";
    case "md":
    case "markdown":
      return "markdown";
    case "txt":
      return "text";
    default:
      return null;
  }
}
