import { type Block, listKindOf, makeBlock } from "./blocks.ts";
import { ImportError } from "./import.errors.ts";
import { DEFAULT_LIMITS } from "./limits.ts";
import { checkPdfiumMemory, FPDF_ERR_PASSWORD, type Pdfium, pdfium } from "./pdfium.ts";

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
  italic: boolean;
}

interface Line {
  runs: Run[];
  y: number;
  page: number;
  size: number;
  text: string;
  bold: boolean;
  left: number;
  right: number;
}

const BOLD_FONT = /bold|black|heavy|semibold|demi|medium|[-,]bd\b/i;
const ITALIC_FONT = /italic|oblique/i;
const PAGE_NUMBER = /^(?:side\s*)?\d{1,4}(?:\s*(?:af|\/|of)\s*\d{1,4})?$/i;

function lineText(runs: Run[], size: number): { text: string; bold: boolean } {
  let text = "";
  let prevEnd: number | null = null;
  let openBold = false;
  let openItalic = false;
  const visible = runs.filter((r) => r.str.trim() !== "");
  const allBold = visible.length > 0 && visible.every((r) => r.bold);
  for (const run of runs) {
    const blank = run.str.trim() === "";
    const gapWidth = prevEnd === null ? 0 : run.x - prevEnd;
    if (blank) {
      text += run.width > size * 1.5 ? "\t" : " ";
      prevEnd = run.x + run.width;
      continue;
    }
    if (prevEnd !== null && gapWidth > size * 1.5 && !text.endsWith("\t")) {
      text = `${text.trimEnd()}\t`;
    } else if (prevEnd !== null && gapWidth > size * 0.15 && !/\s$/.test(text)) {
      text += " ";
    }
    const wantBold = run.bold && !allBold;
    if (wantBold !== openBold) {
      text = `${text.trimEnd()}${text.endsWith(" ") ? " " : ""}**`;
      openBold = wantBold;
    }
    if (run.italic !== openItalic) {
      text += "*";
      openItalic = run.italic;
    }
    text += run.str;
    prevEnd = run.x + run.width;
  }
  if (openItalic) {
    text += "*";
  }
  if (openBold) {
    text += "**";
  }
  text = text
    .replace(/\*\*(\s+)/g, "$1**")
    .replace(/ {2,}/g, " ")
    .trim();
  return { text, bold: allBold };
}

function mode(values: Array<[number, number]>): number {
  const weights = new Map<number, number>();
  for (const [value, weight] of values) {
    weights.set(value, (weights.get(value) ?? 0) + weight);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [value, weight] of weights) {
    if (weight > bestWeight) {
      best = value;
      bestWeight = weight;
    }
  }
  return best;
}

/** Lines that repeat at the top or bottom of most pages (running headers, footers). */
function furniture(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => l.text.replace(/\d+/g, "#")));
    for (const key of edges) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const limit = Math.max(3, Math.ceil(pages.length * 0.6));
  return new Set([...counts].filter(([, n]) => n >= limit).map(([key]) => key));
}

function linesToBlocks(pages: Line[][]): Block[] {
  const all = pages.flat();
  const body = mode(all.map((l) => [Math.round(l.size * 2) / 2, l.text.length]));
  const headingSizes = [...new Set(all.map((l) => Math.round(l.size * 2) / 2))]
    .filter((s) => s >= body * 1.12)
    .sort((a, b) => b - a);
  const skip = furniture(pages);
  const maxRight = Math.max(...all.map((l) => l.right));
  const blocks: Block[] = [];
  let prev: Line | null = null;
  for (const lines of pages) {
    for (const line of lines) {
      const key = line.text.replace(/\d+/g, "#");
      if (skip.has(key) || PAGE_NUMBER.test(line.text)) {
        continue;
      }
      const level = Math.min(6, headingSizes.indexOf(Math.round(line.size * 2) / 2) + 1);
      const samePage = prev !== null && prev.page === line.page;
      const spacing = samePage && prev ? prev.y - line.y : 0;
      // Across a page break only a line that ran to the margin continues on the next page.
      const gap =
        prev === null ||
        (samePage ? spacing > Math.max(prev.size, line.size) * 1.6 : prev.right <= maxRight * 0.85);
      const last = blocks.at(-1);
      const wrappedHeading =
        last !== undefined &&
        prev !== null &&
        !gap &&
        samePage &&
        ((level > 0 && last.level === level) ||
          (level === 0 && line.bold && last.bold && last.level === 0 && prev.right > maxRight * 0.8));
      if (wrappedHeading && last) {
        const head = last.text.replace(/\*\*$/, "");
        // "december–" + "februar": a line broken after a dash inside a word continues without a space.
        last.text = `${head}${/\p{L}[-–]$/u.test(head) ? "" : " "}${line.text.replace(/^\*\*/, "")}`;
      } else {
        blocks.push(makeBlock(line.text, { level, bold: line.bold, list: listKindOf(line.text), gap }));
      }
      const current = blocks.at(-1);
      if (current) {
        current.wrapped = line.right > maxRight * 0.85;
      }
      prev = line;
    }
  }
  return blocks;
}

