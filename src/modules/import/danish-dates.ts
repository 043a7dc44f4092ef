import { DANISH_MONTHS as MONTHS } from "../../lib/danish-date.ts";

const WORD_DATE =
  /\b(\d{1,2})\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+(\d{4})\b/i;
const NUMERIC_DATE = /\b(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})\b/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const TIME = /\b(?:kl\.?|klokken)\s*(\d{1,2})(?:[.:](\d{2}))?/i;
const BARE_TIME = /^\s*(\d{1,2})[.:](\d{2})\b/;

export interface FoundDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM or null */
  time: string | null;
  /** Where the date ends in the text, to look for a time after it. */
  end: number;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) {
    return null;
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The first date written the Danish way in text (`22. april 2021`, `22-04-2021`, `2021-04-22`) with its time. */
export function findDanishDate(text: string): FoundDate | null {
  const line = text.length > 2000 ? text.slice(0, 2000) : text;
  const candidates: Array<{ index: number; date: string | null; end: number }> = [];
  const word = WORD_DATE.exec(line);
  if (word) {
    const month = MONTHS[(word[2] ?? "").toLowerCase()] ?? 0;
    candidates.push({
      index: word.index,
      date: validDate(Number(word[3]), month, Number(word[1])),
      end: word.index + word[0].length,
    });
  }
  const iso = ISO_DATE.exec(line);
  if (iso) {
    candidates.push({
      index: iso.index,
      date: validDate(Number(iso[1]), Number(iso[2]), Number(iso[3])),
      end: iso.index + iso[0].length,
    });
  }
  const numeric = NUMERIC_DATE.exec(line);
  if (numeric) {
    const rawYear = Number(numeric[3]);
    const year = (numeric[3] ?? "").length === 2 ? 2000 + rawYear : rawYear;
    candidates.push({
      index: numeric.index,
      date: validDate(year, Number(numeric[2]), Number(numeric[1])),
      end: numeric.index + numeric[0].length,
    });
  }
  const valid = candidates.filter((c) => c.date !== null).sort((a, b) => a.index - b.index);
  const first = valid[0];
  if (!first || first.date === null) {
    return null;
  }
  return { date: first.date, time: findTime(line.slice(first.end)), end: first.end };
}

/** A time of day written `kl. 10:00`, `kl. 13.30` or `klokken 9`. */
export function findTime(text: string): string | null {
  const match = TIME.exec(text) ?? BARE_TIME.exec(text);
  if (!match) {
    return null;
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  if (hours > 23 || minutes > 59) {
    return null;
  }
  return `${pad(hours)}:${pad(minutes)}`;
}
