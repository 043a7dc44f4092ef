/**
 * An agenda or minutes as a tagged PDF (PDF/UA-1, pdfkit): cover, attendance and approval (minutes),
 * table of contents with page numbers and links, items as H2 with their sections as H3. Bookmarks
 * follow the headings; running header and footer are artifacts. docs/decisions/012-tagged-pdf.md.
 */

import type { PrintedSnapshot } from "../indicators/index.ts";
import { DOCUMENT_LANG } from "./danish.ts";
import type { DocItem, DocModel } from "./document.model.ts";
import {
  agendaChanges,
  approvalLine,
  attendanceGroups,
  coverLines,
  coverNotes,
  documentTitle,
  itemHeading,
  pageLabel,
  runningFooter,
  runningHeader,
  tocTitle,
} from "./layout.ts";
import { parseMarkdown, type Run } from "./markdown.ts";
import { GREY, PdfWriter } from "./pdf-blocks.ts";
import { openTaggedPdf, type StructElement, TEXT_COLOR } from "./pdfkit.ts";

const MARGIN_X = 56;
const CLOSED = "#8a1c1c";
const TOC_LINE = 16;

const plain = (text: string): Run[] => [{ text, bold: false, italic: false }];
/** The lines of a snapshot's chart, told apart by colour and dash (not by colour alone). */
const LINE_STYLES: Array<{ color: string; dash: number[] | null }> = [
  { color: "#004993", dash: null },
  { color: "#b35900", dash: [4, 2] },
  { color: "#358000", dash: [1, 2] },
  { color: "#6c2c91", dash: [6, 2, 1, 2] },
];

/** A snapshot's line chart, drawn in the 640 × 300 box of the page's SVG, scaled to the text width. */
function drawChart(w: PdfWriter, chart: NonNullable<PrintedSnapshot["chart"]>, x: number, y: number): void {
  const k = w.width / chart.width;
  const doc = w.doc;
  doc.lineWidth(0.4).strokeColor("#bbbbbb").undash();
  doc.font("regular").fontSize(7).fillColor(GREY);
  for (const t of chart.yTicks) {
    doc
      .moveTo(x + 64 * k, y + t.y * k)
      .lineTo(x + (chart.width - 16) * k, y + t.y * k)
      .stroke();
    doc.text(t.label, x, y + t.y * k - 3, { width: 60 * k, align: "right", lineBreak: false });
  }
  const every = Math.max(1, Math.ceil(chart.xLabels.length / 10));
  chart.xLabels.forEach((l, i) => {
    if (i % every === 0 || i === chart.xLabels.length - 1) {
      doc.text(l.label, x + l.x * k - 30, y + (chart.height - 40) * k, {
        width: 60,
        align: "center",
        lineBreak: false,
      });
    }
  });
  chart.lines.forEach((line, i) => {
    const style = LINE_STYLES[i % LINE_STYLES.length] ?? { color: "#004993", dash: null };
    doc.lineWidth(1.5).strokeColor(style.color);
    if (style.dash) {
      doc.dash(style.dash[0] ?? 3, { space: style.dash[1] ?? 2 });
    } else {
      doc.undash();
    }
    line.points.forEach((p, j) => {
      if (j === 0) {
        doc.moveTo(x + p.x * k, y + p.y * k);
      } else {
        doc.lineTo(x + p.x * k, y + p.y * k);
      }
    });
    if (line.points.length > 1) {
      doc.stroke();
    }
    for (const p of line.points) {
      doc
        .circle(x + p.x * k, y + p.y * k, 1.8)
        .fillColor(style.color)
        .fill();
    }
    const ly = y + (chart.height - 18) * k + i * 10;
    doc
      .lineWidth(1.5)
      .strokeColor(style.color)
      .moveTo(x + 64 * k, ly + 4)
      .lineTo(x + 64 * k + 16, ly + 4)
      .stroke();
    doc.undash();
    doc.font("regular").fontSize(7).fillColor(TEXT_COLOR);
    doc.text(line.name, x + 64 * k + 20, ly, { lineBreak: false });
  });
}

/** A snapshot on an item: heading, whether frozen, the chart as a Figure with its text, and the table beside it. */
function writeSnapshot(w: PdfWriter, s: PrintedSnapshot): void {
  w.heading(3, `Nøgletal: ${s.name}`);
  w.text(s.note, { italic: true, color: GREY });
  const chart = s.chart;
  if (chart) {
    const k = w.width / chart.width;
    w.figure(s.alt, chart.height * k + chart.lines.length * 10, (x, y) => drawChart(w, chart, x, y));
  }
  w.table(
    ["Område", "Periode", `Værdi (${s.unit})`, "Indlæst"].map(plain),
    s.rows.map((r) => r.map(plain)),
    { widths: [170, 90, 110, 0], rowHeaders: true, size: 9 },
  );
}

