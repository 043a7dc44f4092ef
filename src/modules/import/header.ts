import { namesInList } from "./absence.ts";
import { type Block, plainText } from "./blocks.ts";
import { findDanishDate, findTime } from "./danish-dates.ts";
import type { ImportKind } from "./import.schemas.ts";
import { normalizeLabel, withinEdits } from "./lexicon.ts";
import { treatmentOf } from "./treatment.ts";

/** A case number from an archive system: `EMN-2021-03543`, `14-001379`, `2024-0052292`, `23/12345`. */
export const CASE_NUMBER =
  /^(?:[A-ZÆØÅ]{2,6}[- ])?(?:\d{2}-\d{5,8}|\d{4}-\d{5,8}|\d{2}\/\d{3,8})(?:-\d{1,4})?$|^[A-ZÆØÅ]{2,6}[- ]\d{4}-\d{4,8}$/;

const CASE_LABEL =
  /^(?:journal\s*(?:nr|nummer)|j\.?\s*nr|sags?\s*(?:nr|nummer|id)|sagsnr|edoc(?:\s*nr)?|emne\s*(?:nr|nummer)|dok(?:ument)?\s*nr|acadre(?:\s*nr)?|f2(?:\s*nr)?)\.?\s*[:.]?\s*/i;

const HEADER_LABELS: Array<["date" | "time" | "location" | "body", string[]]> = [
  ["date", ["mødedato", "dato", "mødetidspunkt", "tidspunkt", "dato og tid", "dato og tidspunkt", "mødedag"]],
  ["time", ["tid", "mødetid", "klokkeslæt", "starttid"]],
  ["location", ["mødested", "sted", "lokale", "mødelokale", "adresse", "placering", "mødelokation"]],
  ["body", ["udvalg", "forum", "mødeforum", "organ", "gruppe", "mødegruppe", "møde i"]],
];

const TITLE_LINE = /^(beslutningsreferat|mødereferat|referat|dagsorden|notat)\b[\s:–-]*(.*)$/i;
const MEETING_OF = /^(?:(?:ordinært|ekstraordinært|konstituerende)\s+)?møde(?:t)?\s+i\s+(.{3,120})$/i;
const BODY_KIND_DATE =
  /^(\p{Lu}.{2,80}?)\s+[-–]\s+(referat|dagsorden|beslutningsprotokol)\s+[-–]\s+.*\d{4}$/iu;
/** "Alle medlemmer var mødt undtagen A, B og C, der havde meldt afbud." */
const ALL_EXCEPT =
  /^alle(?:\s+\p{L}+)?\s+(?:var\s+)?(?:mødt|til stede|fremmødt)\s*,?\s+undtagen\s+(.+?)(?:,?\s+der\s+(?:havde\s+)?(?:meldt\s+)?(?:afbud|forfald).*)?\.?$/iu;
