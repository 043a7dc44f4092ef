/** An agenda or minutes as PDF (pdfmake): cover, table of contents with page numbers, items. */
import type { DocItem, DocModel } from "./document.model.ts";
import {
  coverLines,
  coverNotes,
  documentTitle,
  itemHeading,
  pageLabel,
  runningFooter,
  runningHeader,
  tocTitle,
} from "./layout.ts";
import { type MdBlock, parseMarkdown, type Run } from "./markdown.ts";
import { type PdfDefinition, type PdfNode, renderPdf } from "./pdfmake.ts";

const MARGIN_X = 56;
const GREY = "#555555";
const CLOSED = "#8a1c1c";

function runs(list: Run[]): PdfNode[] {
  return list.map((r) => ({ text: r.text, bold: r.bold, italics: r.italic }));
}

function lines(parts: Run[][]): PdfNode[] {
  return parts.flatMap((line, i) => (i === 0 ? runs(line) : ["\n", ...runs(line)]));
}

/**
 * A list with its markers as text ("•", "1.") in a hanging indent: pdfmake draws bullets as shapes,
 * which a reader of the text layer (search, copy, the importer) would not see. Columns, not a table:
 * tables cost pdfmake several times more layout time (bench/documents.bench.ts).
 */
function listNode(items: PdfNode[][], start: number | null): PdfNode {
  return {
    stack: items.map((text, i) => ({
      columns: [
        { text: start === null ? "•" : `${start + i}.`, width: 14 },
        { text, width: "*" },
      ],
      margin: [0, 0, 0, 2],
    })),
    margin: [6, 0, 0, 6],
  };
}

function block(b: MdBlock): PdfNode {
  switch (b.kind) {
    case "heading":
      return { text: runs(b.runs), bold: true, fontSize: 10.5, margin: [0, 4, 0, 2] };
    case "list":
      return listNode(
        b.items.map((item) => runs(item)),
        b.ordered ? b.start : null,
      );
    default:
      return { text: lines(b.lines), margin: [0, 0, 0, 6] };
  }
}

/** Markdown → pdfmake nodes. */
export function markdownNodes(markdown: string): PdfNode[] {
  return parseMarkdown(markdown).map(block);
}

function section(heading: string, body: PdfNode[]): PdfNode[] {
  return [{ text: heading, style: "section" }, ...body];
}

function itemNodes(item: DocItem, kind: DocModel["kind"]): PdfNode[] {
  const nodes: PdfNode[] = [
    {
      text: itemHeading(item),
      id: `punkt-${item.number}`,
      style: "item",
      color: item.access === "closed" ? CLOSED : undefined,
    },
  ];
  if (item.redacted) {
    return nodes;
  }
  if (item.caseNumbers.length > 0) {
    nodes.push({ text: `Sagsnr. ${item.caseNumbers.join(", ")}`, color: GREY, margin: [0, 0, 0, 6] });
  }
  for (const s of item.sections) {
    nodes.push(...section(s.heading, markdownNodes(s.text)));
  }
  for (const r of item.recommendations) {
    nodes.push(...section("Indstilling", markdownNodes(r)));
  }
  if (item.previousDecisions) {
    nodes.push(...section("Tidligere beslutninger", markdownNodes(item.previousDecisions)));
  }
  if (kind === "minutes") {
    nodes.push(...section("Beslutning", item.decision ? markdownNodes(item.decision) : [{ text: "Ingen." }]));
    if (item.absent.length > 0) {
      nodes.push(
        ...section(
          "Fraværende",
          item.absent.map((name) => ({ text: name })),
        ),
      );
    }
  }
  if (item.attachments.length > 0) {
    nodes.push(
      ...section("Bilag", [
        listNode(
          item.attachments.map((title) => [title]),
          1,
        ),
      ]),
    );
  }
  return nodes;
}

function cover(m: DocModel): PdfNode[] {
  return [
    { text: m.kind === "agenda" ? "Dagsorden" : "Referat", style: "title" },
    { text: m.body.name, style: "subtitle" },
    {
      table: {
        widths: [90, "*"],
        body: coverLines(m).map(([label, value]) => [{ text: `${label}:`, bold: true }, { text: value }]),
      },
      layout: "noBorders",
      margin: [0, 24, 0, 24],
    },
    ...coverNotes(m).map((note) => ({ text: note, italics: true, color: GREY, margin: [0, 0, 0, 4] })),
  ];
}

function toc(m: DocModel): PdfNode[] {
  if (m.items.length === 0) {
    return [{ text: "Dagsordenen har ingen punkter.", pageBreak: "before" }];
  }
  return [
    { text: "Indholdsfortegnelse", style: "tocTitle", pageBreak: "before" },
    ...m.items.map((item) => ({
      columns: [
        { text: tocTitle(item), width: "*", linkToDestination: `punkt-${item.number}` },
        { text: "0", pageReference: `punkt-${item.number}`, width: 30, alignment: "right" },
      ],
      margin: [0, 0, 0, 2],
    })),
  ];
}

/** The pdfmake definition of a document (exported for the benchmark and tests). */
export function pdfDefinition(m: DocModel): PdfDefinition {
  const header = runningHeader(m);
  const footer = runningFooter(m);
  const items = m.items.flatMap((item, i) => [
    ...(i === 0 ? [{ text: "", pageBreak: "before" }] : [{ text: "", margin: [0, 8, 0, 0] }]),
    ...itemNodes(item, m.kind),
  ]);
  return {
    pageSize: "A4",
    pageMargins: [MARGIN_X, 64, MARGIN_X, 56],
    info: { title: documentTitle(m), author: m.body.name, creator: "Tværs", producer: "Tværs" },
    language: "da-DK",
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 28, bold: true, margin: [0, 120, 0, 8] },
      subtitle: { fontSize: 18 },
      tocTitle: { fontSize: 18, margin: [0, 0, 0, 12] },
      item: { fontSize: 14, bold: true, margin: [0, 6, 0, 6] },
      section: { fontSize: 11.5, bold: true, margin: [0, 6, 0, 3] },
    },
    // Plain text lines: columns here would be laid out again on every page.
    header: {
      text: `${header.left} · ${header.right}`,
      fontSize: 8,
      color: GREY,
      margin: [MARGIN_X, 28, MARGIN_X, 0],
    },
    footer: (page: number, pages: number) => ({
      text: `${footer} · ${pageLabel(page, pages)}`,
      alignment: "right",
      fontSize: 8,
      color: GREY,
      margin: [MARGIN_X, 20, MARGIN_X, 0],
    }),
    content: [...cover(m), ...toc(m), ...items],
  };
}

/** The agenda or minutes as PDF bytes. */
export function documentPdf(m: DocModel): Promise<Uint8Array> {
  return renderPdf(pdfDefinition(m));
}
