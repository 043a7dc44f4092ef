import { findAbsenceSentences, namesInAbsenceLines } from "./absence.ts";
import { type Block, plainText } from "./blocks.ts";
import { type CaseHistoryEntry, parseSagsforloeb } from "./case-history.ts";
import { caseNumbersIn, isTreatmentLine } from "./header.ts";
import type { ImportItem, ItemConfidence, SectionKey } from "./import.schemas.ts";
import { sameTitle } from "./items.ts";
import { inlineLabel, type SectionTarget, sectionOfLabel } from "./lexicon.ts";
import { isEmptyText, renderBlocks } from "./render.ts";
import { type Treatment, treatmentOf } from "./treatment.ts";

interface Section {
  target: SectionTarget | "other";
  heading: string;
  level: number;
  blocks: Block[];
}

export interface ItemContext {
  titles: string[];
  consumed: Set<string>;
}

/** A decision under a heading that names its meeting: this meeting's, or the case's history. */
export interface DatedDecision {
  treatment: Treatment;
  text: string;
}

export interface BuiltBody {
  item: Omit<ImportItem, "number" | "title" | "access" | "durationMinutes">;
  /** decisions whose heading has a date; the grammar keeps the meeting's own and files the rest as history */
  dated: DatedDecision[];
  confidence: Pick<ItemConfidence, "sections" | "decision" | "absent">;
  hasDecision: boolean;
}

const RECOMMENDS =
  /^(?:administrationen|direktionen|direktøren|forvaltningen|sekretariatet|formandskabet|\p{Lu}[\p{L}-]{2,40}(?:\s+\p{L}+){0,3})\s+indstiller(?:\s+at|,|:)?\s*$/u;

/** Splits one occurrence of an item into its labelled sections. */
function splitSections(
  blocks: Block[],
  ctx: ItemContext,
  caseNumbers: string[],
): { sections: Section[]; treatment: boolean } {
  const sections: Section[] = [];
  let current: Section | null = null;
  let treatment = false;
  const open = (target: Section["target"], heading: string, level: number): Section => {
    const section: Section = { target, heading, level, blocks: [] };
    sections.push(section);
    return section;
  };
  let previous: Block | undefined;
  for (const block of blocks) {
    const plain = plainText(block.text);
    // A plain line that continues a paragraph wrapped at the margin ("... før der træffes" / "beslutning.") is no label.
    const continues = block.level === 0 && !block.bold && !block.gap && previous?.wrapped === true;
    previous = block;
    if (ctx.consumed.has(plain)) {
      continue;
    }
    if (current?.target !== "attachments") {
      const cases = caseNumbersIn(block.text, true);
      if (cases.length > 0) {
        caseNumbers.push(...cases);
        continue;
      }
    }
    if (isTreatmentLine(plain)) {
      current = open("decision", plain, 0);
      treatment = true;
      continue;
    }
    // Under "Bilag" a plain line is an attachment title even when it reads like a label ("Indstilling").
    const listing = current?.target === "attachments" && block.level === 0 && !block.bold;
    const target = continues || listing ? null : sectionOfLabel(plain);
    if (target) {
      current = open(target, plain, block.level);
      continue;
    }
    if (current?.target !== "recommendation" && !continues && RECOMMENDS.test(plain)) {
      // "Administrationen indstiller," over its "at …" lines: an Indstilling block without a heading
      current = open("recommendation", "", 0);
      current.blocks.push(block);
      continue;
    }
    const inline = block.level === 0 ? inlineLabel(plain) : null;
    if (inline) {
      current = open(inline.target, plain, 0);
      current.blocks.push({ ...block, text: inline.rest });
      continue;
    }
    if (block.level > 0) {
      if (ctx.titles.some((t) => sameTitle(t, plain))) {
        current = null;
        continue;
      }
      if (!current || (current.level > 0 && block.level <= current.level)) {
        current = open("other", plain, block.level);
        continue;
      }
    }
    current ??= open("other", "", 0);
    current.blocks.push(block);
  }
  return { sections, treatment };
}

