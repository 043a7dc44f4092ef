import { describe, expect, it } from "vitest";
import { snippetHtml, stripMarkdown } from "./search.present.ts";

const M = (w: string) => `\uE000${w}\uE001`;

describe("search snippets show no Markdown syntax", () => {
  it("keeps link text, drops headings, emphasis, list markers and code marks", () => {
    const src = `## Baggrund\n**Sundhedsaftalen** gælder.\n- Se [${M("sundhedsaftalen")}](https://example.org/a) og \`kode\``;
    expect(stripMarkdown(src)).toBe(`Baggrund\nSundhedsaftalen gælder.\nSe ${M("sundhedsaftalen")} og kode`);
    const html = snippetHtml(`# Titel\n**${M("Baggrund")}** for _aftalen_ & mere`);
    expect(html).toBe("Titel <mark>Baggrund</mark> for aftalen &amp; mere");
    for (const syntax of ["**", "#", "](", "`"]) {
      expect(html).not.toContain(syntax);
    }
  });

  it("leaves ordinary text alone (amounts, paragraphs, file names with underscores)", () => {
    expect(stripMarkdown("kr. 5.000 pr. borger, jf. § 203")).toBe("kr. 5.000 pr. borger, jf. § 203");
    expect(stripMarkdown("fil_navn.pdf")).toBe("fil_navn.pdf");
  });
});
