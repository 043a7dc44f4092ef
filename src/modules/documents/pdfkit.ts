/**
 * Tagged PDF (PDF/UA-1) on pdfkit: every block is written inside its structure element, running
 * headers and footers are artifacts, links carry their annotation in the tree (OBJR), headings make
 * the bookmarks. The renderers (document.pdf.ts, plan.pdf.ts) only say what comes in which order.
 * See docs/decisions/012-tagged-pdf.md.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Inline } from "./markdown.ts";

/** The part of pdfkit's API we use (pdfkit ships no types). */
export interface StructElement {
  add(child: StructElement | (() => void)): StructElement;
  end(): void;
}
interface Outline {
  addItem(title: string, options?: { expanded?: boolean }): Outline;
}
export interface PdfKitDoc {
  /** what the next link annotation says it leads to (its /Contents, read by assistive technology) */
  linkText?: string;
  x: number;
  y: number;
  page: {
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
  };
  outline: Outline;
  registerFont(name: string, src: Buffer): PdfKitDoc;
  font(name: string): PdfKitDoc;
  fontSize(size: number): PdfKitDoc;
  fillColor(color: string): PdfKitDoc;
  strokeColor(color: string): PdfKitDoc;
  lineWidth(width: number): PdfKitDoc;
  moveTo(x: number, y: number): PdfKitDoc;
  lineTo(x: number, y: number): PdfKitDoc;
  stroke(): PdfKitDoc;
  fill(): PdfKitDoc;
  circle(x: number, y: number, radius: number): PdfKitDoc;
  dash(length: number, options?: { space?: number }): PdfKitDoc;
  undash(): PdfKitDoc;
  text(
    text: string,
    x?: number | Record<string, unknown>,
    y?: number,
    options?: Record<string, unknown>,
  ): PdfKitDoc;
  heightOfString(text: string, options?: Record<string, unknown>): number;
  addPage(): PdfKitDoc;
  switchToPage(n: number): void;
  bufferedPageRange(): { start: number; count: number };
  struct(type: string, options?: Record<string, unknown> | (() => void), children?: unknown): StructElement;
  addStructure(element: StructElement): PdfKitDoc;
  markContent(tag: string, options?: Record<string, unknown>): PdfKitDoc;
  endMarkedContent(): PdfKitDoc;
  addNamedDestination(name: string): void;
  on(event: string, listener: (chunk?: Buffer) => void): void;
  end(): void;
}

type LinkFn = (
  x: number,
  y: number,
  w: number,
  h: number,
  url: unknown,
  options?: Record<string, unknown>,
) => unknown;

/**
 * PDF/UA wants every link annotation to describe itself (/Contents); pdfkit writes an empty one for
 * links drawn inside a Link element. The renderers put the link's text in `doc.linkText` first.
 */
function describeLinks(doc: PdfKitDoc): void {
  const target = doc as unknown as { link: LinkFn };
  const link = target.link.bind(doc);
  target.link = (x, y, w, h, url, options = {}) => {
    const text = doc.linkText ?? (typeof url === "string" ? url : "");
    // A String object is how pdfkit writes a PDF text string (a plain string would become a name).
    return link(x, y, w, h, url, { ...options, Contents: new String(text) });
  };
}

type PdfKitCtor = new (options: Record<string, unknown>) => PdfKitDoc;

export const FONTS = { regular: "Regular", bold: "Medium", italic: "Italic", boldItalic: "MediumItalic" };
let loaded: { PDFDocument: PdfKitCtor; fonts: Record<keyof typeof FONTS, Buffer> } | null = null;

/**
 * pdfkit and the Roboto TrueType files that ship inside the pdfmake package (Unicode cmap, æøå and
 * Danish punctuation), read once per process. Embedded as subsets with a ToUnicode map.
 */
function load() {
  if (loaded) {
    return loaded;
  }
  const require = createRequire(import.meta.url);
  const PDFDocument = require("pdfkit") as PdfKitCtor;
  const dir = join(dirname(require.resolve("pdfmake/package.json")), "build", "fonts", "Roboto");
  const read = (style: string) => readFileSync(join(dir, `Roboto-${style}.ttf`));
  loaded = {
    PDFDocument,
    fonts: {
      regular: read(FONTS.regular),
      bold: read(FONTS.bold),
      italic: read(FONTS.italic),
      boldItalic: read(FONTS.boldItalic),
    },
  };
  return loaded;
}

export interface TaggedPdfOptions {
  title: string;
  author?: string;
  subject?: string;
  /** BCP 47, e.g. "da-DK" */
  lang: string;
  margins: { top: number; bottom: number; left: number; right: number };
}

export const LINK_COLOR = "#1a4f8b";
export const TEXT_COLOR = "#1a1a1a";

/** Font name of a run's style. */
export function fontOf(r: { bold?: boolean; italic?: boolean }): keyof typeof FONTS {
  if (r.bold) {
    return r.italic ? "boldItalic" : "bold";
  }
  return r.italic ? "italic" : "regular";
}

/** A new tagged A4 document: catalog /Lang, DisplayDocTitle, XMP with pdfuaid:part 1, MarkInfo. */
export function openTaggedPdf(o: TaggedPdfOptions): {
  doc: PdfKitDoc;
  root: StructElement;
  bytes: Promise<Uint8Array>;
} {
  const { PDFDocument, fonts } = load();
  const doc = new PDFDocument({
    size: "A4",
    margins: o.margins,
    pdfVersion: "1.7",
    subset: "PDF/UA",
    tagged: true,
    displayTitle: true,
    lang: o.lang,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: o.title,
      Author: o.author ?? "Tværs",
      Subject: o.subject ?? o.title,
      Creator: "Tværs",
      Producer: "Tværs",
    },
  });
  for (const [name, data] of Object.entries(fonts)) {
    doc.registerFont(name, data);
  }
  doc.font("regular").fillColor(TEXT_COLOR);
  describeLinks(doc);
  const chunks: Buffer[] = [];
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk) => chunk && chunks.push(chunk));
    doc.on("end", () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    doc.on("error", reject as (chunk?: Buffer) => void);
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  return { doc, root, bytes };
}

export interface TextStyle {
  size: number;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  x?: number;
  width?: number;
  align?: "left" | "right" | "center";
  lineGap?: number;
  strike?: boolean;
}

/**
 * Writes inline runs into `parent` as one text flow: plain runs as marked content of the parent, links
 * as Link elements holding their text and their annotation. The caller has placed doc.x/doc.y.
 */
export function writeInline(doc: PdfKitDoc, parent: StructElement, runs: Inline[], style: TextStyle): void {
  const list = runs.filter((r) => r.text !== "");
  const x = style.x ?? doc.page.margins.left;
  const width = style.width ?? doc.page.width - doc.page.margins.right - x;
  doc.x = x;
  doc.fontSize(style.size);
  list.forEach((r, i) => {
    const draw = () => {
      doc.linkText = r.link ? `${r.text} (${r.link})` : undefined;
      doc
        .font(fontOf({ bold: style.bold || r.bold, italic: style.italic || r.italic }))
        .fillColor(r.link ? LINK_COLOR : (style.color ?? TEXT_COLOR))
        .text(r.text, {
          continued: i < list.length - 1,
          width,
          align: style.align ?? "left",
          lineGap: style.lineGap ?? 2,
          link: r.link ?? undefined,
          underline: Boolean(r.link),
          strike: style.strike ?? false,
        });
    };
    parent.add(r.link ? doc.struct("Link", {}, draw) : draw);
  });
  doc.x = x;
}
