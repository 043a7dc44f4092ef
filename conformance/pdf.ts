/**
 * PDF/UA-1 of every PDF the demo publishes (agendas, minutes, meeting plans), read with pdf.js as an
 * accessibility checker reads them: tagged, language set, every page's text in the structure tree or
 * an artifact, running header and footer never in the tree, headings equal to the items, tables with
 * header cells, links in the tree, fonts embedded with Unicode maps, bookmarks.
 */
import { inspectPdf, type PdfReport } from "../src/modules/documents/index.ts";
import { type Check, type ConformanceContext, failIf } from "./check.ts";
import { fetchBytes, publishedMeetings } from "./documents-sample.ts";

type Read = { path: string; report: PdfReport; items: Array<{ number: number; title: string }> | null };
let reads: Promise<Read[]> | undefined;

function readAll(ctx: ConformanceContext): Promise<Read[]> {
  reads ??= (async () => {
    const out: Read[] = [];
    const meetings = await publishedMeetings(ctx);
    for (const m of meetings) {
      const path = `/api/v1/meetings/${m.id}/${m.kind}.pdf`;
      out.push({ path, report: await inspectPdf(await fetchBytes(ctx, path)), items: m.items });
    }
    const year = new Date().getFullYear();
    for (const bodyId of [...new Set(meetings.map((m) => m.bodyId))].slice(0, 3)) {
      const path = `/api/v1/bodies/${bodyId}/plan/${year}.pdf`;
      out.push({ path, report: await inspectPdf(await fetchBytes(ctx, path)), items: null });
    }
    return out;
  })();
  return reads;
}

function check(name: string, what: string, problem: (r: Read) => string | null, done: string): Check {
  return {
    name,
    async run(ctx) {
      const all = await readAll(ctx);
      failIf(
        all.flatMap((r) => {
          const p = problem(r);
          return p ? [`${r.path}: ${p}`] : [];
        }),
        what,
      );
      return `${all.length} PDFs ${done}`;
    },
  };
}

export const checks: Check[] = [
  check(
    "pdf-tagged",
    "PDFs not tagged as PDF/UA-1",
    (r) =>
      !r.report.marked
        ? "MarkInfo /Marked is not true"
        : !r.report.pdfua
          ? "no pdfuaid:part 1 in the XMP metadata"
          : !r.report.displayDocTitle
            ? "DisplayDocTitle is not set"
            : !r.report.title
              ? "no title"
              : null,
    "tagged (MarkInfo), PDF/UA-1 in XMP, title shown as window title",
  ),
  check(
    "pdf-language",
    "PDFs without a language",
    (r) => (r.report.lang && /^[a-z]{2}-[A-Z]{2}$/.test(r.report.lang) ? null : `/Lang is ${r.report.lang}`),
    "declare /Lang",
  ),
  check(
    "pdf-marked-content",
    "PDFs with text outside the structure tree",
    (r) =>
      r.report.pagesWithoutStructure.length > 0
        ? `pages ${r.report.pagesWithoutStructure.join(", ")} have no tagged text`
        : r.report.untaggedText.trim()
          ? `untagged text "${r.report.untaggedText.trim().slice(0, 60)}"`
          : null,
    "have every page's text in the structure tree or an artifact",
  ),
  check(
    "pdf-header-footer-artifacts",
    "PDFs whose running header or footer is read as content",
    (r) =>
      !/Side 1 af \d+/.test(r.report.artifactText)
        ? "the page numbers are not an artifact"
        : /Side \d+ af \d+/.test(r.report.taggedText)
          ? "page numbers in the structure tree"
          : null,
    "keep header and footer out of the structure tree",
  ),
  check(
    "pdf-headings-follow-items",
    "PDFs whose headings do not follow the items",
    (r) => {
      const h1 = r.report.headings.filter((h) => h.level === 1);
      if (h1.length !== 1) {
        return `${h1.length} H1 headings`;
      }
      if (!r.items) {
        return null;
      }
      const items = r.report.headings.filter((h) => h.level === 2 && h.text.startsWith("Punkt "));
      const want = r.items.map((i) => `Punkt ${i.number} … ${i.title}`);
      const got = items.map((h) => h.text);
      const same =
        got.length === r.items.length &&
        r.items.every((i, k) => got[k]?.startsWith(`Punkt ${i.number} (`) && got[k]?.includes(i.title));
      if (!same) {
        return `H2 ${JSON.stringify(got.slice(0, 3))} ≠ items ${JSON.stringify(want.slice(0, 3))}`;
      }
      return r.report.outline.length >= items.length ? null : "fewer bookmarks than headings";
    },
    "have one H1, the items as H2 in order, and bookmarks",
  ),
  check(
    "pdf-tables-links-lists",
    "PDFs with tables without header cells or links outside the tree",
    (r) =>
      r.report.tables > 0 && r.report.headerCells === 0
        ? "tables without TH"
        : r.report.scopedHeaderCells !== r.report.headerCells
          ? "TH without scope"
          : r.report.linksInTree !== r.report.links
            ? `${r.report.links - r.report.linksInTree} link annotations outside a Link element`
            : r.report.linksDescribed !== r.report.links
              ? `${r.report.links - r.report.linksDescribed} link annotations without /Contents`
              : null,
    "have TH with scope in every table and every link annotation in a Link element",
  ),
  check(
    "pdf-fonts",
    "PDFs with fonts not embedded or without a Unicode map",
    (r) =>
      r.report.fonts === 0
        ? "no fonts"
        : r.report.fontsNotEmbedded > 0
          ? `${r.report.fontsNotEmbedded} fonts not embedded`
          : r.report.fontsWithoutUnicode > 0
            ? `${r.report.fontsWithoutUnicode} fonts without ToUnicode`
            : null,
    "embed every font with a ToUnicode map",
  ),
];
