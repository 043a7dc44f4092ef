import { ACCEPT_THRESHOLD, assessDocument } from "./assess.ts";
import { type Block, plainText } from "./blocks.ts";
import {
  accessOfMarker,
  caseNumbersUnderHeadings,
  dropFurniture,
  isAttendanceItem,
  runningHeaders,
} from "./families.ts";
import { bodyOfTreatmentLine, caseNumbersIn, readHeader, type Source } from "./header.ts";
import { ImportError } from "./import.errors.ts";
import type {
  ImportConfidence,
  ImportFormat,
  ImportItem,
  ImportKind,
  ImportResult,
} from "./import.schemas.ts";
import { applyDatedDecisions, buildItemBody } from "./item-build.ts";
import { type HeadingClass, type HeadingMatch, matchHeading, sameTitle } from "./items.ts";
import { cleanTitle } from "./title.ts";
import { stripTableOfContents } from "./toc.ts";

interface RawItem {
  number: number;
  start: number;
  headings: HeadingMatch[];
  segments: Block[][];
}

export interface GrammarOptions {
  source: string;
  format: ImportFormat;
  /** Date.now() value after which parsing gives up. */
  deadline: number;
}

export interface GrammarOutput {
  result: ImportResult;
  confidence: ImportConfidence;
}

const CLASS_RANK: Record<HeadingClass, number> = { B: 0, A: 1, C: 2 };
const SOURCE_CONFIDENCE: Record<Source, number> = { label: 1, strong: 0.9, weak: 0.6, none: 0 };

function checkDeadline(deadline: number, index: number): void {
  if ((index & 255) === 0 && Date.now() > deadline) {
    throw new ImportError("timeout");
  }
}

/** Finds the item headings and splits the document into items; text before the first item is the header. */
function segment(
  blocks: Block[],
  deadline: number,
  tocTitles: string[] = [],
): { items: RawItem[]; firstItem: number } {
  const formatted = blocks.filter((b) => b.level > 0 || b.bold).length >= 3;
  const matches: Array<HeadingMatch | null> = blocks.map((_, i) => {
    checkDeadline(deadline, i);
    return matchHeading(blocks, i, formatted);
  });
  const strong = new Set(matches.filter((m) => m && m.cls !== "C").map((m) => m?.number));
  const strongMode = strong.size > 0;
  const items: RawItem[] = [];
  const byNumber = new Map<number, RawItem>();
  let current: RawItem | null = null;
  let firstItem = -1;
  for (let i = 0; i < blocks.length; i++) {
    checkDeadline(deadline, i);
    const match = matches[i];
    const block = blocks[i];
    if (!block) {
      continue;
    }
    if (match) {
      const existing = byNumber.get(match.number);
      const similar = existing?.headings.some((h) => sameTitle(h.title, match.title)) ?? false;
      let accept = false;
      if (match.cls !== "C") {
        accept = true;
      } else if (strongMode) {
        // A bare "3. Title" under "Punkt 3" repeats the heading; anything else is a numbered list.
        if (current && current.number === match.number && similar) {
          current.headings.push(match);
          i += match.span - 1;
          continue;
        }
      } else {
        const last = current?.number ?? 0;
        const loud = block.level > 0 || block.bold;
        // Running numbers (Acadre "715. Title") are items when the contents list them or a
        // "Sagsnr.:" line follows the heading.
        const next = blocks[i + match.span];
        const vouched =
          loud &&
          match.number > last &&
          (tocTitles.some((t) => sameTitle(t, match.title)) ||
            (next !== undefined && caseNumbersIn(next.text, false).length > 0));
        accept =
          (current === null && match.number <= 5) ||
          match.number === last + 1 ||
          (loud && match.number > last && match.number <= last + 3) ||
          similar ||
          vouched;
      }
      if (accept) {
        const item = existing ?? { number: match.number, start: i, headings: [], segments: [] };
        if (!existing) {
          items.push(item);
          byNumber.set(match.number, item);
        }
        item.headings.push(match);
        item.segments.push([]);
        current = item;
        if (firstItem < 0) {
          firstItem = i;
        }
        i += match.span - 1;
        continue;
      }
    }
    current?.segments.at(-1)?.push(block);
  }
  return { items, firstItem };
}

function chooseTitle(
  item: RawItem,
  tocTitles: string[],
  warnings: string[],
): { title: string; confidence: number } {
  const cleaned = item.headings.map((h) => ({ ...cleanTitle(h.title), cls: h.cls }));
  const ranked = cleaned
    .filter((c) => c.title !== "")
    .map((c) => ({ ...c, inToc: tocTitles.some((t) => t.toLowerCase() === c.title.toLowerCase()) }))
    .sort((a, b) => Number(b.inToc) - Number(a.inToc) || CLASS_RANK[a.cls] - CLASS_RANK[b.cls]);
  const best = ranked[0];
  if (!best) {
    warnings.push(`Punkt ${item.number} har ingen titel.`);
    return { title: "", confidence: 0 };
  }
  const variants = [...new Set(ranked.map((r) => r.title))];
  if (variants.length > 1) {
    const others = variants.filter((v) => v !== best.title).map((v) => `»${v}«`);
    warnings.push(
      `Punkt ${item.number} står med flere titler; »${best.title}« er brugt frem for ${others.join(", ")}.`,
    );
  }
  const agreed = ranked.filter((r) => r.title.toLowerCase() === best.title.toLowerCase()).length > 1;
  const confidence = best.inToc || agreed ? 1 : best.cls === "C" ? 0.7 : 0.85;
  return { title: best.title, confidence };
}

