import { type Lang, type MessageKey, t } from "../../web/i18n.ts";
import { da } from "../../web/messages.da.ts";
import type { Source } from "./search.sql.ts";

export interface SearchHit {
  /** the search document's id */
  id: number;
  source: Source;
  sourceId: number;
  itemId: number | null;
  meetingId: number | null;
  bodyId: number | null;
  bodyName: string | null;
  itemNumber: number | null;
  date: string | null;
  kind: string | null;
  /** null unless the reader may see the minutes */
  outcome: string | null;
  title: string;
  score: number;
  /** HTML: escaped text with <mark> around the matched words; null for an empty query */
  snippet: string | null;
  url: string;
}

const FACET_KEY_PREFIX: Record<string, string> = {
  kind: "search.kind.",
  outcome: "outcome.",
  type: "search.type.",
};

/**
 * A facet value's label in the reader's language, from the i18n catalogues (the API's labels are the
 * Danish ones); a value without a catalogue entry (a body's id, a year) is shown as it is.
 */
export function facetLabel(facet: string, value: string, lang: Lang = "da"): string {
  const prefix = FACET_KEY_PREFIX[facet];
  const key = `${prefix}${value}`;
  return prefix && key in da ? t(lang, key as MessageKey) : value;
}

/** A hit's type ("Punkt", "Bilag" …) in the reader's language. */
export function typeLabel(source: Source, lang: Lang = "da"): string {
  return facetLabel("type", source, lang);
}

/** Where a hit leads: into its meeting at the item, or to the body's or person's page. */
export function hitUrl(h: {
  source: Source;
  sourceId: number;
  meetingId: number | null;
  itemNumber: number | null;
}) {
  if (h.source === "body") {
    return `/organer/${h.sourceId}`;
  }
  if (h.source === "person") {
    return `/personer/${h.sourceId}`;
  }
  return `/moeder/${h.meetingId}#punkt-${h.itemNumber}`;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/**
 * Markdown syntax out of a plain-text excerpt (people read snippets, not source): links keep their
 * text, headings, list and quote markers, emphasis and code marks go. Match marks (U+E000/E001) stay.
 */
export function stripMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)?/g, "$1")
    .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)/gm, "")
    .replace(/(\*\*|__|\*|`|~~)/g, "")
    .replace(/(^|\s)_([^_\s][^_]*)_(?=\s|$|[.,;:!?])/g, "$1$2");
}

/** ts_headline marks matches with private-use characters; the text is escaped, then they become <mark>. */
export function snippetHtml(headline: string): string {
  const escaped = escapeHtml(stripMarkdown(headline).replace(/\s+/g, " ").trim());
  let open = false;
  const out = escaped.replace(/[\uE000\uE001]/g, (c) => {
    if (c === "\uE000" && !open) {
      open = true;
      return "<mark>";
    }
    if (c === "\uE001" && open) {
      open = false;
      return "</mark>";
    }
    return "";
  });
  return open ? `${out}</mark>` : out;
}
