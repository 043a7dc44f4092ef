import { type Block, listKindOf, makeBlock } from "./blocks.ts";

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$/;
const TABLE_SEPARATOR = /^\s*\|?[\s:|-]+\|[\s:|-]*$/;
const WHOLE_BOLD = /^(?:\*\*|__)([^*_].*?)(?:\*\*|__)[:.]?$/;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|])/g;

/** Splits Markdown or plain text into blocks: one per line, headings from `#` and whole-bold lines. */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let gap = true;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (line.trim() === "" || RULE.test(line)) {
      gap = true;
      continue;
    }
    const block = lineToBlock(line, gap);
    if (block) {
      blocks.push(block);
    }
    gap = false;
  }
  return blocks;
}

function lineToBlock(line: string, gap: boolean): Block | null {
  const heading = HEADING.exec(line);
  if (heading) {
    const body = unescapeMarkdown(heading[2] ?? "");
    if (body.trim() === "") {
      return null;
    }
    return makeBlock(body.trim(), {
      level: heading[1]?.length ?? 1,
      bold: WHOLE_BOLD.test(body.trim()),
      gap,
    });
  }
  let text = line;
  if (text.trimStart().startsWith("|")) {
    if (TABLE_SEPARATOR.test(text)) {
      return null;
    }
    text = text
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((cell) => cell.trim())
      .join("\t");
  }
  text = unescapeMarkdown(text.trim());
  if (text === "") {
    return null;
  }
  const bold = WHOLE_BOLD.test(text) && !text.slice(2, -2).includes("**");
  return makeBlock(text, { bold, list: listKindOf(text), gap });
}

function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPE, "$1");
}

/** Whether text uses Markdown markup (headings, bold lines) rather than being plain text. */
export function looksLikeMarkdown(text: string): boolean {
  let marks = 0;
  const lines = text.slice(0, 200_000).split("\n");
  for (const line of lines) {
    if (/^#{1,6}\s+\S/.test(line) || /^\*\*[^*]+\*\*/.test(line)) {
      marks += 1;
      if (marks >= 2) {
        return true;
      }
    }
  }
  return false;
}
