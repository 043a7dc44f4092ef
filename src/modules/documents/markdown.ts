/**
 * The Markdown of item sections, read into blocks both renderers (PDF and Word) share: headings,
 * paragraphs (lines joined, a hard break where the source has one), bullet and numbered lists,
 * with **bold** and *italic* runs. Pure; anything else stays literal text.
 */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type MdBlock =
  | { kind: "heading"; level: number; runs: Run[] }
  | { kind: "paragraph"; lines: Run[][] }
  | { kind: "list"; ordered: boolean; start: number; items: Run[][] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,4})[.)]\s+(.*)$/;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;

function unescapeMd(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1");
}

/** Splits a line into runs: `**bold**`, `__bold__`, `*italic*`, `_italic_`, and both nested. */
export function parseRuns(line: string): Run[] {
  const runs: Run[] = [];
  const re =
    /\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<![\p{L}\d])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\d])/gu;
  let last = 0;
  const push = (text: string, bold: boolean, italic: boolean) => {
    if (text !== "") {
      runs.push({ text: unescapeMd(text), bold, italic });
    }
  };
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    push(line.slice(last, m.index), false, false);
    if (m[1] !== undefined) {
      push(m[1], true, true);
    } else if (m[2] !== undefined || m[3] !== undefined) {
      // Italic inside bold: "**Formål:** *kort*" is common; one level of nesting is enough.
      for (const inner of parseRuns(m[2] ?? m[3] ?? "")) {
        push(inner.text, true, inner.italic);
      }
    } else {
      push(m[4] ?? m[5] ?? "", false, true);
    }
    last = m.index + m[0].length;
  }
  push(line.slice(last), false, false);
  return runs;
}

/** Plain text of runs (for titles, tables of contents and tests). */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join("");
}

/** Reads Markdown into blocks; a section holding only "." or "-" is empty (as Danish minutes write it). */
export function parseMarkdown(source: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  let paragraph: Run[][] | null = null;
  let list: Extract<MdBlock, { kind: "list" }> | null = null;
  const text = source.replace(/\r\n?/g, "\n");
  if (/^\s*[.-]?\s*$/.test(text)) {
    return [];
  }
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (line.trim() === "" || RULE.test(line)) {
      paragraph = null;
      list = null;
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = heading ? null : BULLET.exec(line);
    const numbered = heading || bullet ? null : NUMBERED.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1]?.length ?? 1, runs: parseRuns(heading[2] ?? "") });
      paragraph = null;
      list = null;
    } else if (bullet || numbered) {
      const ordered = numbered !== null;
      const content = (bullet ? bullet[1] : numbered?.[2]) ?? "";
      if (!list || list.ordered !== ordered) {
        list = { kind: "list", ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
        blocks.push(list);
      }
      list.items.push(parseRuns(content.trim()));
      paragraph = null;
    } else if (list && /^\s{2,}\S/.test(raw)) {
      // An indented line continues the list item above it.
      const lastItem = list.items.at(-1);
      lastItem?.push({ text: " ", bold: false, italic: false }, ...parseRuns(line.trim()));
    } else if (paragraph) {
      paragraph.push(parseRuns(line.trim()));
    } else {
      list = null;
      paragraph = [parseRuns(line.trim())];
      blocks.push({ kind: "paragraph", lines: paragraph });
    }
  }
  return blocks;
}