const DATE_TAIL =
  /\s+(?:(?:d\.|den|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b.*|\d{1,2}[.\-/ ].*|\d{4}\b.*)$/i;

export type Source = "label" | "strong" | "weak" | "none";

export interface HeaderInfo {
  body: string | null;
  bodySource: Source;
  start: string | null;
  startSource: Source;
  location: string | null;
  locationSource: Source;
  caseNumbers: string[];
  absent: string[];
  kindHint: ImportKind | null;
  /** Plain texts of header lines that repeat on later pages and are not item content. */
  consumed: Set<string>;
}

interface Labelled {
  label: string;
  value: string;
}

/** "**Mødested** Rådssalen", "Mødested: Rådssalen", "Mødested<TAB>Rådssalen". */
export function splitLabel(text: string): Labelled | null {
  const bold = /^\*\*([^*]{1,40})\*\*\s*:?\s*(.*)$/.exec(text);
  if (bold) {
    return { label: normalizeLabel(bold[1] ?? ""), value: plainText(bold[2] ?? "") };
  }
  const plain = plainText(text);
  const colon = /^([^:\t]{1,30})(?::|\t)\s*(.*)$/.exec(plain);
  if (colon) {
    return { label: normalizeLabel(colon[1] ?? ""), value: (colon[2] ?? "").trim() };
  }
  return null;
}

function headerLabelKind(label: string): "date" | "time" | "location" | "body" | null {
  for (const [kind, words] of HEADER_LABELS) {
    for (const word of words) {
      if (label === word || (word.length >= 6 && withinEdits(label, word, 1))) {
        return kind;
      }
    }
  }
  return null;
}

/** The body's name from text that may end with a date or weekday. */
export function cleanBodyName(text: string): string | null {
  const name = plainText(text)
    .replace(DATE_TAIL, "")
    .replace(
      /^(?:fra|for|af|til)\s+(?:(?:det|ordinære|ekstraordinære)\s+)?(?:møde(?:t)?\s+(?:i|for)\s+)?/i,
      "",
    )
    .replace(/^(?:(?:ordinært|ekstraordinært)\s+)?møde(?:t)?\s+(?:i|for)\s+/i, "")
    .replace(/[\s,:–-]+$/, "")
    .trim();
  if (/^(?:til|fra|for|af|i|den|d\.|mødet|møde|og)$/i.test(name)) {
    return null;
  }
  return name.length >= 3 && name.length <= 120 && /\p{L}/u.test(name) ? name : null;
}

/** The body named in "Behandling i <body> <date>, pkt. N", the decision marker of some publishing systems. */
export function bodyOfTreatmentLine(text: string): string | null {
  const treatment = treatmentOf(text);
  return treatment ? cleanBodyName(treatment.body) : null;
}

/** A decision heading of any of the publishing systems (treatment.ts). */
export function isTreatmentLine(text: string): boolean {
  return treatmentOf(text) !== null;
}

/** Case numbers in a line: bare, or after a label such as "Journalnummer:" or "Sagsnr.". */
export function caseNumbersIn(text: string, allowBare: boolean): string[] {
  const plain = plainText(text).replace(/\s+/g, " ");
  if (plain.length > 120) {
    return [];
  }
  if (allowBare && CASE_NUMBER.test(plain)) {
    return [plain];
  }
  const label = CASE_LABEL.exec(plain);
  if (!label) {
    return [];
  }
  return plain
    .slice(label[0].length)
    .split(/[,;]\s*|\s+og\s+/)
    .map((part) => part.trim())
    .map((part) => part.replace(/[.,;]$/, ""))
    .filter((part) => CASE_NUMBER.test(part) || /^(?=.*\d)[\p{L}\d][\p{L}\d/.-]{3,39}$/u.test(part));
}

/** Reads body, start, location, case numbers and document-wide absence from the blocks before the items. */
export function readHeader(blocks: Block[], windowEnd: number, itemStart = windowEnd): HeaderInfo {
  const info: HeaderInfo = {
    body: null,
    bodySource: "none",
    start: null,
    startSource: "none",
    location: null,
    locationSource: "none",
    caseNumbers: [],
    absent: [],
    kindHint: null,
    consumed: new Set(),
  };
  const end = Math.min(blocks.length, windowEnd);
  let labelledDate: { date: string; time: string | null } | null = null;
  let labelledTime: string | null = null;
  let timedDate: { date: string; time: string | null; index: number } | null = null;
  let firstDate: { date: string; time: string | null; index: number } | null = null;
  let titleDate: string | null = null;
  const consume = (block: Block | undefined) => {
    if (block) {
      info.consumed.add(plainText(block.text));
    }
  };

  const columns = labelColumns(blocks, end);
  for (let i = 0; i < end; i++) {
    const block = blocks[i];
    if (!block) {
      continue;
    }
    if (columns.values.has(i)) {
      continue;
    }
    const plain = plainText(block.text);
    const title = i < 12 ? TITLE_LINE.exec(plain) : null;
    if (title && info.kindHint === null) {
      const word = (title[1] ?? "").toLowerCase();
      info.kindHint = word === "dagsorden" ? "agenda" : word === "notat" ? "memo" : "minutes";
      const rest = title[2] ?? "";
      titleDate = findDanishDate(rest)?.date ?? null;
      const nextPlain = plainText(blocks[i + 1]?.text ?? "");
      const body =
        cleanBodyName(rest) ??
        (rest.trim() === "" && nextPlain.length <= 120 && !splitLabel(blocks[i + 1]?.text ?? "")
          ? cleanBodyName(nextPlain)
          : null);
      if (body && info.bodySource !== "label" && info.kindHint !== "memo") {
        info.body = body;
        info.bodySource = "strong";
      }
      consume(block);
      continue;
    }
    const bodyTitle = i < 12 && info.bodySource !== "label" ? BODY_KIND_DATE.exec(plain) : null;
    if (bodyTitle && cleanBodyName(bodyTitle[1] ?? "")) {
      // "Sundhedsudvalget - Referat - 25. oktober 2016" (regional web pages)
      info.body = cleanBodyName(bodyTitle[1] ?? "");
      info.bodySource = "strong";
      info.kindHint ??= /^dagsorden/i.test(bodyTitle[2] ?? "") ? "agenda" : "minutes";
      consume(block);
      continue;
    }
    // A label alone on its line takes its value from the next line ("Mødested" ⏎ "Mødelokale 5").
    const bare =
      plain.length <= 30 && headerLabelKind(normalizeLabel(plain))
        ? { label: normalizeLabel(plain), value: "" }
        : null;
    const labelled = splitLabel(block.text) ?? bare;
    const kind = labelled ? headerLabelKind(labelled.label) : null;
    if (labelled && kind) {
      const value =
        labelled.value !== ""
          ? labelled.value
          : (columns.labels.get(i) ?? plainText(blocks[i + 1]?.text ?? ""));
      if (kind === "date" && !labelledDate) {
        const found = findDanishDate(value);
        if (found) {
          labelledDate = {
            date: found.date,
            time: found.time ?? findTime(plainText(blocks[i + 1]?.text ?? "")),
          };
          consume(block);
        }
      } else if (kind === "time" && !labelledTime) {
        labelledTime = findTime(value) ?? findTime(`kl. ${value}`);
      } else if (kind === "location" && info.locationSource !== "label" && value !== "") {
        info.location = value;
        info.locationSource = "label";
        consume(block);
      } else if (kind === "body" && info.bodySource !== "label" && cleanBodyName(value)) {
        info.body = cleanBodyName(value);
        info.bodySource = "label";
        consume(block);
      }
      continue;
    }
    const meeting = MEETING_OF.exec(plain);
    if (meeting && plain.length <= 140 && info.bodySource !== "label" && info.bodySource !== "strong") {
      const body = cleanBodyName(meeting[1] ?? "");
      if (body) {
        info.body = body;
        info.bodySource = "strong";
        consume(block);
      }
    }
    const cases = caseNumbersIn(block.text, false);
    if (cases.length > 0) {
      info.caseNumbers.push(...cases.filter((c) => !info.caseNumbers.includes(c)));
      // Inside the first item (when the header window reaches into it) it is the item's too.
      if (i < itemStart) {
        consume(block);
      }
      continue;
    }
    const absenceLabel = /^(?:[-•·▪*]\s*)?(?:fraværende|afbud)\b\s*(?:fra)?\s*:?\s*(.*)$/i.exec(plain);
    if (absenceLabel) {
      const rest = absenceLabel[1] ?? "";
      if (rest.trim() !== "") {
        info.absent.push(...namesInList(rest, true));
      } else {
        // "Afbud" over a list of names, one per line
        for (let k = i + 1; k < Math.min(end, i + 40); k++) {
          const next = blocks[k];
          if (!next || next.gap || !next.list) {
            break;
          }
          info.absent.push(...namesInList(plainText(next.text).replace(/^[-•·▪*]\s*/, "")));
        }
      }
      continue;
    }
    const allBut = ALL_EXCEPT.exec(plain);
    if (allBut) {
      info.absent.push(...namesInList(allBut[1] ?? ""));
      continue;
    }
    if (plain.length <= 160) {
      const found = findDanishDate(plain);
      if (found) {
        const entry = {
          date: found.date,
          time: found.time ?? findTime(plainText(blocks[i + 1]?.text ?? "")),
          index: i,
        };
        firstDate ??= entry;
        if (entry.time && !timedDate) {
          timedDate = entry;
          consume(block);
        }
      }
    }
  }

  if (labelledDate) {
    info.start = combine(labelledDate.date, labelledDate.time ?? labelledTime);
    info.startSource = "label";
  } else if (timedDate) {
    info.start = combine(timedDate.date, timedDate.time);
    info.startSource = "strong";
  } else if (titleDate) {
    info.start = combine(titleDate, labelledTime);
    info.startSource = "strong";
  } else if (firstDate) {
    info.start = combine(firstDate.date, firstDate.time ?? labelledTime);
    info.startSource = "weak";
  }
  if (info.locationSource === "none" && timedDate) {
    guessLocationAfter(blocks, timedDate.index, info);
  }
  return info;
}

/**
 * A table printed as columns: "Dato:", "Tid:", "Sted:" on their own lines, then their values in the
 * same order (Word/GetOrganized header tables). Label index → value, and the value lines.
 */
function labelColumns(blocks: Block[], end: number): { labels: Map<number, string>; values: Set<number> } {
  const labels = new Map<number, string>();
  const values = new Set<number>();
  for (let i = 0; i < end; i++) {
    let k = 0;
    while (i + k < end) {
      const l = splitLabel(blocks[i + k]?.text ?? "");
      if (l?.value !== "" || !headerLabelKind(l.label)) {
        break;
      }
      k++;
    }
    if (k >= 2) {
      for (let j = 0; j < k && i + k + j < blocks.length; j++) {
        labels.set(i + j, plainText(blocks[i + k + j]?.text ?? ""));
        values.add(i + k + j);
      }
      i += 2 * k - 1;
    }
  }
  return { labels, values };
}

function combine(date: string, time: string | null): string {
  return time ? `${date}T${time}` : date;
}

function guessLocationAfter(blocks: Block[], index: number, info: HeaderInfo): void {
  // "Torsdag den 20. juni 2013 Kl. 10:30 Kaløvig Kursuscenter …": the place after the time, same line
  const line = plainText(blocks[index]?.text ?? "");
  const tail =
    /\bkl\.?\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*,?\s*(?:i\s+|på\s+)?(\p{Lu}[^\t]{2,100})$/iu.exec(
      line,
    );
  if (tail?.[1] && !findDanishDate(tail[1])) {
    info.location = tail[1].trim();
    info.locationSource = "weak";
    return;
  }
  const next = blocks[index + 1];
  if (!next || next.level > 0) {
    return;
  }
  const plain = plainText(next.text).replace(/^(?:i|på)\s+(?=\p{Lu})/u, "");
  const looksLikePlace =
    plain.length >= 3 &&
    plain.length <= 100 &&
    !findDanishDate(plain) &&
    !splitLabel(next.text) &&
    !/[.!?]$/.test(plain) &&
    /^\p{Lu}/u.test(plain) &&
    caseNumbersIn(plain, true).length === 0;
  if (looksLikePlace) {
    info.location = plain;
    info.locationSource = "weak";
    info.consumed.add(plain);
  }
}
