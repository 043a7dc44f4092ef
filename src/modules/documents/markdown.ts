/**
 * The Markdown of item sections, read into blocks both renderers (PDF and Word) share. It is read by
 * markdown-it with the options the pages use (src/web/markdown.ts: no raw HTML, no images, its link
 * validator), so a document shows what the page shows: headings, paragraphs (a line break where the
 * source has one), bullet and numbered lists, tables, **bold**, *italic* and [links](https://…) as
 * real links — never the Markdown syntax. Pure.
 */
import MarkdownIt from "markdown-it";

/** A piece of text in one style; `link` only on link text (then it is the address). */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  link?: string;
}
export type Inline = Run;

export type MdBlock =
  | { kind: "heading"; level: number; runs: Run[] }
  | { kind: "paragraph"; lines: Run[][] }
  | { kind: "list"; ordered: boolean; start: number; depth: number; items: Run[][] }
  | { kind: "table"; head: Run[][]; rows: Run[][][] };

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
md.disable(["image"]);
type Token = ReturnType<typeof md.parse>[number];

/** The lines of an inline token: a soft or hard break starts a new line. */
function inlineLines(token: Token | undefined): Run[][] {
  const lines: Run[][] = [[]];
  let bold = 0;
  let italic = 0;
  const links: string[] = [];
  for (const t of token?.children ?? []) {
    const line = lines[lines.length - 1] as Run[];
    switch (t.type) {
      case "strong_open":
        bold++;
        break;
      case "strong_close":
        bold--;
        break;
      case "em_open":
        italic++;
        break;
      case "em_close":
        italic--;
        break;
      case "link_open":
        links.push(String(t.attrGet("href") ?? ""));
        break;
      case "link_close":
        links.pop();
        break;
      case "softbreak":
      case "hardbreak":
        lines.push([]);
        break;
      case "text":
      case "code_inline":
      case "html_inline":
        push(line, t.content, bold > 0, italic > 0, links.at(-1));
        break;
      default:
        if (t.content) {
          push(line, t.content, bold > 0, italic > 0, links.at(-1));
        }
    }
  }
  return lines.filter((l, i) => l.length > 0 || i === 0);
}

/** Adds text to a line, joining it to the last run when the style is the same. */
function push(line: Run[], text: string, bold: boolean, italic: boolean, link: string | undefined): void {
  if (text === "") {
    return;
  }
  const last = line.at(-1);
  if (last && last.bold === bold && last.italic === italic && last.link === link) {
    last.text += text;
    return;
  }
  line.push(link ? { text, bold, italic, link } : { text, bold, italic });
}

/** One line of runs (breaks become spaces): list items, table cells, headings. */
function oneLine(token: Token | undefined): Run[] {
  const out: Run[] = [];
  inlineLines(token).forEach((line, i) => {
    if (i > 0) {
      push(out, " ", false, false, undefined);
    }
    for (const r of line) {
      push(out, r.text, r.bold, r.italic, r.link);
    }
  });
  return out;
}

/** Splits a line into runs: bold, italic, links, as the page reads them. */
export function parseRuns(line: string): Run[] {
  return oneLine(md.parseInline(line, {})[0]);
}

/** Plain text of runs (for titles, tables of contents and tests). */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join("");
}

function readTable(tokens: Token[], from: number): { block: MdBlock; next: number } {
  const head: Run[][] = [];
  const rows: Run[][][] = [];
  let row: Run[][] | null = null;
  let inHead = false;
  let i = from;
  for (; i < tokens.length && tokens[i]?.type !== "table_close"; i++) {
    const t = tokens[i] as Token;
    if (t.type === "thead_open") {
      inHead = true;
    } else if (t.type === "thead_close") {
      inHead = false;
    } else if (t.type === "tr_open" && !inHead) {
      row = [];
      rows.push(row);
    } else if (t.type === "inline") {
      (inHead ? head : (row ?? head)).push(oneLine(t));
    }
  }
  return { block: { kind: "table", head, rows }, next: i };
}

/** Reads Markdown into blocks; a section holding only "." or "-" is empty (as Danish minutes write it). */
export function parseMarkdown(source: string): MdBlock[] {
  const text = source.replace(/\r\n?/g, "\n");
  if (/^\s*[.-]?\s*$/.test(text)) {
    return [];
  }
  const tokens = md.parse(text, {});
  const blocks: MdBlock[] = [];
  const lists: Array<Extract<MdBlock, { kind: "list" }>> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === "bullet_list_open" || t.type === "ordered_list_open") {
      const ordered = t.type === "ordered_list_open";
      const start = ordered ? Number(t.attrGet("start") ?? 1) : 1;
      const list = { kind: "list" as const, ordered, start, depth: lists.length, items: [] };
      lists.push(list);
      blocks.push(list);
    } else if (t.type === "bullet_list_close" || t.type === "ordered_list_close") {
      lists.pop();
      const parent = lists.pop();
      if (parent) {
        // The outer list goes on after a nested one: a new block, so the order stays as written.
        const rest = { ...parent, start: parent.start + parent.items.length, items: [] };
        lists.push(rest);
        blocks.push(rest);
      }
    } else if (t.type === "heading_open") {
      blocks.push({ kind: "heading", level: Number(t.tag.slice(1)), runs: oneLine(tokens[i + 1]) });
      i += 2;
    } else if (t.type === "table_open") {
      const { block, next } = readTable(tokens, i);
      blocks.push(block);
      i = next;
    } else if (t.type === "inline" && lists.length > 0) {
      // A paragraph inside a list item: the item's text (a second paragraph continues the item).
      const list = lists[lists.length - 1] as Extract<MdBlock, { kind: "list" }>;
      const item = oneLine(t);
      if (tokens[i - 2]?.type === "list_item_open" || list.items.length === 0) {
        list.items.push(item);
      } else {
        list.items[list.items.length - 1]?.push({ text: " ", bold: false, italic: false }, ...item);
      }
    } else if (t.type === "inline") {
      blocks.push({ kind: "paragraph", lines: inlineLines(t) });
    } else if (t.type === "fence" || t.type === "code_block") {
      const lines = t.content.replace(/\n$/, "").split("\n");
      blocks.push({
        kind: "paragraph",
        lines: lines.map((l: string) => [{ text: l, bold: false, italic: false }]),
      });
    }
  }
  return blocks.filter((b) => b.kind !== "list" || b.items.length > 0);
}
