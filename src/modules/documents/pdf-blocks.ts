/**
 * Block writers of a tagged PDF: headings (with bookmarks), paragraphs, lists (L/LI/Lbl/LBody),
 * tables (TH with scope) and Markdown. Each block checks its room first, so a heading or a table row
 * is never cut from what follows it. Rules and repeated table heads are artifacts.
 */
import type { MdBlock, Run } from "./markdown.ts";
import { type PdfKitDoc, type StructElement, TEXT_COLOR, type TextStyle, writeInline } from "./pdfkit.ts";

export const GREY = "#555555";
const HEADING_SIZES = [0, 24, 14, 11.5, 10.5, 10, 10];

type Outline = PdfKitDoc["outline"];

export interface TableOptions {
  /** column widths in points; the last one takes what is left when 0 */
  widths: number[];
  /** the first column holds row headers (TH scope Row) */
  rowHeaders?: boolean;
  /** draw horizontal rules between rows */
  rules?: boolean;
  size?: number;
  /** a row drawn struck through and grey (a cancelled meeting) */
  struck?: (row: number) => boolean;
}

const plain = (text: string): Run[] => [{ text, bold: false, italic: false }];

export class PdfWriter {
  private outlines: Outline[] = [];

  constructor(
    readonly doc: PdfKitDoc,
    readonly root: StructElement,
  ) {}

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  space(points: number): void {
    this.doc.y += points;
  }

  /** A new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.newPage();
    }
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** A heading H1–H6 and its bookmark (H1–H3; H1 is the top, the others nest under the last higher one). */
  heading(level: number, text: string, o: { color?: string; size?: number; bookmark?: boolean } = {}): void {
    const size = o.size ?? HEADING_SIZES[level] ?? 10;
    this.ensure(size * 4);
    this.space(size * 0.4);
    if (o.bookmark !== false && level <= 3) {
      const parent = this.outlines[level - 2] ?? this.doc.outline;
      this.outlines[level - 1] = parent.addItem(text);
      this.outlines.length = level;
    }
    const h = this.doc.struct(`H${Math.min(6, Math.max(1, level))}`);
    this.root.add(h);
    writeInline(this.doc, h, plain(text), { size, bold: true, color: o.color });
    h.end();
    this.space(size * 0.3);
  }

  /** A paragraph of lines (each a list of runs); nothing for an empty one. */
  paragraph(lines: Run[][], style: Partial<TextStyle> = {}, after = 6): void {
    const runs = lines.flatMap((line, i) =>
      i === 0 ? line : [{ text: "\n", bold: false, italic: false }, ...line],
    );
    if (runs.every((r) => r.text.trim() === "")) {
      return;
    }
    const size = style.size ?? 10;
    this.ensure(size * 1.6);
    const p = this.doc.struct("P");
    this.root.add(p);
    writeInline(this.doc, p, runs, { size, ...style });
    p.end();
    this.space(after);
  }

  text(text: string, style: Partial<TextStyle> = {}, after = 6): void {
    this.paragraph([plain(text)], style, after);
  }

  /** L > LI > (Lbl, LBody): the marker as real text ("•", "3.") in a hanging indent. */
  list(items: Run[][], ordered: boolean, start = 1, depth = 0, size = 10): void {
    const l = this.doc.struct("L");
    this.root.add(l);
    const x = this.left + 6 + depth * 16;
    const indent = ordered ? 18 : 12;
    items.forEach((runs, i) => {
      this.ensure(size * 1.6);
      const y = this.doc.y;
      const li = this.doc.struct("LI");
      l.add(li);
      const lbl = this.doc.struct("Lbl");
      li.add(lbl);
      writeInline(this.doc, lbl, plain(ordered ? `${start + i}.` : "•"), { size, x, width: indent });
      lbl.end();
      this.doc.y = y;
      const body = this.doc.struct("LBody");
      li.add(body);
      writeInline(this.doc, body, runs.length > 0 ? runs : plain(" "), { size, x: x + indent });
      body.end();
      li.end();
      this.space(2);
    });
    l.end();
    this.space(4);
  }

