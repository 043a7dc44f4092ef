/**
 * An agenda or minutes as a Word document (docx): the same content as the PDF, in heading styles
 * with outline levels, a table of contents field filled from the headings, Danish (w:lang) throughout,
 * Markdown as real bold, italic, links, lists and tables.
 */
import {
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  WidthType,
} from "docx";
import { estimatePageNumbers } from "docx/layout";
import { DOCUMENT_LANG } from "./danish.ts";
import type { DocItem, DocModel } from "./document.model.ts";
import { defaultStyles, inlineRuns, numberingFor, textRun } from "./docx-style.ts";
import {
  agendaChanges,
  approvalLine,
  attendanceGroups,
  coverLines,
  coverNotes,
  documentTitle,
  itemHeading,
  runningFooter,
  runningHeader,
} from "./layout.ts";
import { type MdBlock, parseMarkdown, type Run } from "./markdown.ts";

const LANG = DOCUMENT_LANG;
const GREY = "555555";
const CLOSED = "8A1C1C";
/** A4 text width in twips with 2 cm margins: 11906 − 2 × 1134. */
const RIGHT_TAB = 9638;
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

const runs = (list: Run[]): ParagraphChild[] => inlineRuns(LANG, list);
const plain = (text: string): Run[] => [{ text, bold: false, italic: false }];

/** Writes Markdown blocks; each numbered list gets its own numbering instance, so it starts at its own number. */
class Writer {
  readonly children: Array<Paragraph | Table> = [];
  private lists = 0;

  heading(text: string, level: number, color?: string): void {
    this.children.push(
      new Paragraph({
        heading: HEADINGS[Math.min(6, Math.max(1, level)) - 1],
        children: [textRun(LANG, { text, color })],
      }),
    );
  }

  text(
    children: ParagraphChild[],
    options: { color?: string; italics?: boolean; after?: number } = {},
  ): void {
    this.children.push(
      new Paragraph({
        children,
        spacing: { after: options.after ?? 120 },
        run: { color: options.color, italics: options.italics },
      }),
    );
  }

  markdown(markdown: string, level: number): void {
    const blocks = parseMarkdown(markdown);
    const top = Math.min(6, ...blocks.map((b) => (b.kind === "heading" ? b.level : 6)));
    for (const b of blocks) {
      this.block(b, level + 1 + (b.kind === "heading" ? b.level - top : 0));
    }
  }

  orderedList(items: Run[][], start = 1, depth = 0): void {
    const instance = ++this.lists;
    for (const item of items) {
      this.children.push(
        new Paragraph({
          children: runs(item),
          numbering: { reference: start === 1 ? "ol" : `ol-${start}`, level: Math.min(depth, 2), instance },
        }),
      );
    }
  }

  table(head: Run[][], rows: Run[][][]): void {
    const cell = (content: Run[], header: boolean) =>
      new TableCell({
        children: [
          new Paragraph({ children: runs(header ? content.map((r) => ({ ...r, bold: true })) : content) }),
        ],
      });
    this.children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          ...(head.length > 0
            ? [new TableRow({ tableHeader: true, children: head.map((c) => cell(c, true)) })]
            : []),
          ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
        ],
      }),
      new Paragraph({ text: "" }),
    );
  }

  private block(b: MdBlock, level: number): void {
    if (b.kind === "heading") {
      this.heading(b.runs.map((r) => r.text).join(""), level);
    } else if (b.kind === "list" && b.ordered) {
      this.orderedList(b.items, b.start, b.depth);
    } else if (b.kind === "list") {
      for (const item of b.items) {
        this.children.push(new Paragraph({ children: runs(item), bullet: { level: Math.min(b.depth, 2) } }));
      }
    } else if (b.kind === "table") {
      this.table(b.head, b.rows);
    } else {
      this.text(
        b.lines.flatMap((line, i) => (i === 0 ? runs(line) : [textRun(LANG, { break: 1 }), ...runs(line)])),
      );
    }
  }

  section(heading: string, fill: () => void): void {
    this.heading(heading, 3);
    fill();
  }
}