function toError(err: unknown): ImportError {
  if (err instanceof ImportError) {
    return err;
  }
  return new ImportError("pdf_invalid", undefined, { cause: err });
}

/** Adds a run to the page's lines: a run within 40 % of its size of the last line's baseline joins it. */
function addRun(lines: Line[], run: Run, page: number): void {
  const line = lines.at(-1);
  const visible = run.str.trim() !== "";
  if (line && Math.abs(line.y - run.y) <= Math.max(2, run.size * 0.4)) {
    line.runs.push(run);
    line.size = Math.max(line.size, visible ? run.size : 0);
  } else if (run.str !== "") {
    lines.push({
      runs: [run],
      y: run.y,
      page,
      size: visible ? run.size : 0,
      text: "",
      bold: false,
      left: run.x,
      right: 0,
    });
  }
}

function finishLines(lines: Line[]): Line[] {
  for (const line of lines) {
    line.runs.sort((r, s) => r.x - s.x);
    const { text, bold } = lineText(line.runs, line.size || 10);
    line.text = text;
    line.bold = bold;
    const lastRun = line.runs.at(-1);
    line.right = lastRun ? lastRun.x + lastRun.width : 0;
  }
  return lines.filter((l) => l.text !== "");
}

/** Characters PDFium marks as line ends or that carry no text. */
function charText(pdf: Pdfium, textPage: number, index: number): string {
  if (pdf._FPDFText_IsHyphen(textPage, index) === 1) {
    return "-";
  }
  const code = pdf._FPDFText_GetUnicode(textPage, index);
  if (code === 0 || code === 0x0d || code === 0x0a || code === 0xfffe || code === 0xffff) {
    return "";
  }
  const ch = String.fromCodePoint(code);
  // Ligatures (ﬁ, ﬂ …) read as their letters, as pdf.js gave them.
  return code >= 0xfb00 && code <= 0xfb06 ? ch.normalize("NFKC") : ch;
}

/**
 * One page's runs: characters of the same text object on one baseline, each starting where the
 * previous one's advance ends (a gap of more than 15 % of the size starts a new run, as pdf.js did).
 * Positions are PDF user space (y upwards), the size is the font size times the text matrix's scale.
 */
