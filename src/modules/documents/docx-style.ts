/**
 * What every Word file Tværs writes declares: its language (w:lang in the default run properties and
 * on every run), heading styles with outline levels (so Word's navigation, LibreOffice and PDF export
 * see headings), and Markdown written as real runs, links and lists. Shared by the agenda/minutes
 * writer and the hearing matrix.
 */
import {
  AlignmentType,
  ExternalHyperlink,
  type IParagraphStyleOptions,
  type IRunOptions,
  LevelFormat,
  type ParagraphChild,
  TextRun,
} from "docx";
import { parseMarkdown, type Run } from "./markdown.ts";

export const DOCX_FONT = "Calibri";

/** "da" → "da-DK", "en" → "en-GB"; a full tag stays as it is. */
export function docxLang(lang: string): string {
  if (lang.includes("-")) {
    return lang;
  }
  return lang === "en" ? "en-GB" : "da-DK";
}

/** A run that says its language. */
export function textRun(lang: string, options: IRunOptions & { text?: string }): TextRun {
  return new TextRun({ ...options, language: { value: lang } });
}

/** Markdown runs as Word runs; a link becomes a hyperlink (the "Hyperlink" character style). */
export function inlineRuns(lang: string, runs: Run[]): ParagraphChild[] {
  return runs.map((r) => {
    const run = textRun(lang, {
      text: r.text,
      bold: r.bold,
      italics: r.italic,
      ...(r.link ? { style: "Hyperlink" } : {}),
    });
    return r.link ? new ExternalHyperlink({ link: r.link, children: [run] }) : run;
  });
}

const HEADING_SIZES = [36, 28, 23, 21, 21, 21];

/** Heading 1–6 with outline levels 0–5, kept with the next paragraph. */
export function headingStyles(lang: string, colour = "1A1A1A"): IParagraphStyleOptions[] {
  return HEADING_SIZES.map((size, i) => ({
    id: `Heading${i + 1}`,
    name: `heading ${i + 1}`,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { bold: true, size, color: colour, font: DOCX_FONT, language: { value: lang } },
    paragraph: {
      outlineLevel: i,
      keepNext: true,
      keepLines: true,
      spacing: { before: i < 2 ? 240 : 160, after: 80 },
    },
  }));
}

/** The document defaults: font, size and language of every run. */
export function defaultStyles(lang: string, size = 21) {
  return {
    default: { document: { run: { font: DOCX_FONT, size, language: { value: lang } } } },
    paragraphStyles: headingStyles(lang),
  };
}

function numberingLevels(start: number) {
  return [0, 1, 2].map((level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    start,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 340 } } },
  }));
}

/** Numbering definitions ("ol", "ol-3" …) for the start numbers of the ordered lists in these Markdown texts. */
export function numberingFor(texts: string[]) {
  const starts = new Set<number>([1]);
  for (const text of texts) {
    for (const b of parseMarkdown(text)) {
      if (b.kind === "list" && b.ordered) {
        starts.add(b.start);
      }
    }
  }
  return [...starts].map((start) => ({
    reference: start === 1 ? "ol" : `ol-${start}`,
    levels: numberingLevels(start),
  }));
}
