import { describe, expect, it } from "vitest";
import { escapeXml, writeAtom } from "./atom.ts";
import { danishDateTime } from "./danish.ts";
import { documentDocx } from "./document.docx.ts";
import type { DocItem, DocModel } from "./document.model.ts";
import { documentPdf } from "./document.pdf.ts";
import { escapeText, foldLine, writeCalendar } from "./ical.ts";
import { inspectDocx, inspectPdf } from "./inspect.ts";
import { documentTitle, itemHeading, runningHeader } from "./layout.ts";
import { parseMarkdown, parseRuns } from "./markdown.ts";
import { planPdf } from "./plan.pdf.ts";

describe("iCal writer (RFC 5545)", () => {
  it("escapes TEXT values", () => {
    expect(escapeText("Møde; punkt 1, 2\nog \\ mere")).toBe("Møde\\; punkt 1\\, 2\\nog \\\\ mere");
  });

  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"æøå".repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    }
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("writes events in Danish local time across summer and winter time, with CRLF", () => {
    const event = (start: string, cancelled = false) => ({
      uid: `u-${start}`,
      start: new Date(start),
      end: null,
      summary: "Møde",
      location: null,
      description: null,
      url: null,
      cancelled,
      sequence: 1,
      lastModified: new Date("2026-01-01T00:00:00Z"),
    });
    const ics = writeCalendar(
      "Test",
      [event("2026-01-15T09:00:00Z"), event("2026-07-15T08:00:00Z", true)],
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(ics).toContain("DTSTART;TZID=Europe/Copenhagen:20260115T100000\r\n");
    expect(ics).toContain("DTSTART;TZID=Europe/Copenhagen:20260715T100000\r\n");
    expect(ics).toContain("STATUS:CANCELLED\r\n");
    expect(ics).toContain("DTSTAMP:20260101T000000Z\r\n");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
  });
});

describe("Atom writer (RFC 4287)", () => {
  it("escapes XML and takes the newest entry's time as the feed's", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    const xml = writeAtom({
      id: "urn:x",
      title: "Dagsordener & referater",
      selfUrl: "http://h/nyt.atom",
      alternateUrl: "http://h/",
      entries: [
        {
          id: "a",
          title: "A",
          updated: new Date("2026-01-01T00:00:00Z"),
          link: "http://h/a",
          summary: "s",
          category: "referat",
        },
        {
          id: "b",
          title: "B",
          updated: new Date("2026-02-01T00:00:00Z"),
          link: "http://h/b",
          summary: "s",
          category: "dagsorden",
        },
      ],
    });
    expect(xml).toContain("<title>Dagsordener &amp; referater</title>");
    expect(xml).toContain("  <updated>2026-02-01T00:00:00.000Z</updated>\n  <link");
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });
});

describe("Markdown of sections", () => {
  it("reads headings, paragraphs with line breaks, bullet and numbered lists", () => {
    const blocks = parseMarkdown("## Baggrund\nFørste linje\nanden linje\n\n- a\n- **b**\n\n3. tre\n4. fire");
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list", "list"]);
    expect(blocks[1]).toMatchObject({ lines: [[{ text: "Første linje" }], [{ text: "anden linje" }]] });
    expect(blocks[2]).toMatchObject({
      ordered: false,
      items: [[{ text: "a" }], [{ text: "b", bold: true }]],
    });
    expect(blocks[3]).toMatchObject({ ordered: true, start: 3 });
    expect(parseMarkdown(".")).toEqual([]);
  });

  it("reads links as links, as the page does", () => {
    expect(parseRuns("Se [aftalen](https://x.dk/a) og **[fed](https://y.dk)**")).toEqual([
      { text: "Se ", bold: false, italic: false },
      { text: "aftalen", bold: false, italic: false, link: "https://x.dk/a" },
      { text: " og ", bold: false, italic: false },
      { text: "fed", bold: true, italic: false, link: "https://y.dk" },
    ]);
    // markdown-it's validator: no javascript: links
    expect(parseRuns("[x](javascript:alert(1))").some((r) => r.link)).toBe(false);
  });

  it("reads bold, italic and both", () => {
    expect(parseRuns("**Formål:** *kort* og ***begge*** her")).toEqual([
      { text: "Formål:", bold: true, italic: false },
      { text: " ", bold: false, italic: false },
      { text: "kort", bold: false, italic: true },
      { text: " og ", bold: false, italic: false },
      { text: "begge", bold: true, italic: true },
      { text: " her", bold: false, italic: false },
    ]);
    expect(parseRuns("snake_case_name")).toEqual([{ text: "snake_case_name", bold: false, italic: false }]);
  });

  it("writes Danish dates", () => {
    expect(danishDateTime(new Date("2021-04-22T08:00:00Z"))).toBe("torsdag d. 22. april 2021 kl. 10:00");
  });
});

