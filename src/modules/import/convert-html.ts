import type { HTMLElement, Node } from "node-html-parser";
import { type Block, listKindOf, makeBlock } from "./blocks.ts";

/**
 * Page furniture that is never part of the minutes. Controls (a button, or anything playing one: a
 * file-type badge beside an attachment's link) and dialogs (a page's error box, hidden until opened;
 * Bootstrap's `.modal` is one without the role) are the page's, not the document's.
 */
const STRIP =
  "script,style,noscript,template,nav,header,footer,aside,form,button,iframe,svg,canvas,object,dialog,[role=navigation],[role=banner],[role=contentinfo],[role=menu],[role=button],[role=dialog],[role=alertdialog],.modal,[aria-hidden=true],[hidden]";
const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "li",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "dl",
  "dt",
  "dd",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "figure",
  "figcaption",
  "body",
  "html",
  "center",
  "address",
]);
const ELEMENT = 1;
const TEXT = 3;

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === ELEMENT;
}

function tagOf(node: HTMLElement): string {
  return (node.tagName ?? "").toLowerCase();
}

/** A block element, or an inline one that wraps blocks (`<span><div>…</div></span>`, as FirstAgenda writes). */
function isBlockNode(node: Node): node is HTMLElement {
  if (!isElement(node)) {
    return false;
  }
  return BLOCK_TAGS.has(tagOf(node)) || node.querySelector("p,div,li,h1,h2,h3,h4,h5,h6,table") !== null;
}

function hasBlockChild(node: HTMLElement): boolean {
  return node.childNodes.some(isBlockNode);
}

/** Inline content as text with Markdown emphasis; `<br>` becomes a newline. */
function inlineText(node: Node): string {
  if (node.nodeType === TEXT) {
    return node.text.replace(/\s+/g, " ");
  }
  if (!isElement(node)) {
    return "";
  }
  const tag = tagOf(node);
  if (tag === "br") {
    return "\n";
  }
  const inner = node.childNodes.map(inlineText).join("");
  if (inner.trim() === "") {
    return inner;
  }
  if (tag === "strong" || tag === "b") {
    return wrap(inner, "**");
  }
  if (tag === "em" || tag === "i") {
    return wrap(inner, "*");
  }
  return inner;
}

function wrap(text: string, mark: string): string {
  const lead = /^\s*/.exec(text)?.[0] ?? "";
  const trail = /\s*$/.exec(text)?.[0] ?? "";
  return `${lead}${mark}${text.trim()}${mark}${trail}`;
}

function emit(blocks: Block[], text: string, extra: Partial<Block>): void {
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const clean = line.replace(/[ \u00a0]+/g, " ").trim();
    if (clean === "") {
      return;
    }
    const bold = /^\*\*[^*].*\*\*:?$/.test(clean) && !clean.slice(2, -2).includes("**");
    blocks.push(
      makeBlock(clean, {
        bold,
        list: listKindOf(clean),
        ...extra,
        gap: i === 0 ? (extra.gap ?? true) : false,
      }),
    );
  });
}

function walk(node: HTMLElement, blocks: Block[], listIndex: { n: number } | null): void {
  const tag = tagOf(node);
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    const text = inlineText(node).replace(/\n/g, " ");
    emit(blocks, text, { level: Number(heading[1]) });
    return;
  }
  if (tag === "tr" && walkStructuredRow(node, blocks)) {
    return;
  }
  if (tag === "tr") {
    const cells = node.childNodes
      .filter(isElement)
      .map((cell) => inlineText(cell).replace(/\s+/g, " ").trim());
    const row = cells.filter((c) => c !== "").join("\t");
    if (row !== "") {
      emit(blocks, row, { list: null });
    }
    return;
  }
  if (tag === "ul" || tag === "ol") {
    const counter = tag === "ol" ? { n: 0 } : null;
    for (const child of node.childNodes) {
      if (isElement(child)) {
        walk(child, blocks, counter);
      }
    }
    return;
  }
  if (tag === "li") {
    const marker = listIndex ? `${++listIndex.n}. ` : "- ";
    const own = node.childNodes.filter((c) => !(isElement(c) && (tagOf(c) === "ul" || tagOf(c) === "ol")));
    const text = own.map(inlineText).join("").replace(/\n/g, " ").trim();
    if (text !== "") {
      blocks.push(makeBlock(`${marker}${text}`, { list: listIndex ? "ordered" : "bullet", gap: false }));
    }
    for (const child of node.childNodes) {
      if (isElement(child) && (tagOf(child) === "ul" || tagOf(child) === "ol")) {
        walk(child, blocks, null);
      }
    }
    return;
  }
  if (!hasBlockChild(node)) {
    emit(blocks, inlineText(node), {});
    return;
  }
  // Mixed content: runs of inline nodes between block children are paragraphs of their own.
  let run = "";
  for (const child of node.childNodes) {
    if (isBlockNode(child)) {
      emit(blocks, run, {});
      run = "";
      walk(child, blocks, null);
    } else {
      run += inlineText(child);
    }
  }
  emit(blocks, run, {});
}

const STRUCTURE = "h1,h2,h3,h4,h5,h6,p,div,ul,ol,table";

/**
 * A table row whose cells hold whole sections (headings, paragraphs) is read cell by cell, not
 * flattened. When its first cell is only a number and the next opens with a heading, the row is an
 * agenda item (the FirstAgenda web page puts each item in such a row): the heading becomes
 * "Punkt N: title".
 */
function walkStructuredRow(row: HTMLElement, blocks: Block[]): boolean {
  const cells = row.childNodes.filter(isElement);
  if (!cells.some((cell) => cell.querySelector(STRUCTURE) !== null)) {
    return false;
  }
  const first = inlineText(cells[0] as HTMLElement)
    .replace(/\s+/g, " ")
    .trim();
  const numbered = /^\d{1,3}\.?$/.test(first) && cells.length > 1;
  const start = blocks.length;
  for (const cell of numbered ? cells.slice(1) : cells) {
    walk(cell, blocks, null);
  }
  if (numbered) {
    const emitted = blocks.slice(start).filter((b) => b.text.trim() !== "");
    const heading = emitted[0];
    // a heading, or the row's only short line (eDoc Fujitsu's title tables)
    const titleOnly = emitted.length === 1 && heading !== undefined && heading.text.length <= 200;
    if (heading && (heading.level > 0 || titleOnly)) {
      heading.text = `Punkt ${first.replace(".", "")}: ${heading.text}`;
      heading.level = heading.level || 2;
    }
  }
  return true;
}

/** Converts an HTML page (or mammoth's HTML of a Word file) to blocks, without the page's furniture. */
export async function htmlToBlocks(html: string, stripChrome = true): Promise<Block[]> {
  const { parse } = await import("node-html-parser");
  const root = parse(html, { comment: false, lowerCaseTagName: true });
  // An accordion button around an item heading (FirstAgenda) holds content, not furniture.
  for (const button of root.querySelectorAll("button,[role=button]")) {
    if (button.querySelector("h1,h2,h3,h4,h5,h6")) {
      button.replaceWith(button.innerHTML);
    }
  }
  if (stripChrome) {
    for (const node of root.querySelectorAll(STRIP)) {
      node.remove();
    }
  }
  const main =
    root.querySelector("main") ?? root.querySelector("[role=main]") ?? root.querySelector("article");
  const start = main ?? root.querySelector("body") ?? root;
  const blocks: Block[] = [];
  walk(start, blocks, null);
  return blocks;
}
