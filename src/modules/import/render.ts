import { type Block, plainText } from "./blocks.ts";

const EMPTY = /^[\s.\-–—]*$/;

/** Whether a section's text says nothing ("." or "-" is how many systems print an empty field). */
export function isEmptyText(text: string): boolean {
  return EMPTY.test(text);
}

function isPlainBody(block: Block): boolean {
  return block.level === 0 && !block.text.includes("\t");
}

/**
 * Renders blocks as Markdown. Lines wrapped by a page layout are joined into their paragraph;
 * headings, list items and table rows keep their own lines.
 */
export function renderBlocks(blocks: Block[]): string {
  let out = "";
  let prev: Block | null = null;
  for (const block of blocks) {
    const text =
      block.level > 0
        ? `${"#".repeat(Math.min(block.level + 2, 6))} ${plainText(block.text)}`
        : block.text.trim();
    if (text === "") {
      continue;
    }
    if (prev === null) {
      out = text;
    } else if (
      !block.gap &&
      !block.list &&
      !block.bold &&
      isPlainBody(block) &&
      isPlainBody(prev) &&
      !prev.bold
    ) {
      out += ` ${text}`;
    } else if (
      !block.gap &&
      (block.list || block.text.includes("\t")) &&
      (prev.list || prev.text.includes("\t"))
    ) {
      out += `\n${text}`;
    } else {
      out += `\n\n${text}`;
    }
    prev = block;
  }
  return isEmptyText(out) ? "" : out.trim();
}
