/**
 * Absence written in the many ways Danish minutes do it: Fraværende lists (names with job
 * titles and roles), "X, Y og Z deltog ikke i ...", "Der var afbud fra X og Y", "X deltog for Y".
 */

const TITLE_WORD =
  /^(?:[\p{L}-]*(?:chef|direktør|formand|formandinde|læge|leder|konsulent|sygeplejerske|borgmester|rådmand|medlem|sekretær|koordinator|repræsentant|rådgiver|fuldmægtig|specialist|terapeut|psykolog|ansvarlig|suppleant|observatør|referent)|dr|prof|professor|cand)\.?$/iu;
const PARTICLE = /^(?:von|van|de|la|af|du|le|der|da|di|el|al|bin|ibn)$/;
const NAME_TOKEN = /^(?:\p{Lu}\.|\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*\.?)$/u;
const ORGANISATION =
  /\b(?:kommune|kommuner|region|regionen|sygehus|hospital|praksis|plo|kl|udvalg|udvalget|styregruppe|forening|sekretariat|sekretariatet|administrationen|direktionen)\b|\p{L}(?:hospital(?:et|er)?|sygehus(?:et)?|kommune|centeret|center|klinik(?:ken)?|afdeling(?:en)?|forvaltning(?:en)?)\b/iu;

/** A person's name from a list entry with job titles, roles and party letters removed; null if it is not a name. */
export function cleanPersonName(entry: string): string | null {
  let text = entry
    .replace(/\([^)]{0,60}\)/g, " ")
    .replace(/[*_]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.,;:]+$/, "");
  if (text === "" || /\d/.test(text) || ORGANISATION.test(text)) {
    return null;
  }
  const comma = text.indexOf(",");
  if (comma > 0) {
    text = text.slice(0, comma).trim();
  }
  const tokens = text.split(" ");
  while (tokens.length > 0 && (TITLE_WORD.test(tokens[0] ?? "") || /^\p{Ll}/u.test(tokens[0] ?? ""))) {
    tokens.shift();
  }
  while (
    tokens.length > 0 &&
    (TITLE_WORD.test(tokens.at(-1) ?? "") || /^\p{Ll}/u.test(tokens.at(-1) ?? ""))
  ) {
    tokens.pop();
  }
  if (tokens.length < 2 || tokens.length > 6) {
    return null;
  }
  const named = tokens.every((t) => NAME_TOKEN.test(t) || PARTICLE.test(t));
  return named ? tokens.join(" ") : null;
}

/** Names in a run of text such as "A, direktør B og C". */
export function namesInList(text: string, firstNamesToo = false): string[] {
  const names: string[] = [];
  for (const part of text.split(/\t|;|,|\s+og\s+|\s+samt\s+|\s+\/\s+/)) {
    const name = cleanPersonName(part);
    if (name) {
      names.push(name);
    } else if (firstNamesToo && /^\s*\p{Lu}\p{Ll}+\s*\.?$/u.test(part) && !ORGANISATION.test(part)) {
      // "Afbud: Tilde," – a working group's minutes name people by first name
      names.push(part.trim().replace(/\.$/, ""));
    }
  }
  return names;
}

/** Names from the lines of a Fraværende/Afbud section: one person per line or table row, roles dropped. */
export function namesInAbsenceLines(lines: string[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    const cells = line.split("\t");
    const first = cells[0] ?? "";
    const found = cells.length > 1 ? [cleanPersonName(first)].filter((n) => n !== null) : namesInList(line);
    names.push(...found);
  }
  return names;
}

export interface AbsenceSentence {
  names: string[];
  start: number;
  end: number;
}

const CUES: Array<{ re: RegExp; side: "before" | "after" }> = [
  { re: /\bdeltog ikke\b/gi, side: "before" },
  { re: /\b(?:var|er) fraværende\b/gi, side: "before" },
  { re: /\b(?:var|blev) forhindret i at deltage\b/gi, side: "before" },
  { re: /\bkunne ikke deltage\b/gi, side: "before" },
  { re: /\bhavde (?:meldt )?afbud\b/gi, side: "before" },
  { re: /\bmeldte afbud\b/gi, side: "before" },
  { re: /\bafbud fra\b/gi, side: "after" },
  { re: /\bfraværende:/gi, side: "after" },
  { re: /\bafbud:/gi, side: "after" },
  { re: /\bdeltog (?:i stedet )?for\b/gi, side: "after" },
  { re: /\bmødte (?:i stedet )?for\b/gi, side: "after" },
];

function isSentenceEnd(text: string, dot: number): boolean {
  const ch = text[dot];
  if (ch === ":" || ch === ";" || ch === "!" || ch === "?" || ch === "\n") {
    return true;
  }
  if (ch !== ".") {
    return false;
  }
  // "Søren S. Kjær": a single capital before the dot is an initial, not the end of a sentence.
  const before = text.slice(Math.max(0, dot - 2), dot);
  return !/(?:^|\s)\p{Lu}$/u.test(before);
}

function sentenceStart(text: string, from: number): number {
  const limit = Math.max(0, from - 600);
  for (let i = from - 1; i >= limit; i--) {
    if (isSentenceEnd(text, i) && /\s/.test(text[i + 1] ?? " ")) {
      return i + 1;
    }
  }
  return limit;
}

function sentenceEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 600);
  for (let i = from; i < limit; i++) {
    if (isSentenceEnd(text, i) && /\s|$/.test(text[i + 1] ?? "")) {
      return i + 1;
    }
  }
  return limit;
}

/** Every sentence in a paragraph that says someone was absent, with the names it gives. */
export function findAbsenceSentences(text: string): AbsenceSentence[] {
  const found: AbsenceSentence[] = [];
  if (!/deltog|deltage|fravær|afbud|mødte/i.test(text)) {
    return found;
  }
  for (const cue of CUES) {
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(text); m !== null; m = cue.re.exec(text)) {
      const start = sentenceStart(text, m.index);
      const end = sentenceEnd(text, m.index + m[0].length);
      const segment =
        cue.side === "before" ? text.slice(start, m.index) : text.slice(m.index + m[0].length, end);
      const names = namesInList(segment.replace(/^\s*(?:der var|desuden)\s+/i, ""));
      if (names.length > 0) {
        found.push({ names, start, end });
      }
    }
  }
  return found;
}