  /** A table with a header row (TH scope Column) and, if asked, row headers (TH scope Row). */
  table(head: Run[][] | null, rows: Run[][][], o: TableOptions): void {
    const size = o.size ?? 10;
    const widths = o.widths.map((w) => w || this.width - o.widths.reduce((a, b) => a + b, 0));
    const t = this.doc.struct("Table");
    this.root.add(t);
    const drawRow = (cells: Run[][], header: boolean, index: number, artifact: boolean) => {
      const pad = 3;
      const heights = cells.map((c, j) => {
        this.doc.font(header ? "bold" : "regular").fontSize(size);
        return this.doc.heightOfString(c.map((r) => r.text).join("") || " ", {
          width: (widths[j] ?? 50) - 2 * pad,
          lineGap: 2,
        });
      });
      const height = Math.max(...heights) + 2 * pad;
      const top = this.doc.y;
      const struck = !header && (o.struck?.(index) ?? false);
      let x = this.left;
      const tr = artifact ? null : this.doc.struct("TR");
      if (tr) {
        t.add(tr);
      } else {
        this.doc.markContent("Artifact", { type: "Pagination" });
      }
      cells.forEach((c, j) => {
        const style: TextStyle = {
          size,
          x: x + pad,
          width: (widths[j] ?? 50) - 2 * pad,
          bold: header || (o.rowHeaders === true && j === 0),
          color: struck ? "#777777" : TEXT_COLOR,
        };
        this.doc.y = top + pad;
        if (tr) {
          const th = header || (o.rowHeaders === true && j === 0);
          const cell = this.doc.struct(th ? "TH" : "TD", th ? { scope: header ? "Column" : "Row" } : {});
          tr.add(cell);
          writeInline(this.doc, cell, c.length > 0 ? c : plain(""), { ...style, strike: struck });
          cell.end();
        } else {
          this.doc
            .font("bold")
            .fontSize(size)
            .fillColor(TEXT_COLOR)
            .text(c.map((r) => r.text).join(""), style.x, this.doc.y, { width: style.width, lineGap: 2 });
        }
        x += widths[j] ?? 50;
      });
      if (tr) {
        tr.end();
        this.doc.markContent("Artifact", { type: "Layout" });
      }
      this.doc.y = top + height;
      if (o.rules !== false) {
        this.doc.lineWidth(header ? 0.8 : 0.4).strokeColor("#999999");
        this.doc
          .moveTo(this.left, this.doc.y)
          .lineTo(this.left + this.width, this.doc.y)
          .stroke();
      }
      this.doc.endMarkedContent();
      return height;
    };
    const measure = (cells: Run[][]) =>
      Math.max(
        ...cells.map((c, j) =>
          this.doc
            .font("regular")
            .fontSize(size)
            .heightOfString(c.map((r) => r.text).join("") || " ", {
              width: (widths[j] ?? 50) - 6,
              lineGap: 2,
            }),
        ),
      ) + 6;
    this.ensure((head ? measure(head) : 0) + measure(rows[0] ?? [[]]));
    if (head) {
      drawRow(head, true, -1, false);
    }
    rows.forEach((r, i) => {
      if (this.doc.y + measure(r) > this.bottom) {
        this.newPage();
        if (head) {
          drawRow(head, true, -1, true);
        }
      }
      drawRow(r, false, i, false);
    });
    t.end();
    this.space(8);
  }

  /**
   * A Figure element with its alternative text, `height` points tall at the left margin: a drawing a
   * screen reader reads as `alt` (PDF/UA 7.3). The drawing must fit on one page.
   */
  figure(alt: string, height: number, draw: (x: number, y: number) => void): void {
    this.ensure(height + 8);
    const top = this.doc.y;
    const fig = this.doc.struct("Figure", { alt }, () => draw(this.left, top));
    this.root.add(fig);
    fig.end();
    this.doc.y = top + height;
    this.doc.x = this.left;
    this.space(8);
  }

  /** Markdown blocks below a heading of `level`: their own headings one level further down. */
  markdown(blocks: MdBlock[], level: number): void {
    // The section's highest Markdown heading sits right below it, whatever "#" it was written with.
    const top = Math.min(6, ...blocks.map((b) => (b.kind === "heading" ? b.level : 6)));
    for (const b of blocks) {
      if (b.kind === "heading") {
        this.heading(Math.min(6, level + 1 + b.level - top), b.runs.map((r) => r.text).join(""), {
          size: HEADING_SIZES[4],
          bookmark: false,
        });
      } else if (b.kind === "list") {
        this.list(b.items, b.ordered, b.start, b.depth);
      } else if (b.kind === "table") {
        const columns = Math.max(b.head.length, ...b.rows.map((r) => r.length), 1);
        this.table(b.head.length > 0 ? b.head : null, b.rows, {
          widths: Array(columns).fill(this.width / columns),
        });
      } else {
        this.paragraph(b.lines);
      }
    }
  }

  /** Running header and footer on every page, as artifacts (not read as body text). */
  artifacts(draw: (page: number, pages: number) => void): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const margins = { ...this.doc.page.margins };
      // Text below the bottom margin would start a new page.
      this.doc.page.margins.bottom = 0;
      this.doc.page.margins.top = 0;
      this.doc.markContent("Artifact", { type: "Pagination" });
      draw(i + 1, range.count);
      this.doc.endMarkedContent();
      this.doc.page.margins.top = margins.top;
      this.doc.page.margins.bottom = margins.bottom;
    }
  }
}
