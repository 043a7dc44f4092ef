/**
 * Reads the first sheet of an .xlsx as rows of text, with limits (a ZIP can hold a small file that
 * inflates to gigabytes): at most 20 MB per part inflated, 200,000 rows. Shared strings, inline
 * strings and numbers; dates come as the numbers Excel stores. ECMA-376 part 1, §18.3 (sheets).
 */
import { inflateRawSync } from "node:zlib";

const MAX_PART = 20 * 1024 * 1024;
const MAX_ROWS = 200_000;

export class XlsxReadError extends Error {}

function entries(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) {
    throw new XlsxReadError("Filen er ikke en XLSX-fil (ikke en ZIP).");
  }
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count && p + 46 <= buf.length; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + extraLen + commentLen;
    if (
      !/^xl\/(sharedStrings\.xml|workbook\.xml|worksheets\/sheet\d+\.xml|_rels\/workbook\.xml\.rels)$/.test(
        name,
      )
    ) {
      continue;
    }
    if (local + 30 > buf.length) {
      throw new XlsxReadError("XLSX-filen er beskadiget.");
    }
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    try {
      out.set(name, method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_PART }) : Buffer.from(data));
    } catch {
      throw new XlsxReadError(`XLSX-filen kan ikke læses (${name} er beskadiget eller større end 20 MB).`);
    }
  }
  return out;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");

const texts = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => unescapeXml(m[1] as string)).join("");

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? "A";
  let n = 0;
  for (const ch of letters) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n - 1;
}

/** The first sheet as rows of cell texts (row numbers as in the sheet, 1-based). */
export function readXlsxRows(bytes: Uint8Array): { line: number; cells: string[] }[] {
  const parts = entries(bytes);
  const sheetName = [...parts.keys()].filter((k) => k.startsWith("xl/worksheets/")).sort()[0];
  if (!sheetName) {
    throw new XlsxReadError("XLSX-filen har intet ark.");
  }
  const shared = [
    ...(parts.get("xl/sharedStrings.xml")?.toString("utf8") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map((m) => texts(m[1] as string));
  const xml = (parts.get(sheetName) as Buffer).toString("utf8");
  const rows: { line: number; cells: string[] }[] = [];
  for (const row of xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    if (rows.length >= MAX_ROWS) {
      throw new XlsxReadError(`Arket har flere end ${MAX_ROWS} rækker.`);
    }
    const line = Number(/\br="(\d+)"/.exec(row[1] as string)?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of (row[2] as string).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] as string;
      const body = c[2] ?? "";
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      const text =
        type === "s" ? (shared[Number(v)] ?? "") : type === "inlineStr" ? texts(body) : unescapeXml(v ?? "");
      cells[ref ? columnIndex(ref) : cells.length] = text;
    }
    rows.push({ line, cells: Array.from(cells, (x) => x ?? "") });
  }
  return rows;
}
