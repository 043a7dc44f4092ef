import type { PublishedHit } from "./published.ts";
import { escapeHtml } from "./search.present.ts";

export const LEVEL_LABEL: Record<number, string> = {
  1: "Dagsorden offentliggjort",
  2: "Referat offentliggjort",
};

function dateDa(d: Date | null): string {
  return d ? d.toLocaleDateString("da-DK", { timeZone: "Europe/Copenhagen", dateStyle: "long" }) : "";
}

/** One line describing where a hit comes from: "Bilag · SSU · 6. marts 2025 · Referat offentliggjort". */
export function hitContext(h: PublishedHit): string {
  return [h.source === "attachment" ? "Bilag" : null, h.bodyName, dateDa(h.date), LEVEL_LABEL[h.level]]
    .filter(Boolean)
    .join(" · ");
}

/** An Atom 1.0 feed (RFC 4287) of newly published matches; links are absolute. */
export function atomFeed(opts: {
  title: string;
  selfUrl: string;
  baseUrl: string;
  hits: PublishedHit[];
  now?: Date;
}): string {
  const updated = (opts.hits[0]?.publishedAt ?? opts.now ?? new Date()).toISOString();
  const entries = opts.hits.map((h) => {
    const link = `${opts.baseUrl}${h.url}`;
    const summary = [escapeHtml(hitContext(h)), h.snippet].filter(Boolean).join("<br/>");
    return `  <entry>
    <title>${escapeHtml(h.title)}</title>
    <id>${escapeHtml(`${opts.baseUrl}/search-documents/${h.id}/${h.level}`)}</id>
    <updated>${h.publishedAt.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${escapeHtml(link)}"/>
    <summary type="html">${escapeHtml(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
  <title>${escapeHtml(opts.title)}</title>
  <id>${escapeHtml(opts.selfUrl)}</id>
  <updated>${updated}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeHtml(opts.selfUrl)}"/>
  <author><name>Tværs</name></author>
${entries.join("\n")}
</feed>
`;
}