function writeItem(w: Writer, item: DocItem, kind: DocModel["kind"]): void {
  w.heading(itemHeading(item), 2, item.access === "closed" ? CLOSED : undefined);
  if (item.redacted) {
    return;
  }
  if (item.caseNumbers.length > 0) {
    w.text([textRun(LANG, { text: `Sagsnr. ${item.caseNumbers.join(", ")}`, color: GREY })]);
  }
  for (const s of item.sections) {
    w.section(s.heading, () => w.markdown(s.text, 3));
  }
  for (const r of item.recommendations) {
    w.section("Indstilling", () => w.markdown(r, 3));
  }
  const previous = item.previousDecisions;
  if (previous) {
    w.section("Tidligere beslutninger", () => w.markdown(previous, 3));
  }
  for (const snap of item.indicators) {
    // Word gets the chart as its description in words (an accessible rendering) and the table of its figures.
    w.section(`Nøgletal: ${snap.name}`, () => {
      w.text([textRun(LANG, { text: snap.note, color: GREY })]);
      w.text([textRun(LANG, { text: snap.alt })]);
      w.table(
        ["Område", "Periode", `Værdi (${snap.unit})`, "Indlæst"].map(plain),
        snap.rows.map((r) => r.map(plain)),
      );
    });
  }
  if (kind === "minutes") {
    w.section("Beslutning", () => w.markdown(item.decision ?? "Ingen.", 3));
    if (item.absent.length > 0) {
      w.section("Fraværende", () => {
        for (const name of item.absent) {
          w.text(runs(plain(name)), { after: 0 });
        }
      });
    }
  }
  if (item.attachments.length > 0) {
    w.section("Bilag", () => w.orderedList(item.attachments.map(plain)));
  }
}

function labelled(w: Writer, label: string, value: string): void {
  w.text([textRun(LANG, { text: `${label}: `, bold: true }), textRun(LANG, { text: value })], { after: 40 });
}

function cover(w: Writer, m: DocModel): void {
  w.children.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      spacing: { before: 2400 },
      children: [textRun(LANG, { text: m.kind === "agenda" ? "Dagsorden" : "Referat" })],
    }),
    new Paragraph({ children: [textRun(LANG, { text: m.body.name, size: 36 })], spacing: { after: 480 } }),
  );
  for (const [label, value] of coverLines(m)) {
    labelled(w, label, value);
  }
  w.text([], { after: 240 });
  for (const note of coverNotes(m)) {
    w.text([textRun(LANG, { text: note })], { color: GREY, italics: true });
  }
  const approved = approvalLine(m);
  if (approved) {
    w.text([textRun(LANG, { text: approved, bold: true })]);
  }
  const changes = agendaChanges(m);
  if (changes) {
    w.heading(changes.heading, 2);
    for (const line of changes.lines) {
      w.text([textRun(LANG, { text: line })]);
    }
  }
  const groups = attendanceGroups(m);
  if (groups.length > 0) {
    w.heading("Deltagere", 2);
    for (const g of groups) {
      labelled(w, g.label, g.names.join(", "));
    }
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
            children: [textRun(LANG, { text: `${header.left}\t${header.right}`, ...small })],
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
              textRun(LANG, { text: `${runningFooter(m)}\tSide `, ...small }),
              textRun(LANG, { children: [PageNumber.CURRENT], ...small }),
              textRun(LANG, { text: " af ", ...small }),
              textRun(LANG, { children: [PageNumber.TOTAL_PAGES], ...small }),
            ],
          }),
        ],
      }),
    },
  };
}

/** The agenda or minutes as DOCX bytes. */
export async function documentDocx(m: DocModel): Promise<Uint8Array> {
  const w = new Writer();
  cover(w, m);
  const items = new Writer();
  for (const item of m.items) {
    writeItem(items, item, m.kind);
  }
  const doc = new Document({
    title: documentTitle(m),
    subject: documentTitle(m),
    creator: "Tværs",
    lastModifiedBy: m.body.name,
    description: documentTitle(m),
    styles: defaultStyles(LANG),
    numbering: {
      config: numberingFor(
        m.items.flatMap((i) => [
          ...i.sections.map((x) => x.text),
          ...i.recommendations,
          i.previousDecisions ?? "",
          i.decision ?? "",
        ]),
      ),
    },
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
          ...w.children,
          new Paragraph({
            pageBreakBefore: true,
            children: [textRun(LANG, { text: "Indholdsfortegnelse", size: 36 })],
          }),
          new TableOfContents("Indholdsfortegnelse", { hyperlink: true, headingStyleRange: "2-2" }),
          new Paragraph({ pageBreakBefore: true, text: "" }),
          ...items.children,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
