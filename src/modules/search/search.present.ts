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

export const KIND_LABEL: Record<string, string> = {
  decision: "Beslutning",
  discussion: "Drøftelse",
  orientation: "Orientering",
  standard: "Standardpunkt",
};
export const OUTCOME_LABEL: Record<string, string> = {
  approved: "Godkendt",
  approved_with_remarks: "Godkendt med bemærkninger",
  not_approved: "Ikke godkendt",
  noted: "Taget til efterretning",
  discussed: "Drøftet",
  postponed: "Udsat",
};
export const TYPE_LABEL: Record<string, string> = {
  item: "Punkt",
  attachment: "Bilag",
  body: "Forum",
  person: "Person",
};

export function facetLabel(facet: string, value: string): string {
  const table =
    facet === "kind" ? KIND_LABEL : facet === "outcome" ? OUTCOME_LABEL : facet === "type" ? TYPE_LABEL : {};
  return table[value] ?? value;
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