function pageLines(
  pdf: Pdfium,
  textPage: number,
  page: number,
  buf: { scratch: number; name: number },
): Line[] {
  const lines: Line[] = [];
  const fonts = new Map<number, { bold: boolean; italic: boolean }>();
  const { scratch, name } = buf;
  let run: Run | null = null;
  let runObject = 0;
  let runEnd = 0;
  const count = pdf._FPDFText_CountChars(textPage);
  for (let i = 0; i < count; i++) {
    // Spaces and line ends PDFium made up from the layout: gaps are read from positions instead.
    if (pdf._FPDFText_IsGenerated(textPage, i) === 1) {
      continue;
    }
    const ch = charText(pdf, textPage, i);
    if (ch === "") {
      continue;
    }
    const object = pdf._FPDFText_GetTextObject(textPage, i);
    pdf._FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
    const x = pdf.HEAPF64[scratch >> 3] ?? 0;
    const y = pdf.HEAPF64[(scratch >> 3) + 1] ?? 0;
    pdf._FPDFText_GetLooseCharBox(textPage, i, scratch + 16);
    // FS_RECTF: left, top, right, bottom
    const right = pdf.HEAPF32[((scratch + 16) >> 2) + 2] ?? x;
    if (
      run !== null &&
      object === runObject &&
      Math.abs(y - run.y) < 0.5 &&
      x >= runEnd - 0.5 &&
      x - runEnd < run.size * 0.15
    ) {
      run.str += ch;
      runEnd = right;
      continue;
    }
    if (run !== null) {
      run.width = runEnd - run.x;
      addRun(lines, run, page);
    }
    let font = fonts.get(object);
    if (!font) {
      pdf._FPDFText_GetFontInfo(textPage, i, name, 256, 0);
      const fontName = pdf.UTF8ToString(name);
      font = { bold: BOLD_FONT.test(fontName), italic: ITALIC_FONT.test(fontName) };
      fonts.set(object, font);
    }
    pdf._FPDFText_GetMatrix(textPage, i, scratch + 32);
    const a = pdf.HEAPF32[(scratch + 32) >> 2] ?? 1;
    const b = pdf.HEAPF32[((scratch + 32) >> 2) + 1] ?? 0;
    const size = pdf._FPDFText_GetFontSize(textPage, i) * Math.hypot(a, b) || 1;
    run = { str: ch, x, y, width: 0, size, bold: font.bold, italic: font.italic };
    runObject = object;
    runEnd = right;
  }
  if (run !== null) {
    run.width = runEnd - run.x;
    addRun(lines, run, page);
  }
  return finishLines(lines);
}

/** Reads a PDF's text layer with positions, font sizes and weights, so headings are known by their look. */
export async function pdfToBlocks(
  bytes: Uint8Array,
  signal: { cancelled: boolean },
  maxPages = 2000,
  maxMemoryMb = DEFAULT_LIMITS.maxMemoryMb,
): Promise<Block[]> {
  const pdf = await pdfium(maxMemoryMb);
  let data = 0;
  let doc = 0;
  const buf = { scratch: 0, name: 0 };
  try {
    data = pdf._malloc(bytes.length);
    buf.scratch = pdf._malloc(64);
    buf.name = pdf._malloc(256);
    if (!data || !buf.scratch || !buf.name) {
      throw new ImportError("limit_memory", `grænsen er ${maxMemoryMb} MB`);
    }
    pdf.HEAPU8.set(bytes, data);
    doc = pdf._FPDF_LoadMemDocument(data, bytes.length, 0);
    if (!doc) {
      throw new ImportError(pdf._FPDF_GetLastError() === FPDF_ERR_PASSWORD ? "pdf_encrypted" : "pdf_invalid");
    }
    const numPages = pdf._FPDF_GetPageCount(doc);
    if (numPages > maxPages) {
      throw new ImportError("limit_pdf_pages", `${numPages} sider – grænsen er ${maxPages}`);
    }
    const pages: Line[][] = [];
    let chars = 0;
    for (let p = 0; p < numPages; p++) {
      if (signal.cancelled) {
        throw new ImportError("timeout");
      }
      const page = pdf._FPDF_LoadPage(doc, p);
      if (!page) {
        checkPdfiumMemory(maxMemoryMb);
        pages.push([]);
        continue;
      }
      const textPage = pdf._FPDFText_LoadPage(page);
      try {
        const lines = textPage ? pageLines(pdf, textPage, p + 1, buf) : [];
        for (const line of lines) {
          for (const run of line.runs) {
            chars += run.str.trim().length;
          }
        }
        pages.push(lines);
      } finally {
        if (textPage) {
          pdf._FPDFText_ClosePage(textPage);
        }
        pdf._FPDF_ClosePage(page);
      }
      checkPdfiumMemory(maxMemoryMb);
    }
    if (chars < Math.max(10, numPages * 5)) {
      throw new ImportError(tail(bytes).includes("%%EOF") ? "pdf_no_text_layer" : "pdf_invalid");
    }
    return linesToBlocks(pages);
  } catch (err) {
    checkPdfiumMemory(maxMemoryMb);
    throw toError(err);
  } finally {
    try {
      if (doc) {
        pdf._FPDF_CloseDocument(doc);
      }
      for (const ptr of [data, buf.scratch, buf.name]) {
        if (ptr) {
          pdf._free(ptr);
        }
      }
    } catch {
      // after a failed allocation the module is dropped (checkPdfiumMemory); nothing to free
    }
  }
}

function tail(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString("latin1");
}