const LINKED =
  "Se [sundhedsaftalen](https://www.example.dk/sundhedsaftale) og **fælles** forløb:\n\n- første\n- anden";

function docItem(number: number, over: Partial<DocItem> = {}): DocItem {
  return {
    number,
    access: "open",
    redacted: false,
    title: `Opfølgning på indsats ${number} i sundhedsklyngen`,
    durationMinutes: 15,
    caseNumbers: [`EMN-2026-0000${number}`],
    sections: [{ heading: "Sagsresumé", text: LINKED }],
    recommendations: ["Administrationen indstiller, at udvalget godkender planen."],
    previousDecisions: null,
    outcome: null,
    decision: null,
    absent: [],
    attachments: ["Notat om forløb"],
    indicators: [],
    ...over,
  };
}

function docModel(kind: DocModel["kind"]): DocModel {
  const minutes = kind === "minutes";
  return {
    kind,
    edition: "full",
    draft: false,
    body: { id: 1, name: "Sundhedssamarbejdsudvalget", shortName: "SSU" },
    meeting: {
      id: 1,
      title: null,
      start: new Date("2026-03-05T09:00:00Z"),
      end: new Date("2026-03-05T11:00:00Z"),
      location: "Regionshuset, Vejle",
      status: minutes ? "minutes_approved" : "agenda_published",
      cancelled: false,
    },
    items: [
      docItem(
        1,
        minutes
          ? { outcome: "Godkendt", decision: "**Godkendt**\n\nMed [bilag](https://www.example.dk/b)." }
          : {},
      ),
      docItem(2, minutes ? { absent: ["Søren Æbelø"], decision: "Taget til efterretning." } : {}),
      docItem(3, { access: "closed", title: "Kontrakt med leverandør" }),
    ],
    attendance: minutes
      ? [
          { status: "present", name: "Anne Holm", substituteFor: null, guestItems: [] },
          { status: "substitute", name: "Bo Ørsted", substituteFor: "Carl Ås", guestItems: [] },
          { status: "afbud", name: "Carl Ås", substituteFor: null, guestItems: [] },
          { status: "absent", name: "Dorte Dam", substituteFor: null, guestItems: [] },
        ]
      : [],
    approval: minutes ? { by: "Karen Formand", at: new Date("2026-03-12T10:00:00Z") } : null,
  };
}

