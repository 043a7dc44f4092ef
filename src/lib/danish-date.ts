/**
 * Dates and times as Danes write them in a form: "21-01-2027", "21.1.2027", "21/1 2027", "21. januar 2027",
 * "21. jan. 2027" and ISO "2027-01-21"; times "9", "9.30", "09:30", "kl. 9.30". Pure, no clock: a date
 * without a year is not guessed. The result is ISO (what the services and the API take).
 */

/** Danish month names and their usual abbreviations → month number (shared with the follow-ups' due dates). */
export const DANISH_MONTHS: Readonly<Record<string, number>> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  marts: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) {
    return false;
  }
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

function iso(y: number, m: number, d: number): string | null {
  return isRealDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** A date in any of the accepted ways as "YYYY-MM-DD", or null when it is not one (or does not exist). */
export function parseDanishDate(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  m = /^(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./ ]\s*(\d{4})$/.exec(s);
  if (m) {
    return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  m = /^(\d{1,2})\.? ?([a-zæøå]+)\.? (\d{4})$/.exec(s);
  if (m) {
    const month = DANISH_MONTHS[m[2] as string];
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

/** A time of day as "HH:MM", or null. */
export function parseDanishTime(text: string): string | null {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/^kl\.?\s*/, "");
  const m = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(s);
  if (!m) {
    return null;
  }
  const h = Number(m[1]);
  const min = Number(m[2] ?? "0");
  return h <= 23 && min <= 59 ? `${pad(h)}:${pad(min)}` : null;
}

/** For a form: the ISO date when the text is a date, else the text unchanged (so the schema's error shows). */
export function normalizeDanishDate(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === "") {
    return text;
  }
  return parseDanishDate(text) ?? text;
}

/** A stored ISO date ("2027-01-21") as a form field shows it to people ("21-01-2027"); anything else unchanged. */
export function formDate(value: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  return m ? `${m[3]}-${m[2]}-${m[1]}` : (value ?? "");
}
