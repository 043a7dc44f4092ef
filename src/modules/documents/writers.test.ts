import { describe, expect, it } from "vitest";
import { escapeXml, writeAtom } from "./atom.ts";
import { danishDateTime } from "./danish.ts";
import { escapeText, foldLine, writeCalendar } from "./ical.ts";
import { parseMarkdown, parseRuns } from "./markdown.ts";

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