function decideKind(hint: ImportKind | null, items: ImportItem[], hasDecision: boolean): ImportKind {
  if (hint === "memo" && items.length === 0) {
    return "memo";
  }
  if (hasDecision) {
    return "minutes";
  }
  if (hint === "memo") {
    return "memo";
  }
  return hint === "minutes" ? "minutes" : "agenda";
}

const ACCESS_LINE = /^(åbent|åben|lukket|fortroligt?)(?:\s+punkt)?$/i;

/** An access word on its own line near the top of an item ("Åben", "Lukket punkt"): read and removed. */
function takeAccessLine(segments: Block[][]): "open" | "closed" | null {
  for (const segment of segments) {
    const index = segment.slice(0, 6).findIndex((b) => ACCESS_LINE.test(b.text.replace(/[*_]/g, "").trim()));
    if (index >= 0) {
      const word = segment[index]?.text.replace(/[*_]/g, "").trim() ?? "";
      segment.splice(index, 1);
      return /^åb/i.test(word) ? "open" : "closed";
    }
  }
  return null;
}

/** The access of the last section marker ("Åbent referat", "Lukket dagsorden") above an item heading. */
function sectionAccessBefore(blocks: Block[], start: number): "open" | "closed" | null {
  for (let i = Math.min(start, blocks.length) - 1; i >= 0; i--) {
    const access = accessOfMarker(blocks[i]?.text ?? "");
    if (access) {
      return access;
    }
  }
  return null;
}

/** Absence recorded under an attendance item ("Mødedeltagere") holds for every item of the meeting. */
function applyMeetingAbsence(items: ImportItem[]): void {
  const names = items.filter((i) => isAttendanceItem(i.title)).flatMap((i) => i.absent);
  if (names.length === 0) {
    return;
  }
  for (const item of items) {
    for (const name of names) {
      if (!item.absent.includes(name)) {
        item.absent.push(name);
      }
    }
  }
}

