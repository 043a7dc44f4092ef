/**
 * Word files of the demo (agendas and minutes): the language declared (w:lang in the defaults and on
 * the runs), heading styles with outline levels and the items as Heading 2, a table of contents field,
 * and core properties (title, creator, last modified by).
 */
import { type DocxReport, inspectDocx } from "../src/modules/documents/index.ts";
import { type Check, type ConformanceContext, failIf } from "./check.ts";
import { fetchBytes, publishedMeetings } from "./documents-sample.ts";

type Read = { path: string; report: DocxReport; items: Array<{ number: number; title: string }> };
let reads: Promise<Read[]> | undefined;

function readAll(ctx: ConformanceContext): Promise<Read[]> {
  reads ??= (async () => {
    const out: Read[] = [];
    for (const m of await publishedMeetings(ctx)) {
      const path = `/api/v1/meetings/${m.id}/${m.kind}.docx`;
      out.push({ path, report: inspectDocx(await fetchBytes(ctx, path)), items: m.items });
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
      return `${all.length} Word files ${done}`;
    },
  };
}

export const checks: Check[] = [
  check(
    "docx-language",
    "Word files without a language",
    (r) =>
      r.report.defaultLang !== "da-DK"
        ? `default w:lang is ${r.report.defaultLang}`
        : r.report.runsWithLang === 0
          ? "no run declares its language"
          : null,
    "declare da-DK in the defaults and on the runs",
  ),
  check(
    "docx-outline-levels",
    "Word files whose headings have no outline level or do not follow the items",
    (r) => {
      const missing = r.report.headingStyles.filter((s) => s.outlineLevel !== Number(s.id.slice(7)) - 1);
      if (r.report.headingStyles.length < 3 || missing.length > 0) {
        return `heading styles ${JSON.stringify(r.report.headingStyles.slice(0, 3))}`;
      }
      const items = r.report.headings.filter((h) => h.level === 2 && h.text.startsWith("Punkt "));
      const same =
        items.length === r.items.length &&
        r.items.every(
          (i, k) => items[k]?.text.startsWith(`Punkt ${i.number} (`) && items[k]?.text.includes(i.title),
        );
      return same ? null : `Heading 2 ${JSON.stringify(items.slice(0, 2).map((h) => h.text))} ≠ the items`;
    },
    "have Heading 1–6 with outline levels 0–5 and the items as Heading 2",
  ),
  check(
    "docx-toc-and-properties",
    "Word files without a table of contents or properties",
    (r) =>
      !r.report.tocField
        ? "no TOC field"
        : r.report.core.creator !== "Tværs" || !r.report.core.title || !r.report.core.lastModifiedBy
          ? `core properties ${JSON.stringify(r.report.core)}`
          : null,
    "have a TOC field, a title, creator Tværs and lastModifiedBy",
  ),
];