function writeItem(w: PdfWriter, item: DocItem, kind: DocModel["kind"]): void {
  w.heading(2, itemHeading(item), { color: item.access === "closed" ? CLOSED : undefined });
  if (item.redacted) {
    return;
  }
  if (item.caseNumbers.length > 0) {
    w.text(`Sagsnr. ${item.caseNumbers.join(", ")}`, { color: GREY });
  }
  const section = (heading: string, markdown: string) => {
    w.heading(3, heading);
    w.markdown(parseMarkdown(markdown), 3);
  };
  for (const s of item.sections) {
    section(s.heading, s.text);
  }
  for (const r of item.recommendations) {
    section("Indstilling", r);
  }
  if (item.previousDecisions) {
    section("Tidligere beslutninger", item.previousDecisions);
  }
  for (const s of item.indicators) {
    writeSnapshot(w, s);
  }
  if (kind === "minutes") {
    section("Beslutning", item.decision ?? "Ingen.");
    if (item.absent.length > 0) {
      w.heading(3, "Fraværende");
      for (const name of item.absent) {
        w.text(name, {}, 2);
      }
      w.space(4);
    }
  }
  if (item.attachments.length > 0) {
    w.heading(3, "Bilag");
    w.list(item.attachments.map(plain), true, 1);
  }
}

function cover(w: PdfWriter, m: DocModel): void {
  w.space(96);
  w.heading(1, m.kind === "agenda" ? "Dagsorden" : "Referat", { size: 28 });
  w.text(m.body.name, { size: 18 }, 18);
  w.table(
    null,
    coverLines(m).map(([label, value]) => [plain(label), plain(value)]),
    { widths: [90, 0], rowHeaders: true, rules: false },
  );
  for (const note of coverNotes(m)) {
    w.text(note, { italic: true, color: GREY }, 4);
  }
  const approved = approvalLine(m);
  if (approved) {
    w.space(6);
    w.text(approved, { bold: true });
  }
  const changes = agendaChanges(m);
  if (changes) {
    w.heading(2, changes.heading);
    w.list(changes.lines.map(plain), false);
  }
  const groups = attendanceGroups(m);
  if (groups.length > 0) {
    w.heading(2, "Deltagere");
    w.table(
      null,
      groups.map((g) => [plain(g.label), plain(g.names.join(", "))]),
      { widths: [90, 0], rowHeaders: true, rules: false },
    );
  }
}

interface TocSlots {
  /** the TOC element, in its place between the cover and the items; its entries come once pages are known */
  toc: StructElement | null;
  slots: Array<{ page: number; y: number }>;
}

/** The contents heading and room for one line per item. */
function reserveToc(w: PdfWriter, m: DocModel): TocSlots {
  w.newPage();
  if (m.items.length === 0) {
    w.text("Dagsordenen har ingen punkter.");
    return { toc: null, slots: [] };
  }
  w.heading(2, "Indholdsfortegnelse", { size: 18 });
  const toc = w.doc.struct("TOC");
  w.root.add(toc);
  const slots = m.items.map(() => {
    w.ensure(TOC_LINE);
    const range = w.doc.bufferedPageRange();
    const at = { page: range.start + range.count - 1, y: w.doc.y };
    w.space(TOC_LINE);
    return at;
  });
  return { toc, slots };
}

/** The table of contents: TOC > TOCI > Link, the title and page number one link to the item's page. */
function writeToc(w: PdfWriter, m: DocModel, { toc, slots }: TocSlots, itemPages: number[]): void {
  if (!toc) {
    return;
  }
  m.items.forEach((item, i) => {
    const slot = slots[i];
    const target = itemPages[i];
    if (!slot || target === undefined) {
      return;
    }
    w.doc.switchToPage(slot.page);
    const entry = w.doc.struct("TOCI");
    toc.add(entry);
    const link = w.doc.struct("Link");
    entry.add(link);
    link.add(() => {
      w.doc.linkText = `${tocTitle(item)}, side ${target + 1}`;
      w.doc.font("regular").fontSize(10).fillColor("#1a1a1a");
      w.doc.text(tocTitle(item), w.left, slot.y, { width: w.width - 40, lineBreak: false, link: target });
      w.doc.text(String(target + 1), w.left + w.width - 40, slot.y, {
        width: 40,
        align: "right",
        lineBreak: false,
        link: target,
      });
    });
    link.end();
    entry.end();
  });
  toc.end();
}

/** The agenda or minutes as PDF bytes. */
export async function documentPdf(m: DocModel): Promise<Uint8Array> {
  const { doc, root, bytes } = openTaggedPdf({
    title: documentTitle(m),
    author: m.body.name,
    lang: DOCUMENT_LANG,
    margins: { top: 64, bottom: 56, left: MARGIN_X, right: MARGIN_X },
  });
  const w = new PdfWriter(doc, root);
  cover(w, m);
  const toc = reserveToc(w, m);
  const itemPages: number[] = [];
  m.items.forEach((item, i) => {
    if (i === 0) {
      w.newPage();
    } else {
      w.space(8);
    }
    w.ensure(80);
    const range = doc.bufferedPageRange();
    itemPages.push(range.start + range.count - 1);
    writeItem(w, item, m.kind);
  });
  writeToc(w, m, toc, itemPages);
  const header = runningHeader(m);
  const footer = runningFooter(m);
  w.artifacts((page, pages) => {
    doc.font("regular").fontSize(8).fillColor(GREY);
    doc.text(`${header.left} · ${header.right}`, MARGIN_X, 28, { lineBreak: false });
    doc.text(`${footer} · ${pageLabel(page, pages)}`, MARGIN_X, doc.page.height - 36, {
      width: doc.page.width - 2 * MARGIN_X,
      align: "right",
      lineBreak: false,
    });
  });
  doc.end();
  return bytes;
}
