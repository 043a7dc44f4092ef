/**
 * Follow-ups proposed from a decision's text (pure: no database, no clock). A person confirms them.
 *
 * Rules, per paragraph of the decision (a paragraph, bullet or numbered point is one follow-up at most):
 *  - active: an owner and a verb of work — "Sekretariatet udarbejder kommissorium …",
 *    "Administrationen vil planlægge dette", "Johan Reventlow undersøger …";
 *  - passive: a verb of work in the passive — "dagsordenssættes på mødet den 25. januar 2024",
 *    "følges op på næste møde", "Kommissorium … udarbejdes", "Emnet vil blive taget op igen …";
 *  - a wish for the next meeting — "ønsker en præsentation af databasen på næste møde";
 *  - a deadline — "deadline 13. december", "frist 1. marts".
 * The due date is absolute (due-dates.ts) or the next meeting of this or a named body.
 */
import { findDueDate } from "./due-dates.ts";

export type ProposedDue =
  | { kind: "date"; date: string; phrase: string }
  /** the next meeting of a body (null: the deciding body itself), on or after `after` */
  | { kind: "meeting"; bodyName: string | null; after: string | null; phrase: string };

export interface ActionProposal {
  text: string;
  ownerText: string | null;
  due: ProposedDue | null;
  /** which rules fired, for the reviewer */
  rules: string[];
}

const ACTIVE_VERBS = [
  "udarbejder",
  "udarbejde",
  "skriver",
  "skrive",
  "sender",
  "sende",
  "fremsender",
  "fremsende",
  "udsender",
  "indkalder",
  "indkalde",
  "planlægger",
  "planlægge",
  "følger op",
  "følge op",
  "forbereder",
  "forberede",
  "undersøger",
  "undersøge",
  "vurderer",
  "vurdere",
  "afklarer",
  "afklare",
  "inviterer",
  "invitere",
  "indhenter",
  "indhente",
  "reviderer",
  "revidere",
  "opdaterer",
  "opdatere",
  "laver",
  "lave",
  "arrangerer",
  "arrangere",
  "orienterer",
  "orientere",
  "kontakter",
  "kontakte",
  "tager kontakt",
  "vender tilbage",
  "indarbejder",
  "indarbejde",
  "fremlægger",
  "fremlægge",
  "forelægger",
  "forelægge",
  "holder .{1,40}? orienteret",
  "tilsender",
  "afholder",
  "afholde",
  "nedsætter",
  "nedsætte",
];
const PASSIVE_VERBS = [
  "dagsordenssættes",
  "dagsordensættes",
  "udarbejdes",
  "fremlægges",
  "forelægges",
  "sendes",
  "fremsendes",
  "udsendes",
  "tilsendes",
  "indkaldes",
  "planlægges",
  "genoptages",
  "genbehandles",
  "følges op",
  "revideres",
  "skrives igennem",
  "præsenteres",
  "afholdes",
  "nedsættes",
  "igangsættes",
  "drøftes",
  "behandles",
  "sættes",
  "laves",
  "rykkes",
  "tages op",
  "taget op igen",
  "fulgt op",
];
const alt = (words: string[]) => words.map((w) => w.replace(/ /g, "\\s+")).join("|");
const L = "(?<![\\p{L}])";
const R = "(?![\\p{L}])";

const ACTIVE = new RegExp(
  `(?:^|\\bat\\s+|,\\s*)((?:[\\p{L}][\\p{L}\\-'’.]*)(?:\\s+(?:og\\s+)?[\\p{L}][\\p{L}\\-'’]*){0,4}?)\\s+(?:(?:vil|skal)\\s+)?(?:i\\s+fællesskab\\s+)?(${alt(ACTIVE_VERBS)})${R}`,
  "u",
);
const PASSIVE = new RegExp(`${L}(?:vil\\s+blive\\s+)?(${alt(PASSIVE_VERBS)})${R}`, "iu");
const WISH = /\bønsker\s+(?:en|et)\s+[\p{L}\- ]{3,80}?\s+(?:på|til)\s+(?:det\s+)?(?:næste|kommende)\s+møde/iu;
const DEADLINE = /(?<![\p{L}])(?:deadline|frist|tidsfrist)(?![\p{L}])/iu;
const NEGATED = /(?<![\p{L}])(?:ikke|aldrig|ingen)(?![\p{L}])/iu;

/** Words that name a responsible party at the end of a subject ("Sekretariatet", "Plan-gruppen"). */
const OWNER_WORD =
  /^(?:sekretariat(?:et|sfunktionen)?|administrationen|formandskab(?:et)?|regionen|kommunerne|udvalget|styregruppen|koordinationsgruppen|.*gruppen|.*udvalget|.*kredsen|.*forum|.*enheden|.*sekretariatet|.*ledelsen)$/iu;
const NOT_SUBJECT = /^(?:der|det|den|man|som|hvis|og|at|hvor|dette|disse|denne)$/iu;

const ABBREVIATIONS = new Set([
  "d",
  "jf",
  "pkt",
  "nr",
  "bl.a",
  "evt",
  "mhp",
  "ca",
  "fx",
  "f.eks",
  "mv",
  "inkl",
  "ift",
  "ifm",
  "kl",
  "dvs",
  "vedr",
  "jan",
  "feb",
  "aug",
  "sep",
  "sept",
  "okt",
  "nov",
  "dec",
]);