function unbalanced(text: string): boolean {
  return (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
}

/** An attachment listed with its document number first ("2012-208960 - Title", eDoc). */
const NUMBERED_ATTACHMENT = /^(?:\d{2,4}-\d{4,8}\s+-\s+\S|\d{1,3}\s+(?:åben|åbent|lukket|fortrolig)\s+\S)/i;

function attachmentTitles(blocks: Block[]): string[] {
  const lines: string[] = [];
  let previous: Block | null = null;
  // When the entries carry document numbers, a line without one continues the entry above.
  const numbered = blocks.some((b) => NUMBERED_ATTACHMENT.test(plainText(b.text)));
  let inEntry = false;
  for (const block of blocks) {
    const plain = plainText(block.text);
    const last = lines.length - 1;
    if (numbered) {
      if (NUMBERED_ATTACHMENT.test(plain)) {
        lines.push(plain);
        inEntry = true;
      } else if (inEntry && !block.gap && last >= 0) {
        lines[last] = `${lines[last]} ${plain}`;
      } else {
        // text after the list (the next sub-point of a Meddelelser item) is no attachment
        inEntry = false;
      }
      previous = block;
      continue;
    }
    const continues =
      previous?.wrapped === true ||
      /^\p{Ll}/u.test(plain) ||
      unbalanced(lines[last] ?? "") ||
      /[-–(]$/.test(lines[last] ?? "");
    previous = block;
    if (!block.gap && !block.list && last >= 0 && continues) {
      lines[last] = `${lines[last]} ${plain}`;
    } else {
      lines.push(plain);
    }
  }
  return lines
    .map((line) => line.replace(/^\s*(?:[-*•·▪]|\d{1,3}[.)])\s+/, "").trim())
    .filter(
      (line) =>
        !isEmptyText(line) &&
        !/^ingen(?: bilag)?\.?$/i.test(line) &&
        !/^\d+$/.test(line) &&
        line.length <= 400,
    );
}

export function attachmentKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/\((?:[^()]*\d[^()]*)\)\s*$/, "")
    .replace(/\.(?:pdf|docx?|xlsx?|pptx?|msg|txt)\b.*$/i, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function pushUnique(
  list: string[],
  values: string[],
  key: (v: string) => string = (v) => v.toLowerCase(),
): void {
  const seen = new Set(list.map(key));
  for (const value of values) {
    const k = key(value);
    if (k !== "" && !seen.has(k)) {
      seen.add(k);
      list.push(value);
    }
  }
}

/** Builds an item's sections, recommendations, absence and attachments from its occurrences. */
export function buildItemBody(segments: Block[][], ctx: ItemContext, documentAbsent: string[]): BuiltBody {
  const texts = new Map<SectionKey, string[]>();
  const recommendations: string[] = [];
  const otherSections: Array<{ heading: string; text: string }> = [];
  const absent: string[] = [];
  const attachments: string[] = [];
  const caseNumbers: string[] = [];
  const caseHistory: CaseHistoryEntry[] = [];
  const dated: DatedDecision[] = [];
  let labelled = false;
  let decisionConfidence = 0;
  let absentConfidence = documentAbsent.length > 0 ? 0.9 : 0.6;

  for (const segment of segments) {
    const { sections, treatment: treated } = splitSections(segment, ctx, caseNumbers);
    for (const section of sections) {
      if (section.target === "attachments") {
        // the same list met again (an item printed twice) adds nothing; within one list, equal titles
        // with different dates in brackets are different attachments
        const known = new Set(attachments.map(attachmentKey));
        attachments.push(...attachmentTitles(section.blocks).filter((t) => !known.has(attachmentKey(t))));
        continue;
      }
      if (section.target === "history") {
        // Earlier meetings' handling: never this meeting's text, decision or absence.
        caseHistory.push(...parseSagsforloeb(section.blocks.map((b) => plainText(b.text))));
        continue;
      }
      if (section.target === "absent") {
        pushUnique(absent, namesInAbsenceLines(section.blocks.map((b) => plainText(b.text))));
        absentConfidence = 1;
        continue;
      }
      let text = renderBlocks(section.blocks);
      const treatment = section.target === "decision" ? treatmentOf(section.heading) : null;
      if (treatment?.date) {
        // Absence inside it is only this meeting's once the grammar knows which meeting it is.
        dated.push({ treatment, text });
        labelled = true;
        decisionConfidence = Math.max(decisionConfidence, 0.9);
        continue;
      }
      for (const sentence of findAbsenceSentences(text).sort((a, b) => b.start - a.start)) {
        pushUnique(absent, sentence.names);
        absentConfidence = Math.max(absentConfidence, 0.8);
        if (section.target === "decision") {
          const rest = `${text.slice(0, sentence.start)}${text.slice(sentence.end)}`
            .replace(/[ \t]+\n/g, "\n")
            .trim();
          // a decision that only records the absence keeps its text
          text = isEmptyText(rest) ? text : rest;
        }
      }
      if (isEmptyText(text)) {
        continue;
      }
      if (section.target === "other") {
        otherSections.push({ heading: section.heading, text });
      } else if (section.target === "recommendation") {
        recommendations.push(text);
        labelled = true;
      } else {
        labelled = true;
        texts.set(section.target, [...(texts.get(section.target) ?? []), text]);
        if (section.target === "decision") {
          decisionConfidence = Math.max(decisionConfidence, treated ? 0.9 : 1);
        }
      }
    }
  }
  pushUnique(absent, documentAbsent);
  const sections: Partial<Record<SectionKey, string>> = {};
  for (const [key, values] of texts) {
    sections[key] = values.join("\n\n");
  }
  // Text under the item heading before any label is the case text of a plain agenda.
  const untitled = otherSections.findIndex((s) => s.heading === "");
  if (untitled >= 0 && !sections.presentation) {
    sections.presentation = otherSections[untitled]?.text ?? "";
    otherSections.splice(untitled, 1);
  }
  const hasSections = Object.keys(sections).length > 0 || recommendations.length > 0;
  return {
    item: {
      caseNumbers: [...new Set(caseNumbers)],
      sections,
      recommendations,
      otherSections,
      absent,
      attachments,
      ...(caseHistory.length > 0 ? { caseHistory } : {}),
    },
    confidence: {
      sections: labelled ? 1 : hasSections ? 0.5 : 0.3,
      decision: decisionConfidence,
      absent: absentConfidence,
    },
    dated,
    hasDecision: Boolean(sections.decision) || dated.length > 0,
  };
}

/**
 * Files an item's dated decisions: the one of this meeting (its date, else the last) becomes the
 * decision, with its absence sentences; the earlier ones become the case's history.
 */
export function applyDatedDecisions(
  item: ImportItem,
  dated: DatedDecision[],
  meetingDate: string | null,
): void {
  if (dated.length === 0) {
    return;
  }
  const matching = dated.filter((d) => d.treatment.date === meetingDate);
  const own = matching.length > 0 ? matching : dated.slice(-1);
  const texts: string[] = [];
  for (const decision of own) {
    let text = decision.text;
    for (const sentence of findAbsenceSentences(text).sort((a, b) => b.start - a.start)) {
      pushUnique(item.absent, sentence.names);
      text = `${text.slice(0, sentence.start)}${text.slice(sentence.end)}`.replace(/[ \t]+\n/g, "\n").trim();
    }
    if (!isEmptyText(text)) {
      texts.push(text);
    }
  }
  if (texts.length > 0) {
    item.sections.decision = [item.sections.decision, ...texts].filter(Boolean).join("\n\n");
  }
  const history = dated
    .filter((d) => !own.includes(d))
    .map((d) => ({
      body: d.treatment.body,
      date: d.treatment.date ?? "",
      itemNumber: d.treatment.itemNumber,
      decision: d.text.replace(/\s+/g, " ").trim(),
    }));
  if (history.length > 0) {
    item.caseHistory = [...(item.caseHistory ?? []), ...history];
  }
}