describe("Tagged PDF (PDF/UA-1)", () => {
  for (const kind of ["agenda", "minutes"] as const) {
    it(`${kind}: headings follow the items, tables have header cells, header and footer are artifacts`, async () => {
      const m = docModel(kind);
      const r = await inspectPdf(await documentPdf(m));
      expect(r.marked).toBe(true);
      expect(r.lang).toBe("da-DK");
      expect(r.displayDocTitle).toBe(true);
      expect(r.pdfua).toBe(true);
      expect(r.title).toBe(documentTitle(m));
      expect(r.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
        kind === "agenda" ? "Dagsorden" : "Referat",
      ]);
      const h2 = r.headings.filter((h) => h.level === 2).map((h) => h.text);
      expect(h2).toEqual([
        ...(kind === "minutes" ? ["Deltagere"] : []),
        "Indholdsfortegnelse",
        ...m.items.map(itemHeading),
      ]);
      expect(r.headings.filter((h) => h.level === 3).map((h) => h.text)).toContain("Sagsresumé");
      expect(r.outline).toEqual(expect.arrayContaining(m.items.map(itemHeading)));
      expect(r.tables).toBeGreaterThan(0);
      expect(r.headerCells).toBeGreaterThan(0);
      expect(r.scopedHeaderCells).toBe(r.headerCells);
      expect(r.listItems).toBeGreaterThanOrEqual(2);
      expect(r.links).toBeGreaterThan(0);
      expect(r.linksInTree).toBe(r.links);
      expect(r.linksDescribed).toBe(r.links);
      expect(r.untaggedText).toBe("");
      expect(r.pagesWithoutStructure).toEqual([]);
      expect(r.artifactText).toContain(`Side 1 af ${r.pages}`);
      expect(r.taggedText).not.toContain("Side 1 af");
      expect(r.taggedText).not.toContain(runningHeader(m).left);
      expect(r.fonts).toBeGreaterThan(0);
      expect(r.fontsNotEmbedded).toBe(0);
      expect(r.fontsWithoutUnicode).toBe(0);
      // Markdown is rendered, never printed: the link is a link, the list a list, bold is bold.
      expect(r.taggedText).toContain("sundhedsaftalen");
      expect(r.taggedText).not.toMatch(/\]\(|\*\*|^- /m);
      expect(r.taggedText).toContain("fælles forløb");
    });
  }

  it("minutes: attendance, substitutes, per-item absence, outcome and who approved when", async () => {
    const r = await inspectPdf(await documentPdf(docModel("minutes")));
    const text = r.taggedText.replace(/\s+/g, " ");
    expect(text).toContain("Til stede");
    expect(text).toContain("Anne Holm, Bo Ørsted (stedfortræder for Carl Ås)");
    expect(text).toMatch(/Afbud Carl Ås/);
    expect(text).toMatch(/Fraværende Dorte Dam/);
    expect(text).toContain("Godkendt af Karen Formand, 12. marts 2026");
    expect(text).toContain("Fraværende Søren Æbelø");
    expect(text).toMatch(/Beslutning Godkendt Med bilag ?\./);
  });

  it("meeting plan: one table with a header row, the footer an artifact", async () => {
    const r = await inspectPdf(
      await planPdf("Sundhedssamarbejdsudvalget", 2026, [
        {
          start: new Date("2026-03-05T09:00:00Z"),
          end: null,
          location: "Vejle",
          title: null,
          cancelled: false,
        },
        {
          start: new Date("2026-06-04T08:00:00Z"),
          end: null,
          location: "Vejle",
          title: null,
          cancelled: true,
        },
      ]),
    );
    expect(r.marked && r.pdfua && r.lang === "da-DK").toBe(true);
    expect(r.headings).toEqual([{ level: 1, text: "Mødeplan 2026" }]);
    expect(r.headerCells).toBe(4);
    expect(r.scopedHeaderCells).toBe(4);
    expect(r.untaggedText).toBe("");
    expect(r.artifactText).toContain("Side 1 af 1");
  });
});

describe("Word: language, outline levels, table of contents, properties", () => {
  it("declares da-DK, heading styles with outline levels, a TOC field and its properties; Markdown as links", async () => {
    const m = docModel("minutes");
    const r = inspectDocx(await documentDocx(m));
    expect(r.defaultLang).toBe("da-DK");
    expect(r.runsWithLang / r.runs).toBeGreaterThan(0.7);
    expect(r.headingStyles.slice(0, 3)).toEqual([
      { id: "Heading1", outlineLevel: 0 },
      { id: "Heading2", outlineLevel: 1 },
      { id: "Heading3", outlineLevel: 2 },
    ]);
    expect(r.headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual([
      "Deltagere",
      ...m.items.map(itemHeading),
    ]);
    expect(r.tocField).toBe(true);
    expect(r.core).toMatchObject({
      title: documentTitle(m),
      creator: "Tværs",
      lastModifiedBy: "Sundhedssamarbejdsudvalget",
    });
    expect(r.hyperlinks).toBeGreaterThanOrEqual(2);
    expect(r.text).not.toMatch(/\]\(|\*\*/);
    expect(r.text).toContain("Afbud: Carl Ås");
    expect(r.text).toContain("Godkendt af Karen Formand, 12. marts 2026");
  });
});
