import { type Block, plainText } from "./blocks.ts";

const TOC_HEADING =
  /^(?:indholdsfortegnelse|indhold|dagsordensoversigt|oversigt over punkter|punktoversigt)$/i;
/** A line ending in dotted leaders or a tab and a page number. */
const LEADERS = /(?:\.{3,}|…+|·{3,}|_{3,})\s*\d{1,4}\s*$/;
const TAB_PAGE = /\t\s*\d{1,4}\s*$/;

export interface TocResult {
  blocks: Block[];
  /** Titles listed in the table of contents, for choosing between variant item titles. */
  titles: string[];
}

function tocTitle(plain: string): string {
  return plain
    .replace(/(?:\.{3,}|…+|·{3,}|_{3,})?\s*\t?\s*\d{1,4}\s*$/, "")
    .replace(/[.…\s]+$/, "")
    .replace(/^(?:punkt|pkt\.?)\s*\d{1,3}\s*[:.]?\s*|^\d{1,3}[.)]?\s+/i, "")
    .trim();
}

/** Removes the table of contents (its heading and its leader lines) and returns the titles it listed. */
export function stripTableOfContents(blocks: Block[]): TocResult {
  const out: Block[] = [];
  const titles: string[] = [];
  let inToc = false;
  for (const block of blocks) {
    const plain = plainText(block.text);
    if (TOC_HEADING.test(plain.replace(/[:.]$/, ""))) {
      inToc = true;
      continue;
    }
    const leader = LEADERS.test(plain);
    if (leader || (inToc && TAB_PAGE.test(block.text))) {
      titles.push(tocTitle(plain));
      continue;
    }
    inToc = false;
    out.push(block);
  }
  return { blocks: out, titles: titles.filter((t) => t !== "") };
}