/** The shared grammar: turns the blocks of any format into the FORMAT.md structure. */
export function blocksToResult(input: Block[], options: GrammarOptions): GrammarOutput {
  const warnings: string[] = [];
  const toc = stripTableOfContents(dropFurniture(input));
  const blocks = caseNumbersUnderHeadings(toc.blocks);
  if (blocks.length === 0) {
    throw new ImportError("no_text");
  }
  const { items: raw, firstItem } = segment(blocks, options.deadline, toc.titles);
  const secondItemStart = raw[1]?.start ?? -1;
  const windowEnd = Math.min(
    secondItemStart > 0 ? secondItemStart : blocks.length,
    Math.max(firstItem, 0) + 60,
  );
  // A header before the first item is the header; some systems repeat it inside each item instead.
  const before = firstItem > 0 ? readHeader(blocks, firstItem) : null;
  const header =
    before?.start && before.body
      ? before
      : readHeader(
          blocks,
          firstItem < 0 ? Math.min(blocks.length, 80) : windowEnd,
          firstItem < 0 ? undefined : firstItem,
        );
  const headerAbsent = firstItem > 0 ? header.absent : [];
  for (const line of runningHeaders(blocks)) {
    header.consumed.add(line);
  }
  for (const block of blocks) {
    // "Åbent referat", "Lukket dagsorden": section markers, read by sectionAccessBefore, never content
    if (accessOfMarker(block.text)) {
      header.consumed.add(plainText(block.text));
    }
  }

  const items: ImportItem[] = [];
  const itemConfidence: ImportConfidence["items"] = [];
  let decisions = 0;
  let treatmentBody: string | null = null;
  for (const rawItem of raw) {
    checkDeadline(options.deadline, 0);
    const { title, confidence: titleConfidence } = chooseTitle(rawItem, toc.titles, warnings);
    const marks = rawItem.headings.map((h) => cleanTitle(h.title));
    const ownMark = takeAccessLine(rawItem.segments);
    const access =
      marks.find((m) => m.access !== null)?.access ?? ownMark ?? sectionAccessBefore(blocks, rawItem.start);
    const duration = marks.find((m) => m.durationMinutes !== null)?.durationMinutes ?? null;
    const titles = rawItem.headings.map((h) => h.title);
    const built = buildItemBody(rawItem.segments, { titles, consumed: header.consumed }, headerAbsent);
    if (built.hasDecision) {
      decisions += 1;
    }
    if (!treatmentBody) {
      for (const seg of rawItem.segments) {
        const line = seg.find((b) => bodyOfTreatmentLine(b.text));
        treatmentBody = line ? bodyOfTreatmentLine(line.text) : null;
        if (treatmentBody) {
          break;
        }
      }
    }
    const item: ImportItem = {
      number: rawItem.number,
      title,
      access,
      durationMinutes: duration,
      ...built.item,
    };
    applyDatedDecisions(item, built.dated, header.start?.slice(0, 10) ?? null);
    items.push(item);
    itemConfidence.push({
      number: rawItem.headings.some((h) => h.cls !== "C") ? 1 : 0.8,
      title: titleConfidence,
      access: access === null ? 0 : 1,
      ...built.confidence,
    });
  }
  items.sort((a, b) => a.number - b.number);
  applyMeetingAbsence(items);

  const kind = decideKind(header.kindHint, items, decisions > 0);
  if (kind === "minutes") {
    for (const item of items) {
      // A closed item in published minutes shows only its decision, under no heading (FirstAgenda).
      const keys = Object.keys(item.sections);
      if (item.access === "closed" && keys.length === 1 && item.sections.presentation) {
        item.sections = { decision: item.sections.presentation };
      }
    }
  }
  if (items.length === 0 && kind !== "memo") {
    throw new ImportError("not_minutes", "der blev ikke fundet nogen punkter");
  }
  const assessment = assessDocument(blocks, {
    kindHint: header.kindHint,
    start: header.start,
    body: header.body ?? treatmentBody,
    items,
    strongHeadings: raw.some((r) => r.headings.some((h) => h.cls !== "C")),
  });
  if (kind !== "memo" && assessment.score < ACCEPT_THRESHOLD) {
    const percent = Math.round(assessment.score * 100);
    throw new ImportError(
      "not_minutes",
      `${assessment.looksLike ? `det ligner ${assessment.looksLike}; ` : ""}sikkerhed for dagsorden/referat: ${percent} %`,
    );
  }
  let body = header.body;
  let bodySource = header.bodySource;
  if (!body && treatmentBody) {
    body = treatmentBody;
    bodySource = "weak";
  }
  addWarnings(warnings, { kind, items, body, header, bodySource });
  const missing = toc.titles.filter((t) => !items.some((i) => sameTitle(i.title, t)));
  if (missing.length > 0 && missing.length < toc.titles.length) {
    warnings.push(
      `Indholdsfortegnelsen nævner ${missing.length === 1 ? "et punkt" : `${missing.length} punkter`}, som ikke blev fundet: ${missing.map((t) => `»${t}«`).join(", ")}.`,
    );
  }
  return {
    result: {
      source: options.source,
      format: options.format,
      kind,
      body,
      start: header.start,
      location: header.location,
      caseNumbers: header.caseNumbers,
      items,
      warnings,
    },
    confidence: {
      document: kind === "memo" ? 1 : Math.round(assessment.score * 100) / 100,
      body: SOURCE_CONFIDENCE[bodySource],
      start: SOURCE_CONFIDENCE[header.startSource],
      location: SOURCE_CONFIDENCE[header.locationSource],
      items: itemConfidence,
    },
  };
}

function addWarnings(
  warnings: string[],
  doc: {
    kind: ImportKind;
    items: ImportItem[];
    body: string | null;
    header: ReturnType<typeof readHeader>;
    bodySource: Source;
  },
): void {
  if (!doc.body) {
    warnings.push("Mødeforummet (udvalg, gruppe) blev ikke fundet i dokumentet.");
  } else if (doc.bodySource === "weak") {
    warnings.push(`Mødeforummet »${doc.body}« er udledt af teksten og bør kontrolleres.`);
  }
  if (!doc.header.start) {
    warnings.push("Mødets dato blev ikke fundet.");
  } else if (!doc.header.start.includes("T") && doc.kind !== "memo") {
    warnings.push("Mødets klokkeslæt blev ikke fundet; kun datoen er med.");
  }
  if (!doc.header.location && doc.kind !== "memo") {
    warnings.push("Mødestedet blev ikke fundet.");
  } else if (doc.header.locationSource === "weak") {
    warnings.push(`Mødestedet »${doc.header.location}« er gættet ud fra linjen efter mødedatoen.`);
  }
  const numbers = doc.items.map((i) => i.number);
  for (let k = 1; k < numbers.length; k++) {
    const prev = numbers[k - 1] ?? 0;
    const next = numbers[k] ?? 0;
    if (next !== prev + 1) {
      warnings.push(`Punktnumrene springer fra ${prev} til ${next}; der kan mangle et punkt.`);
    }
  }
  if (doc.kind === "minutes") {
    const missing = doc.items.filter((i) => !i.sections.decision).map((i) => i.number);
    if (missing.length > 0) {
      warnings.push(`Der blev ikke fundet en beslutning til punkt ${missing.join(", ")}.`);
    }
  }
}
