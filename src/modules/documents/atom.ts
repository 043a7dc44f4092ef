/** A small Atom writer (RFC 4287): a feed with id, title, updated, self and alternate links; entries with the same. Pure. */

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  link: string;
  summary: string;
  category: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  selfUrl: string;
  alternateUrl: string;
  entries: AtomEntry[];
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

function entryXml(e: AtomEntry): string {
  return [
    "  <entry>",
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title>${escapeXml(e.title)}</title>`,
    `    <updated>${e.updated.toISOString()}</updated>`,
    `    <link rel="alternate" href="${escapeXml(e.link)}"/>`,
    `    <category term="${escapeXml(e.category)}"/>`,
    `    <summary>${escapeXml(e.summary)}</summary>`,
    "  </entry>",
  ].join("\n");
}

/** The feed as XML; `updated` is the newest entry's time (or `now` for an empty feed). */
export function writeAtom(feed: AtomFeed, now = new Date()): string {
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${(feed.entries.length > 0 ? updated : now).toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    "  <author><name>Tværs</name></author>",
    "  <generator>Tværs</generator>",
    ...feed.entries.map(entryXml),
    "</feed>",
    "",
  ].join("\n");
}
