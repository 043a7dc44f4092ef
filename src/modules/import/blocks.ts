/**
 * The intermediate every converter produces: one block per paragraph, line or heading,
 * with what its look says about it. The grammar only ever sees blocks.
 */
export interface Block {
  /** Text with inline Markdown kept (`**bold**`, `*italic*`); tabs separate table cells. */
  text: string;
  /** Heading level 1..6 from markup or font size; 0 for body text. */
  level: number;
  /** The whole block is bold (a heading by look in many layouts). */
  bold: boolean;
  /** List item marker kind, kept in `text`. */
  list: "bullet" | "ordered" | null;
  /** Vertical space before the block: a new paragraph starts here. */
  gap: boolean;
  /** The layout broke this line at the right margin, so the next line continues it (PDF). */
  wrapped?: boolean;
}

/** A block with defaults filled in. */
export function makeBlock(text: string, extra: Partial<Block> = {}): Block {
  return { text, level: 0, bold: false, list: null, gap: true, ...extra };
}

/** Text without inline Markdown, entities of emphasis or repeated white space. */
export function plainText(text: string): string {
  return text
    .replace(/\*\*|__/g, "")
    .replace(/(^|[\s(])[*_]+|[*_]+(?=$|[\s).,:;])/g, "$1")
    .replace(/[ \u00a0]+/g, " ")
    .trim();
}

const BULLET = /^\s*(?:[-*+•·▪◦–]|o(?=\s))\s+/;
const ORDERED = /^\s*\d{1,3}[.)]\s+/;

/** The list kind a line's marker announces, if any. */
export function listKindOf(line: string): Block["list"] {
  if (BULLET.test(line)) {
    return "bullet";
  }
  if (ORDERED.test(line)) {
    return "ordered";
  }
  return null;
}
