import MarkdownIt from "markdown-it";
import { type Html, raw } from "./jsx/jsx-runtime.ts";

/**
 * Markdown → safe HTML for item sections, which come from users and from imported documents.
 * markdown-it with `html: false` escapes every raw HTML tag in the text, and its link validator
 * refuses javascript:, vbscript:, file: and data: URLs. On top of that: no images (no tracking
 * pixels, no broken layout), headings moved below the item's own heading, links marked
 * rel="nofollow noopener". See docs/decisions/002-web-pages.md.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
md.disable(["image"]);

/** Headings inside a section sit below the section heading (h3 in the meeting page). */
const HEADING_SHIFT = 3;

md.core.ruler.push("tvaers_demote_headings", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      const level = Math.min(6, Number(token.tag.slice(1)) + HEADING_SHIFT);
      token.tag = `h${level}`;
    }
  }
  return true;
});

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet("rel", "nofollow noopener");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders a section's Markdown; the result is safe to insert into a page. */
export function markdown(text: string): Html {
  return raw(md.render(text));
}
