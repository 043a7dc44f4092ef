/** An agenda or minutes as a Word document (docx): the same layout as the PDF, with real heading and list styles. */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TableOfContents,
  TabStopType,
  TextRun,
} from "docx";
import { estimatePageNumbers } from "docx/layout";
import type { DocItem, DocModel } from "./document.model.ts";
import {
  coverLines,
  coverNotes,
  documentTitle,
  itemHeading,
  runningFooter,
  runningHeader,
} from "./layout.ts";
import { type MdBlock, parseMarkdown, type Run } from "./markdown.ts";

const GREY = "555555";
const CLOSED = "8A1C1C";
/** A4 text width in twips with 2 cm margins: 11906 − 2 × 1134. */
const RIGHT_TAB = 9638;
const FONT = "Calibri";

function runs(list: Run[]): TextRun[] {
  return list.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic }));
}

/** Writes Markdown blocks; each numbered list gets its own numbering instance, so it starts at its own number. */
class Writer {
  readonly paragraphs: Paragraph[] = [];
  private lists = 0;

  heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], color?: string): void {
    this.paragraphs.push(new Paragraph({ heading: level, children: [new TextRun({ text, color })] }));
  }

  text(children: ParagraphChild[], options: { color?: string; italics?: boolean } = {}): void {
    this.paragraphs.push(
      new Paragraph({
        children,
        spacing: { after: 120 },
        run: { color: options.color, italics: options.italics },
      }),
    );
  }

  markdown(markdown: string): void {
    for (const b of parseMarkdown(markdown)) {
      this.block(b);
    }
  }

  orderedList(items: Run[][], start = 1): void {
    const instance = ++this.lists;
    for (const item of items) {
      this.paragraphs.push(
        new Paragraph({
          children: runs(item),
          numbering: { reference: start === 1 ? "ol" : `ol-${start}`, level: 0, instance },
        }),
      );
    }
  }

  private block(b: MdBlock): void {
    if (b.kind === "heading") {
      this.heading(b.runs.map((r) => r.text).join(""), HeadingLevel.HEADING_4);
    } else if (b.kind === "list" && b.ordered) {
      this.orderedList(b.items, b.start);
    } else if (b.kind === "list") {
      for (const item of b.items) {
        this.paragraphs.push(new Paragraph({ children: runs(item), bullet: { level: 0 } }));
      }
    } else {
      this.text(
        b.lines.flatMap((line, i) => (i === 0 ? runs(line) : [new TextRun({ break: 1 }), ...runs(line)])),
      );
    }
  }

  section(heading: string, fill: () => void): void {
    this.heading(heading, HeadingLevel.HEADING_3);
    fill();
  }
}

function writeItem(w: Writer, item: DocItem, kind: DocModel["kind"]): void {
  w.heading(itemHeading(item), HeadingLevel.HEADING_2, item.access === "closed" ? CLOSED : undefined);
  if (item.redacted) {
    return;
  }
  if (item.caseNumbers.length > 0) {
    w.text([new TextRun({ text: `Sagsnr. ${item.caseNumbers.join(", ")}`, color: GREY })]);
  }
  for (const s of item.sections) {
    w.section(s.heading, () => w.markdown(s.text));
  }
  for (const r of item.recommendations) {
    w.section("Indstilling", () => w.markdown(r));
  }
  const previous = item.previousDecisions;
  if (previous) {
    w.section("Tidligere beslutninger", () => w.markdown(previous));
  }
  if (kind === "minutes") {
    w.section("Beslutning", () => w.markdown(item.decision ?? "Ingen."));
    if (item.absent.length > 0) {
      w.section("Fraværende", () => {
        for (const name of item.absent) {
          w.paragraphs.push(new Paragraph({ text: name }));
        }
      });
    }
  }
  if (item.attachments.length > 0) {
    w.section("Bilag", () =>
      w.orderedList(item.attachments.map((t) => [{ text: t, bold: false, italic: false }])),
    );
  }
}

function cover(w: Writer, m: DocModel): void {
  w.paragraphs.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      spacing: { before: 2400 },
      text: m.kind === "agenda" ? "Dagsorden" : "Referat",
    }),
    new Paragraph({ children: [new TextRun({ text: m.body.name, size: 36 })], spacing: { after: 480 } }),
  );
  for (const [label, value] of coverLines(m)) {
    w.paragraphs.push(
      new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    );
  }
  w.paragraphs.push(new Paragraph({ text: "", spacing: { after: 240 } }));
  for (const note of coverNotes(m)) {
    w.text([new TextRun(note)], { color: GREY, italics: true });
  }
}

function headerFooter(m: DocModel) {
  const header = runningHeader(m);
  const tabs = [{ type: TabStopType.RIGHT, position: RIGHT_TAB }];
  const small = { size: 16, color: GREY };
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            tabStops: tabs,
            children: [new TextRun({ text: `${header.left}\t${header.right}`, ...small })],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            tabStops: tabs,
            children: [
              new TextRun({ text: `${runningFooter(m)}\tSide `, ...small }),
              new TextRun({ children: [PageNumber.CURRENT], ...small }),
              new TextRun({ text: " af ", ...small }),
              new TextRun({ children: [PageNumber.TOTAL_PAGES], ...small }),
            ],
          }),
        ],
      }),
    },
  };
}

function numberingLevels(start: number) {
  return [
    {
      level: 0,
      format: LevelFormat.DECIMAL,
      text: "%1.",
      start,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: 567, hanging: 340 } } },
    },
  ];
}

/** The numbering definitions of the ordered lists' start numbers in the document. */
function numberingConfig(m: DocModel) {
  const starts = new Set<number>([1]);
  for (const item of m.items) {
    for (const text of [...item.sections.map((s) => s.text), ...item.recommendations, item.decision ?? ""]) {
      for (const b of parseMarkdown(text)) {
        if (b.kind === "list" && b.ordered) {
          starts.add(b.start);
        }
      }
    }
  }
  return [...starts].map((start) => ({
    reference: start === 1 ? "ol" : `ol-${start}`,
    levels: numberingLevels(start),
  }));
}

/** The agenda or minutes as DOCX bytes. */
export async function documentDocx(m: DocModel): Promise<Uint8Array> {
  const w = new Writer();
  cover(w, m);
  const body: Array<Paragraph | TableOfContents> = [...w.paragraphs];
  const items = new Writer();
  for (const item of m.items) {
    writeItem(items, item, m.kind);
  }
  const doc = new Document({
    title: documentTitle(m),
    creator: "Tværs",
    description: documentTitle(m),
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    numbering: { config: numberingConfig(m) },
    pageNumbers: estimatePageNumbers,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        ...headerFooter(m),
        children: [
          ...body,
          new Paragraph({
            pageBreakBefore: true,
            children: [new TextRun({ text: "Indholdsfortegnelse", size: 36 })],
          }),
          new TableOfContents("Indholdsfortegnelse", { hyperlink: true, headingStyleRange: "2-2" }),
          new Paragraph({ pageBreakBefore: true, text: "" }),
          ...items.paragraphs,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
