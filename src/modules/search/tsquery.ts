import { type SQL, sql } from "drizzle-orm";
import { AppError } from "../../server/errors.ts";
import type { ExpandedWord } from "./expand.ts";
import type { ParsedQuery } from "./query.ts";

/** A lexeme as a tsquery operand; lexemes come from the dictionary or the vocabulary, quoted anyway. */
function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function wordOperand(e: ExpandedWord): string | null {
  if (e.word.prefix) {
    // A prefix keeps its stem when that is a prefix of it ("aftale*" → aftal:*), else its letters.
    const base = e.stem && e.word.text.startsWith(e.stem) ? e.stem : e.word.text;
    return `${quote(base)}:*`;
  }
  if (e.stem === null) {
    return null;
  }
  const all = [e.stem, ...e.alternatives.filter((a) => a !== e.stem)];
  return all.length === 1 ? quote(e.stem) : `(${all.map(quote).join(" | ")})`;
}

/**
 * The text of one phrase (or a joined token such as a case number) as a tsquery; relaxed: its words in
 * any order (for a vector without positions, checked again with the phrase).
 */
function phraseQuery(phrase: string, relaxed: boolean): SQL {
  const words = relaxed
    ? sql`plainto_tsquery('danish', ${phrase})`
    : sql`phraseto_tsquery('danish', ${phrase})`;
  // A joined token is also indexed whole (case numbers are); a phrase never contains a quote.
  return /\s/.test(phrase) ? words : sql`(${words} || ${quote(phrase)}::tsquery)`;
}

/**
 * The tsquery of a parsed query with its expanded words, or null for an empty query. Throws when every
 * word is a stop word, since such a query would find nothing (or everything). Relaxed: phrases as their
 * words in any order and without excluded phrases — a query that matches at least what the exact one
 * does, for the public's month-bucketed vector, which has no positions (buckets.ts).
 */
export function buildTsQuery(
  parsed: ParsedQuery,
  included: ExpandedWord[],
  excluded: ExpandedWord[],
  relaxed = false,
): SQL | null {
  const positive = included.map(wordOperand).filter((o): o is string => o !== null);
  if (positive.length === 0 && parsed.phrases.length === 0) {
    if (included.length === 0) {
      return null;
    }
    throw new AppError(
      "invalid_query",
      "Søgningen indeholder kun småord (som 'og', 'i', 'at'), som ikke søges på. Tilføj et mere sigende ord.",
      [{ path: "q", message: "Kun småord." }],
    );
  }
  const negative = excluded
    .map(wordOperand)
    .filter((o): o is string => o !== null)
    .map((o) => `!${o}`);
  const text = [...positive, ...negative].join(" & ");
  const parts: SQL[] = [];
  if (text !== "") {
    parts.push(sql`${text}::tsquery`);
  }
  for (const p of parsed.phrases) {
    parts.push(phraseQuery(p, relaxed));
  }
  for (const p of relaxed ? [] : parsed.excludedPhrases) {
    parts.push(sql`!!${phraseQuery(p, false)}`);
  }
  return sql.join(parts, sql` && `);
}
