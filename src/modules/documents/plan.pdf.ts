/** The year's meeting plan (mødeplan) of a body as a one-table PDF. */
import { danishDate, danishTimeSpan } from "./danish.ts";
import { renderPdf } from "./pdfmake.ts";

export interface PlanMeeting {
  start: Date;
  end: Date | null;
  location: string | null;
  title: string | null;
  cancelled: boolean;
}

const WEEKDAY = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", weekday: "long" });

export function planPdf(bodyName: string, year: number, rows: PlanMeeting[]): Promise<Uint8Array> {
  const header = ["Dato", "Tid", "Sted", "Bemærkning"].map((text) => ({ text, bold: true }));
  const body = rows.map((m) => {
    const style = m.cancelled ? { decoration: "lineThrough", color: "#777777" } : {};
    return [
      { text: `${WEEKDAY.format(m.start)} ${danishDate(m.start)}`, ...style },
      { text: danishTimeSpan(m.start, m.end), ...style },
      { text: m.location ?? "", ...style },
      { text: m.cancelled ? "Aflyst" : (m.title ?? "") },
    ];
  });
  return renderPdf({
    pageSize: "A4",
    pageMargins: [56, 64, 56, 56],
    info: { title: `Mødeplan ${year} – ${bodyName}`, creator: "Tværs", producer: "Tværs" },
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    footer: (page: number, pages: number) => ({
      text: `Side ${page} af ${pages}`,
      alignment: "right",
      fontSize: 8,
      margin: [56, 20, 56, 0],
    }),
    content: [
      { text: `Mødeplan ${year}`, fontSize: 22, bold: true, margin: [0, 0, 0, 4] },
      { text: bodyName, fontSize: 14, margin: [0, 0, 0, 18] },
      rows.length === 0
        ? { text: `Der er ingen møder i ${year}.`, italics: true }
        : {
            table: { headerRows: 1, widths: [150, 80, "*", 80], body: [header, ...body] },
            layout: "lightHorizontalLines",
          },
    ],
  });
}
