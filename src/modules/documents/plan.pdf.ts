/** The year's meeting plan (mødeplan) of a body as a tagged PDF: a title and one table with a header row. */
import { DOCUMENT_LANG, danishDate, danishTimeSpan } from "./danish.ts";
import { GREY, PdfWriter } from "./pdf-blocks.ts";
import { openTaggedPdf } from "./pdfkit.ts";

export interface PlanMeeting {
  start: Date;
  end: Date | null;
  location: string | null;
  title: string | null;
  cancelled: boolean;
}

const WEEKDAY = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", weekday: "long" });
const MARGIN_X = 56;
const cell = (text: string) => [{ text, bold: false, italic: false }];

export async function planPdf(bodyName: string, year: number, rows: PlanMeeting[]): Promise<Uint8Array> {
  const { doc, root, bytes } = openTaggedPdf({
    title: `Mødeplan ${year} – ${bodyName}`,
    author: bodyName,
    lang: DOCUMENT_LANG,
    margins: { top: 64, bottom: 56, left: MARGIN_X, right: MARGIN_X },
  });
  const w = new PdfWriter(doc, root);
  w.heading(1, `Mødeplan ${year}`, { size: 22 });
  w.text(bodyName, { size: 14 }, 14);
  if (rows.length === 0) {
    w.text(`Der er ingen møder i ${year}.`, { italic: true });
  } else {
    w.table(
      ["Dato", "Tid", "Sted", "Bemærkning"].map(cell),
      rows.map((m) => [
        cell(`${WEEKDAY.format(m.start)} ${danishDate(m.start)}`),
        cell(danishTimeSpan(m.start, m.end)),
        cell(m.location ?? ""),
        cell(m.cancelled ? "Aflyst" : (m.title ?? "")),
      ]),
      { widths: [150, 80, 0, 80], struck: (i) => rows[i]?.cancelled === true },
    );
  }
  w.artifacts((page, pages) => {
    doc.font("regular").fontSize(8).fillColor(GREY);
    doc.text(`Side ${page} af ${pages}`, MARGIN_X, doc.page.height - 36, {
      width: doc.page.width - 2 * MARGIN_X,
      align: "right",
      lineBreak: false,
    });
  });
  doc.end();
  return bytes;
}
