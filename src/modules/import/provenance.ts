/**
 * What the importer wrote, and the rule for a corrected version (pure; no database):
 * a field is updated when it still holds what the importer wrote last time, or when it is empty
 * and the importer never wrote it; otherwise a user has changed it and it is kept.
 */
import type { agendaItems, meetings, SECTION_KEYS } from "../meetings/index.ts";
import type { ImportItem, ImportResult } from "./import.schemas.ts";

type ItemRow = typeof agendaItems.$inferSelect;
export type MeetingKind = (typeof meetings.$inferSelect)["kind"];
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The item columns the importer writes, as written. */
export interface ItemValues {
  number: number;
  title: string;
  access: "open" | "closed";
  durationMinutes: number | null;
  kind: ItemRow["kind"];
  caseNumbers: string[];
  recommendations: string[];
  otherSections: { heading: string; text: string }[];
  decisionText: string | null;
  outcome: ItemRow["outcome"];
  sections: Partial<Record<SectionKey, string>>;
}

export const ITEM_FIELDS = [
  "title",
  "access",
  "durationMinutes",
  "kind",
  "caseNumbers",
  "recommendations",
  "otherSections",
  "decisionText",
  "outcome",
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

export interface ItemProvenance {
  itemId: number;
  number: number;
  /** value per field as the importer last wrote it; a missing key: the importer never wrote it */
  fields: Partial<Record<ItemField, unknown>>;
  sections: Partial<Record<SectionKey, string>>;
  /** attachment id → title, absence id → person id: the rows the importer created */
  attachments: Record<string, string>;
  absences: Record<string, number>;
}

export interface Provenance {
  meeting: { location?: string | null; kind?: MeetingKind };
  items: ItemProvenance[];
}

export const EMPTY_PROVENANCE: Provenance = { meeting: {}, items: [] };

/** Folds case, accents' composition and white space, for names and titles. */
export function fold(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("da").replace(/\s+/g, " ").trim();
}

/** JSON with object keys sorted (jsonb does not keep key order); arrays keep theirs. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Deep equality of JSON values, ignoring object key order. */
export function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0)
  );
}

export type MergeAction = "same" | "update" | "keep";

/**
 * The rule for one field: `same` when nothing changes, `update` when the importer still owns the
 * field (it holds what the importer wrote, or it is empty and the importer never wrote it), else `keep`.
 */
export function mergeAction(
  current: unknown,
  written: unknown,
  next: unknown,
  wasWritten: boolean,
): MergeAction {
  if (same(current, next)) {
    return "same";
  }
  if (wasWritten ? same(current, written) : isEmpty(current)) {
    return "update";
  }
  return "keep";
}

const OUTCOMES: [RegExp, NonNullable<ItemRow["outcome"]>][] = [
  [/^\s*(?:ikke godkendt|ikke tiltrådt|afvist)/i, "not_approved"],
  [
    /^\s*(?:godkendt|tiltrådt|indstillingen blev godkendt)[^.]*\bmed\b[^.]*bemærkning/i,
    "approved_with_remarks",
  ],
  [
    /^\s*(?:godkendt|tiltrådt|anbefalet|vedtaget|indstilling(?:en|erne)? (?:blev )?(?:godkendt|tiltrådt))/i,
    "approved",
  ],
  [/^\s*(?:taget til efterretning|orienteringen blev taget til efterretning|til efterretning)/i, "noted"],
  [/^\s*(?:drøftet|sagen blev drøftet|drøftelse)/i, "discussed"],
  [/^\s*(?:udsat|sagen blev udsat)/i, "postponed"],
];

/** The outcome a decision text opens with ("Godkendt.", "Taget til efterretning."), or null. */
export function outcomeOf(decision: string | null): ItemRow["outcome"] {
  if (!decision) {
    return null;
  }
  const text = decision.replace(/^[*_#>\s]+/, "");
  return OUTCOMES.find(([re]) => re.test(text))?.[1] ?? null;
}

/** Orientation and discussion items by their title; everything else is for decision. */
export function itemKindOf(title: string): ItemRow["kind"] {
  if (/^(?:skriftlig(?:e)? )?(?:orientering|beretning)|^meddelelser|beretninger$/i.test(title)) {
    return "orientation";
  }
  if (/^(?:tema)?drøftelse|^strategisk drøftelse/i.test(title)) {
    return "discussion";
  }
  return "decision";
}

/** Meeting kind from what the document says of the meeting. */
export function meetingKindOf(result: Pick<ImportResult, "location">): MeetingKind {
  return /\b(?:teams|skype|zoom|virtuel\w*|online)\b/i.test(result.location ?? "") ? "virtual" : "ordinary";
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const CASE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}./\-_ ]*$/u;

/** The columns of an item as the importer writes them, within the limits the API enforces. */
export function itemValues(item: ImportItem): ItemValues {
  const { decision, ...sections } = item.sections;
  const title = clip(item.title.trim(), 500) || `Punkt ${item.number}`;
  return {
    number: Math.min(item.number, 999),
    title,
    // A document that does not say is a published document: its items were open.
    access: item.access ?? "open",
    durationMinutes:
      item.durationMinutes !== null && item.durationMinutes <= 24 * 60 ? item.durationMinutes : null,
    kind: itemKindOf(title),
    caseNumbers: [...new Set(item.caseNumbers.map((c) => c.trim()))]
      .filter((c) => c.length <= 60 && CASE_NUMBER.test(c))
      .slice(0, 50),
    recommendations: item.recommendations.slice(0, 20),
    otherSections: item.otherSections
      .filter((s) => s.heading.trim() !== "")
      .slice(0, 50)
      .map((s) => ({ heading: clip(s.heading.trim(), 300), text: s.text })),
    decisionText: decision ?? null,
    outcome: outcomeOf(decision ?? null),
    sections,
  };
}

/** The body's name as written, without a trailing "d." / "den" that belongs to the date. */
export function cleanBodyName(name: string): string {
  return name
    .replace(/\s+/g, " ")
    .replace(/[\s,–-]+(?:d\.?|den)\s*$/i, "")
    .replace(/[\s,.:;–-]+$/, "")
    .trim();
}
