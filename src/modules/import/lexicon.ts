import type { SectionKey } from "./import.schemas.ts";

/** Where a labelled block sends its content: a canonical section or one of the item's lists. */
export type SectionTarget = SectionKey | "recommendation" | "absent" | "attachments" | "history";

const LABELS: Array<[SectionTarget, string[]]> = [
  ["summary", ["sagsresumé", "sagsresume", "resumé", "resume", "kort resumé", "sammenfatning", "sammendrag"]],
  [
    "presentation",
    [
      "sagsfremstilling",
      "supplerende sagsfremstilling",
      "sagsbeskrivelse",
      "baggrund",
      "løsning og konsekvenser",
      "sagens indhold",
      "redegørelse",
      "beskrivelse",
    ],
  ],
  ["economy", ["økonomi", "økonomiske konsekvenser", "økonomi og finansiering", "finansiering"]],
  ["coordination", ["koordinering med andre afdelinger", "koordinering"]],
  ["approvedBy", ["godkendt af"]],
  ["municipalRemarks", ["kommunale bemærkninger", "kommunernes bemærkninger"]],
  ["process", ["proces", "videre proces", "tidsplan", "proces og tidsplan"]],
  ["previousDecisions", ["tidligere beslutninger", "tidligere behandling", "tidligere beslutning"]],
  ["decision", ["beslutning", "beslutninger", "afgørelse", "udvalgets beslutning", "referat"]],
  [
    "recommendation",
    [
      "indstilling",
      "indstillinger",
      "forslag til beslutning",
      "administrationens indstilling",
      "beslutningspunkter",
      "forvaltningen foreslår",
      "direktionen indstiller",
    ],
  ],
  ["history", ["sagsforløb", "sagens forløb"]],
  [
    "absent",
    ["fraværende", "fravær", "afbud", "fraværende/afbud", "afbud/fraværende", "fraværende og afbud"],
  ],
  ["attachments", ["bilag", "bilagsliste", "bilagsoversigt", "vedlagte bilag", "bilag til punktet"]],
];

const EXACT = new Map<string, SectionTarget>();
for (const [target, words] of LABELS) {
  for (const word of words) {
    EXACT.set(word, target);
  }
}

/** Labels that may carry a body for another forum: "Beslutning i Økonomiudvalget", "Indstilling til SSU". */
const PREFIXED = /^(beslutning|indstilling|indstillinger)\s+(?:i|fra|på|til|for)\s+\S/;
const PREFIXED_CASE = /^\P{L}*\p{Lu}\p{Ll}+\s+\p{Ll}+\s+(?:\P{L}*)\p{Lu}/u;

/** Labels whose content can follow on the same line after a colon ("Beslutning: Godkendt"). */
const INLINE_OK = new Set<SectionTarget>(["decision", "recommendation", "absent", "attachments"]);

export function normalizeLabel(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[*_#`]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s\d.)]+(?=\p{L})/u, "")
    .replace(/[\s:.]+$/, "")
    .trim();
}

/** The section a standalone label line opens, or null. */
export function sectionOfLabel(text: string): SectionTarget | null {
  if (text.length > 90) {
    return null;
  }
  const label = normalizeLabel(text);
  const exact = EXACT.get(label);
  if (exact) {
    return exact;
  }
  const prefixed = PREFIXED.exec(label);
  if (prefixed && label.length <= 70 && PREFIXED_CASE.test(text)) {
    return prefixed[1] === "beslutning" ? "decision" : "recommendation";
  }
  return null;
}

/** A label followed by content on the same line ("Beslutning: Godkendt."), for the labels where that is common. */
export function inlineLabel(text: string): { target: SectionTarget; rest: string } | null {
  const colon = text.indexOf(":");
  if (colon <= 0 || colon > 40) {
    return null;
  }
  const target = sectionOfLabel(text.slice(0, colon));
  const rest = text.slice(colon + 1).replace(/^[\s*_]+/, "");
  if (!target || !INLINE_OK.has(target) || rest.trim() === "") {
    return null;
  }
  return { target, rest };
}

/** Small edit distance for short labels with a typo ("Møtested"); gives up above `max`. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) {
    return false;
  }
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) {
      return false;
    }
    prev = row;
  }
  return (prev[b.length] ?? max + 1) <= max;
}
