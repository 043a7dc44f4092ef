const ACCESS = /\s*[-–(]?\s*\(?\s*\b(åben|åbent|lukket|fortrolig)(?:\s+punkt)?\s*\)?\s*$/i;
const ACCESS_ANYWHERE = /\(\s*(åben|åbent|lukket|fortrolig)(?:\s+punkt)?\s*\)/i;
/** A leading access word: "Lukket: …", "LUKKET PUNKT - …", "Åbent punkt: …", "Åben - …". */
const LEADING_ACCESS = /^(åbent|åben|lukket|fortroligt?)(?:\s+punkt)?\s*[:–-]\s*(?=\S)/i;
const DURATION = /\s*[-–—,]?\s*\(?\s*(\d{1,3})\s*(?:minutter|minut|min\.?)\s*\)?\s*$/i;

export interface CleanTitle {
  title: string;
  access: "open" | "closed" | null;
  durationMinutes: number | null;
}

function accessOf(word: string): "open" | "closed" {
  return /^åben/i.test(word) ? "open" : "closed";
}

/** The bare title of an item heading, with its access marker and time box read off. */
export function cleanTitle(raw: string): CleanTitle {
  let title = raw
    .replace(/\*\*|__/g, "")
    .replace(/(^|\s)[*_]+|[*_]+(?=\s|$)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  let access: CleanTitle["access"] = null;
  let durationMinutes: number | null = null;
  const leading = LEADING_ACCESS.exec(title);
  if (leading) {
    access = accessOf(leading[1] ?? "");
    title = title.slice(leading[0].length).trim();
  }
  for (let pass = 0; pass < 3; pass++) {
    const duration = DURATION.exec(title);
    if (duration && durationMinutes === null) {
      durationMinutes = Number(duration[1]) || null;
      title = title.slice(0, duration.index).trim();
    }
    const inside = ACCESS_ANYWHERE.exec(title);
    if (inside && access === null) {
      access = accessOf(inside[1] ?? "");
      title = `${title.slice(0, inside.index)} ${title.slice(inside.index + inside[0].length)}`.trim();
    }
    const trailing =
      access === null && /[-–(]\s*\(?\s*(?:åben|åbent|lukket|fortrolig)/i.test(title)
        ? ACCESS.exec(title)
        : null;
    if (trailing) {
      access = accessOf(trailing[1] ?? "");
      title = title.slice(0, trailing.index).trim();
    }
  }
  title = title.replace(/^[\s:.–-]+|[\s:–-]+$/g, "").replace(/\s+/g, " ");
  return { title, access, durationMinutes };
}
