import { type Block, listKindOf, makeBlock } from "./blocks.ts";
import { ImportError } from "./import.errors.ts";

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

interface PdfFont {
  name?: string;
}

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
  const name = err instanceof Error ? err.name : "";
  if (name === "PasswordException") {
    return new ImportError("pdf_encrypted", undefined, { cause: err });
  }
  return new ImportError("pdf_invalid", undefined, { cause: err });
}

/** Reads a PDF's text layer with positions, font sizes and weights, so headings are known by their look. */
export async function pdfToBlocks(
  bytes: Uint8Array,
  signal: { cancelled: boolean },
  maxPages = 2000,
): Promise<Block[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    fontExtraProperties: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > maxPages) {
      throw new ImportError("limit_pdf_pages", `${doc.numPages} sider – grænsen er ${maxPages}`);
    }
    const pages: Line[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      if (signal.cancelled) {
        throw new ImportError("timeout");
      }
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      // Font names (and so weights) arrive with a page's operator list; fonts are shared across
      // pages, so only pages that introduce a new font pay for it.
      const unresolved = content.items.some(
        (item) => "fontName" in item && !page.commonObjs.has(item.fontName),
      );
      if (unresolved) {
        await page.getOperatorList();
      }
      const lines: Line[] = [];
      for (const item of content.items) {
        if (!("str" in item)) {
          continue;
        }
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
        const size = Math.hypot(a, b) || item.height || 1;
        let fontName = "";
        try {
          fontName = (page.commonObjs.get(item.fontName) as PdfFont | null)?.name ?? "";
        } catch {
          fontName = content.styles[item.fontName]?.fontFamily ?? "";
        }
        const run: Run = {
          str: item.str,
          x,
          y,
          width: item.width,
          size,
          bold: BOLD_FONT.test(fontName),
          italic: ITALIC_FONT.test(fontName),
        };
        chars += item.str.trim().length;
        const line = lines.at(-1);
        if (line && Math.abs(line.y - y) <= Math.max(2, size * 0.4)) {
          line.runs.push(run);
          line.size = Math.max(line.size, run.str.trim() === "" ? 0 : size);
        } else if (item.str !== "") {
          lines.push({
            runs: [run],
            y,
            page: p,
            size: run.str.trim() === "" ? 0 : size,
            text: "",
            bold: false,
            left: x,
            right: 0,
          });
        }
      }
      for (const line of lines) {
        line.runs.sort((r, s) => r.x - s.x);
        const { text, bold } = lineText(line.runs, line.size || 10);
        line.text = text;
        line.bold = bold;
        const lastRun = line.runs.at(-1);
        line.right = lastRun ? lastRun.x + lastRun.width : 0;
      }
      pages.push(lines.filter((l) => l.text !== ""));
      page.cleanup();
    }
    if (chars < Math.max(10, doc.numPages * 5)) {
      throw new ImportError(tail(bytes).includes("%%EOF") ? "pdf_no_text_layer" : "pdf_invalid");
    }
    return linesToBlocks(pages);
  } catch (err) {
    throw toError(err);
  } finally {
    await task.destroy();
  }
}

function tail(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString("latin1");
}
