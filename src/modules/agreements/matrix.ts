/**
 * The response matrix (svarmatrix/høringsnotat) as the table that goes to the approving body: one row
 * per remark — party, date, section, remark, handling, answer — as CSV (semicolon, UTF-8 with BOM, for
 * Danish Excel) and as a Word table (docx, landscape A4).
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from "docx";
import { csvFile } from "../../lib/csv.ts";
import { formatIsoDay } from "../../web/format.ts";
import type { Lang, Translate } from "../../web/i18n.ts";
import { docxLang, docxRun, docxStyles } from "../documents/index.ts";
import type { TAgreement, THearing } from "./agreements.schemas.ts";

export interface MatrixRow {
  party: string;
  receivedOn: string;
  section: string;
  remark: string;
  handling: string;
  answer: string;
}

/** The rows of a hearing's matrix in the reader's language (responses must be visible to the reader). */
export function matrixRows(hearing: THearing, t: Translate, lang: Lang): MatrixRow[] {
  return (hearing.responses ?? []).flatMap((r) =>
    r.remarks.map((m) => ({
      party: r.partyName,
      receivedOn: formatIsoDay(r.receivedOn, lang),
      section: m.section ?? "",
      remark: m.remark,
      handling: m.handling ? t(`agreements.handling.${m.handling}`) : t("agreements.handling.pending"),
      answer: m.answer,
    })),
  );
}

const HEADINGS = ["party", "receivedOn", "section", "remark", "handling", "answer"] as const;

/** The matrix as CSV, through the one CSV writer (formulas neutralised). */
export function matrixCsv(rows: MatrixRow[], t: Translate): string {
  const head = HEADINGS.map((h) => t(`agreements.matrix.${h}`));
  return csvFile([head, ...rows.map((r) => HEADINGS.map((h) => r[h]))]);
}

const FILL: Record<string, string> = { not_changed: "F4CCCC", adjusted: "FFF2CC", changed: "D9EAD3" };

export async function matrixDocx(
  agreement: TAgreement,
  hearing: THearing,
  t: Translate,
  lang: Lang,
): Promise<Uint8Array> {
  const rows = matrixRows(hearing, t, lang);
  // The file's language (w:lang) is the reader's, as the words in it are.
  const tag = docxLang(lang);
  const run = (text: string, opts: { bold?: boolean; size?: number } = {}) => docxRun(tag, { text, ...opts });
  const handlingKeys = (hearing.responses ?? []).flatMap((r) => r.remarks.map((m) => m.handling));
  const cell = (text: string, opts: { bold?: boolean; fill?: string | undefined } = {}) =>
    new TableCell({
      children: text
        .split(/\r?\n/)
        .map((line) => new Paragraph({ children: [run(line, { bold: opts.bold, size: 18 })] })),
      ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: opts.fill } } : {}),
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: HEADINGS.map((h) => cell(t(`agreements.matrix.${h}`), { bold: true, fill: "D9D9D9" })),
      }),
      ...rows.map(
        (r, i) =>
          new TableRow({
            children: HEADINGS.map((h) =>
              cell(r[h], h === "handling" ? { fill: FILL[handlingKeys[i] ?? ""] } : {}),
            ),
          }),
      ),
    ],
  });
  const t2 = hearing.totals;
  const title = t("agreements.matrix.title", { title: agreement.title });
  const doc = new Document({
    creator: "Tværs",
    lastModifiedBy: agreement.ownerName,
    title,
    styles: docxStyles(tag),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.LEFT,
            children: [run(title, { size: 32 })],
          }),
          new Paragraph({
            spacing: { after: 200 },
            children: [
              run(
                t("agreements.matrix.period", {
                  from: formatIsoDay(hearing.startsOn, lang),
                  to: formatIsoDay(hearing.endsOn, lang),
                  count: hearing.responseCount,
                }),
              ),
            ],
          }),
          table,
          new Paragraph({
            spacing: { before: 200 },
            children: [
              run(
                t2
                  ? t("agreements.matrix.totals", {
                      notChanged: t2.not_changed,
                      adjusted: t2.adjusted,
                      changed: t2.changed,
                      pending: t2.pending,
                    })
                  : "",
              ),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
