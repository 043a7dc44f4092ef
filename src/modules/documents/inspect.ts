/**
 * Reads back what an accessibility checker looks at in the files Tværs writes, for the tests and
 * `npm run conformance`: a PDF's structure tree (through pdf.js), language, marked content, fonts and
 * bookmarks; a Word file's language, heading outline levels, table of contents field and properties.
 */
import { unzip } from "../../lib/zip.ts";

export interface PdfReport {
  pages: number;
  /** MarkInfo /Marked true */
  marked: boolean;
  /** the catalog's /Lang */
  lang: string | null;
  displayDocTitle: boolean;
  /** the XMP metadata names PDF/UA part 1 */
  pdfua: boolean;
  title: string | null;
  /** headings in reading order, from the structure tree */
  headings: Array<{ level: number; text: string }>;
  tables: number;
  /** header cells (TH), and how many of them say their scope */
  headerCells: number;
  scopedHeaderCells: number;
  /** list items with a label and a body */
  listItems: number;
  /** link annotations, and how many of them sit in a Link structure element */
  links: number;
  linksInTree: number;
  /** link annotations that describe themselves (/Contents, PDF/UA 7.18.5) */
  linksDescribed: number;
  /** text inside structure elements, in artifacts, and outside both (must be none) */
  taggedText: string;
  artifactText: string;
  untaggedText: string;
  /** pages whose text is all outside the structure tree (must be none) */
  pagesWithoutStructure: number[];
  /** fonts: every one embedded, every composite one with a ToUnicode map */
  fonts: number;
  fontsNotEmbedded: number;
  fontsWithoutUnicode: number;
  /** the bookmarks' titles, depth first */
  outline: string[];
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** Font dictionaries read from the file itself (pdfkit writes them uncompressed). */
function fontFacts(raw: string) {
  const objects = raw.split(/\bendobj\b/);
  const composite = objects.filter((o) => /\/Subtype\s*\/Type0\b/.test(o));
  const simple = objects.filter(
    (o) => /\/Type\s*\/Font\b/.test(o) && /\/Subtype\s*\/(?:Type1|TrueType)\b/.test(o),
  );
  const descriptors = objects.filter((o) => /\/Type\s*\/FontDescriptor\b/.test(o));
  return {
    fonts: composite.length + simple.length,
    fontsNotEmbedded:
      descriptors.filter((o) => !/\/FontFile[23]?\s/.test(o)).length +
      simple.filter((o) => !/\/FontDescriptor\s/.test(o)).length,
    fontsWithoutUnicode:
      composite.filter((o) => !/\/ToUnicode\s/.test(o)).length +
      simple.filter((o) => !/\/ToUnicode\s/.test(o)).length,
  };
}

function walk(node: StructNode, visit: (n: StructNode, parents: string[]) => void, parents: string[] = []) {
  visit(node, parents);
  for (const child of node.children ?? []) {
    walk(child, visit, node.role ? [...parents, node.role] : parents);
  }
}

/** Reads a PDF the way an accessibility checker does. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfReport> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const raw = Buffer.from(bytes).toString("latin1");
  const task = pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false });
  const pdf = await task.promise;
  try {
    const markInfo = await pdf.getMarkInfo();
    const meta = await pdf.getMetadata();
    const info = meta.info as { Language?: string; Title?: string };
    const report: PdfReport = {
      pages: pdf.numPages,
      marked: (markInfo instanceof Map ? markInfo.get("Marked") : markInfo?.Marked) === true,
      lang: info.Language ?? null,
      // pdf.js drops DisplayDocTitle from its viewer preferences: read the catalog's entry itself.
      displayDocTitle: /\/DisplayDocTitle\s+true\b/.test(raw),
      pdfua: /<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part="1"/.test(raw),
      title: info.Title ?? null,
      headings: [],
      tables: 0,
      headerCells: (raw.match(/\/S\s*\/TH\b/g) ?? []).length,
      scopedHeaderCells: (raw.match(/\/S\s*\/TH\b[^>]*?\/Scope\s*\/(?:Row|Column|Both)/g) ?? []).length,
      listItems: 0,
      links: 0,
      linksInTree: 0,
      linksDescribed: 0,
      taggedText: "",
      artifactText: "",
      untaggedText: "",
      pagesWithoutStructure: [],
      ...fontFacts(raw),
      outline: [],
    };
    const flatten = (items: Array<{ title: string; items: unknown[] }> | null, out: string[]) => {
      for (const o of items ?? []) {
        out.push(o.title);
        flatten(o.items as Array<{ title: string; items: unknown[] }>, out);
      }
    };
    flatten(await pdf.getOutline(), report.outline);
    const headingAt = new Map<string, { level: number; text: string }>();
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const tree = (await page.getStructTree()) as StructNode | null;
      const contentRole = new Map<string, string[]>();
      if (tree) {
        walk(tree, (node, parents) => {
          if (node.type === "content" && node.id) {
            contentRole.set(node.id, parents);
          }
          if (node.type === "annotation") {
            report.linksInTree += parents.at(-1) === "Link" ? 1 : 0;
          }
          if (node.role === "Table") {
            report.tables++;
          }
          if (node.role === "LI") {
            const roles = (node.children ?? []).map((c) => c.role);
            report.listItems += roles.includes("Lbl") && roles.includes("LBody") ? 1 : 0;
          }
        });
      }
      const annotations = await page.getAnnotations();
      const links = annotations.filter((a: { subtype?: string }) => a.subtype === "Link") as Array<{
        contentsObj?: { str?: string };
      }>;
      report.links += links.length;
      report.linksDescribed += links.filter((a) => (a.contentsObj?.str ?? "").trim() !== "").length;
      const content = await page.getTextContent({ includeMarkedContent: true });
      const stack: Array<{ tag: string; id?: string }> = [];
      let structured = 0;
      let texts = 0;
      for (const item of content.items as Array<Record<string, unknown>>) {
        if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") {
          stack.push({ tag: String(item.tag ?? ""), id: item.id as string | undefined });
          continue;
        }
        if (item.type === "endMarkedContent") {
          stack.pop();
          continue;
        }
        const str = `${typeof item.str === "string" ? item.str : ""}${item.hasEOL ? " " : ""}`;
        if (str.trim() === "") {
          const last = report.headings.at(-1);
          if (last && item.hasEOL) {
            last.text += " ";
          }
          continue;
        }
        texts++;
        const artifact = stack.some((m) => m.tag === "Artifact");
        const id = [...stack].reverse().find((m) => m.id)?.id;
        const roles = id ? contentRole.get(id) : undefined;
        if (artifact) {
          report.artifactText += `${str} `;
        } else if (roles) {
          structured++;
          report.taggedText += `${str} `;
          const heading = [...roles].reverse().find((r) => /^H[1-6]$/.test(r));
          if (heading && id) {
            const key = `${n}:${id}`;
            const h = headingAt.get(key) ?? { level: Number(heading.slice(1)), text: "" };
            h.text += str;
            if (!headingAt.has(key)) {
              headingAt.set(key, h);
              report.headings.push(h);
            }
          }
        } else {
          report.untaggedText += `${str} `;
        }
      }
      if (texts > 0 && structured === 0) {
        report.pagesWithoutStructure.push(n);
      }
    }
    // A heading broken over lines is one heading: join its marked pieces that follow each other.
    report.headings = report.headings.map((h) => ({
      level: h.level,
      text: h.text.replace(/\s+/g, " ").trim(),
    }));
    return report;
  } finally {
    await task.destroy();
  }
}

export interface DocxReport {
  /** w:lang of the document defaults (styles.xml) */
  defaultLang: string | null;
  /** runs in the body, and how many of them say their language */
  runs: number;
  runsWithLang: number;
  /** Heading1… styles and their outline levels (null when missing) */
  headingStyles: Array<{ id: string; outlineLevel: number | null }>;
  /** paragraphs in a heading style, in order */
  headings: Array<{ level: number; text: string }>;
  /** a TOC field (w:instrText "TOC …") */
  tocField: boolean;
  hyperlinks: number;
  core: {
    title: string | null;
    creator: string | null;
    lastModifiedBy: string | null;
    language: string | null;
  };
  /** the body's text, paragraphs on their own lines */
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function tag(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  return m ? decode(m[1] ?? "") : null;
}

/** Reads a Word file the way LibreOffice and a screen reader see its language and headings. */
export function inspectDocx(bytes: Uint8Array): DocxReport {
  const files = unzip(bytes);
  const read = (name: string) => files.get(name)?.toString("utf8") ?? "";
  const styles = read("word/styles.xml");
  const body = read("word/document.xml");
  const core = read("docProps/core.xml");
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? "";
  const headingStyles = [
    ...styles.matchAll(/<w:style\b[^>]*w:styleId="(Heading\d)"[^>]*>([\s\S]*?)<\/w:style>/g),
  ].map((m) => {
    const level = /<w:outlineLvl w:val="(\d)"/.exec(m[2] ?? "");
    return { id: m[1] ?? "", outlineLevel: level ? Number(level[1]) : null };
  });
  const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>|<w:r\s[^>]*>([\s\S]*?)<\/w:r>/g)];
  const paragraphs = [...body.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => m[1] ?? "");
  const textOf = (p: string) =>
    decode([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
  return {
    defaultLang: /<w:lang\b[^>]*w:val="([^"]+)"/.exec(defaults)?.[1] ?? null,
    runs: runs.length,
    runsWithLang: runs.filter((r) => /<w:lang\b[^>]*w:val=/.test(r[0])).length,
    headingStyles,
    headings: paragraphs.flatMap((p) => {
      const style = /<w:pStyle w:val="Heading(\d)"/.exec(p);
      return style ? [{ level: Number(style[1]), text: textOf(p) }] : [];
    }),
    tocField: /<w:instrText[^>]*>\s*TOC\b/.test(body),
    hyperlinks: (body.match(/<w:hyperlink\b/g) ?? []).length,
    core: {
      title: tag(core, "dc:title"),
      creator: tag(core, "dc:creator"),
      lastModifiedBy: tag(core, "cp:lastModifiedBy"),
      language: tag(core, "dc:language"),
    },
    text: paragraphs.map(textOf).join("\n"),
  };
}