/** Paragraphs: blank lines, bullets and numbered points each start a new one. */
export function paragraphs(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const joined = current.join(" ").replace(/\s+/g, " ").trim();
    if (joined) {
      out.push(joined);
    }
    current = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || /^#+\s/.test(line)) {
      flush();
      continue;
    }
    if (/^(?:[-·•*–]\s+|\d{1,2}[.)]\s+)/u.test(line)) {
      flush();
    }
    current.push(line.replace(/^(?:[-·•*–]\s+|\d{1,2}[.)]\s+)/u, "").replace(/\*/g, ""));
  }
  flush();
  return out;
}

/** Sentences of a paragraph; a period after a known abbreviation or a number does not end one. */
export function sentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?](?=\s+[A-ZÆØÅ"“])/gu;
  for (let m = re.exec(paragraph); m !== null; m = re.exec(paragraph)) {
    const before = paragraph.slice(start, m.index);
    const lastWord = (/([\p{L}.]+)$/u.exec(before)?.[1] ?? "").toLowerCase();
    if (ABBREVIATIONS.has(lastWord) || /\d$/.test(before)) {
      continue;
    }
    out.push(paragraph.slice(start, m.index + 1).trim());
    start = m.index + 1;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) {
    out.push(rest);
  }
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The owner named before an active verb, or null when the words before it are no party. */
export function ownerOf(subject: string): string | null {
  const words = subject.trim().split(/\s+/);
  // "det blev besluttet at sekretariatet …": keep only the words after the last "at"
  const lastAt = words.map((w) => w.toLowerCase()).lastIndexOf("at");
  const tail = lastAt >= 0 ? words.slice(lastAt + 1) : words;
  const first = tail[0] ?? "";
  const last = tail.at(-1) ?? "";
  if (tail.length === 0 || NOT_SUBJECT.test(first)) {
    return null;
  }
  const capitalized = tail.every((w) => /^[A-ZÆØÅ]/u.test(w) || /^(?:og|for|i)$/u.test(w));
  if (OWNER_WORD.test(last) || (capitalized && tail.length <= 4 && /^[A-ZÆØÅ]/u.test(first))) {
    return capitalize(tail.join(" "));
  }
  return null;
}

const MEETING =
  /(?<![\p{L}])(?:(næste|kommende|første)\s+møde(?:\s+i\s+(\d{4}))?|(?:et|det|mødet)\s+(?:næste\s+|kommende\s+)?møde(?:t)?\s+i\s+([A-ZÆØÅ][\p{L}\- ]{2,60}?)(?=\s+(?:den|d\.|i)\s|\s*[,.]|$)|(?:på|til)\s+(?:et\s+)?kommende\s+møde)/iu;

/** The due of a sentence: a written date wins; else a reference to a (named body's) next meeting. */
export function dueOf(sentence: string, meetingDate: string): ProposedDue | null {
  const date = findDueDate(sentence, meetingDate);
  if (date) {
    return { kind: "date", date: date.date, phrase: date.phrase };
  }
  const m = MEETING.exec(sentence);
  if (!m) {
    return null;
  }
  const firstOfYear = m[1]?.toLowerCase() === "første" && m[2] ? `${m[2]}-01-01` : null;
  // "Styregruppe for sundhedssamarbejdes første møde i 2018": the body is named just before
  const named = m[3]?.trim() ?? (firstOfYear ? namedBefore(sentence, m.index) : null);
  return { kind: "meeting", bodyName: named ?? null, after: firstOfYear, phrase: m[0].trim() };
}

function namedBefore(sentence: string, index: number): string | null {
  const before = sentence.slice(0, index).trim();
  const m = /(?:på|til)\s+([A-ZÆØÅ][\p{L}\- ]{2,60}?)s?$/u.exec(before);
  return m?.[1]?.replace(/s$/u, "") ?? null;
}

interface SentenceHit {
  sentence: string;
  owner: string | null;
  rules: string[];
}

function analyse(sentence: string): SentenceHit | null {
  const rules: string[] = [];
  let owner: string | null = null;
  const active = ACTIVE.exec(sentence);
  if (active) {
    owner = ownerOf(active[1] ?? "");
    if (owner) {
      rules.push("active");
    }
  }
  const passive = PASSIVE.exec(sentence);
  if (passive && !NEGATED.test(sentence.slice(passive.index))) {
    rules.push("passive");
  }
  if (WISH.test(sentence)) {
    rules.push("wish");
  }
  if (DEADLINE.test(sentence) && findDueDate(sentence, "2000-01-01")) {
    rules.push("deadline");
  }
  return rules.length > 0 ? { sentence, owner, rules } : null;
}

/**
 * Proposals for one decision. `meetingDate` (YYYY-MM-DD) anchors dates written without a year.
 * A sentence that only points back ("Administrationen vil planlægge dette") takes the paragraph's
 * preceding sentence as its text and due.
 */
export function proposeActions(decision: string, meetingDate: string): ActionProposal[] {
  const out: ActionProposal[] = [];
  for (const paragraph of paragraphs(decision)) {
    const all = sentences(paragraph);
    const hits = all.map(analyse);
    const fired = hits.filter((h): h is SentenceHit => h !== null);
    if (fired.length === 0) {
      continue;
    }
    const texts: string[] = [];
    for (const [i, hit] of hits.entries()) {
      if (!hit) {
        continue;
      }
      const previous = all[i - 1];
      if (/(?<![\p{L}])(?:dette|det|disse)\.?$/iu.test(hit.sentence) && previous && !hits[i - 1]) {
        texts.push(previous);
      }
      texts.push(hit.sentence);
    }
    const text = texts.join(" ");
    out.push({
      text: text.length > 1000 ? `${text.slice(0, 997)}…` : text,
      ownerText: fired.find((h) => h.owner)?.owner ?? null,
      due: dueOf(text, meetingDate),
      rules: [...new Set(fired.flatMap((h) => h.rules))],
    });
  }
  return out;
}
