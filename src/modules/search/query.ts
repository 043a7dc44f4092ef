/**
 * The query language of the search field, parsed without a database:
 *   words            all must occur (Danish stemming, compounds: "aftale" finds "samarbejdsaftale")
 *   "a phrase"       the words in this order
 *   -word, -"a b"    must not occur
 *   behandl*         prefix
 * Words with inner punctuation (case numbers like EMN-2025-00001, "covid-19") are matched as a whole.
 */

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 12;

export interface QueryWord {
  /** lower-case letters and digits only */
  text: string;
  prefix: boolean;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** phrases and tokens with inner punctuation; lower case, only letters, digits, spaces and - / . */
  phrases: string[];
  excludedWords: QueryWord[];
  excludedPhrases: string[];
}

/** A query the reader must change; the message is Danish and says how. */
export class QuerySyntaxError extends Error {}

const WORD = /^[\p{L}\p{N}]+$/u;
/** Letters and digits joined by - / . (case numbers, "covid-19", "1.5"). */
const JOINED = /^[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)+$/u;

function cleanPhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s\-/.]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function classify(raw: string, out: { words: QueryWord[]; phrases: string[] }): void {
  // Punctuation around a word ("aftale," or "(KOL)") is not part of it.
  const token = raw.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}*]+$/gu, "");
  if (token === "") {
    return;
  }
  const star = token.indexOf("*");
  if (star !== -1 && star !== token.length - 1) {
    throw new QuerySyntaxError(`Stjerne (*) kan kun stå sidst i et ord, fx "behandl*" – ikke i "${raw}".`);
  }
  const prefix = star !== -1;
  const text = prefix ? token.slice(0, -1) : token;
  if (WORD.test(text)) {
    if (prefix && text.length < 2) {
      throw new QuerySyntaxError(`Skriv mindst 2 bogstaver før stjernen i "${raw}".`);
    }
    out.words.push({ text, prefix });
    return;
  }
  if (JOINED.test(text) && !prefix) {
    out.phrases.push(text);
    return;
  }
  // Anything else: the letters and digits in it, as separate words.
  for (const part of text.split(/[^\p{L}\p{N}]+/u)) {
    if (part !== "") {
      out.words.push({ text: part, prefix: false });
    }
  }
}

/** Parses the search field; throws QuerySyntaxError with a Danish message for input it cannot use. */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError(
      `Søgningen er for lang (${input.length} tegn); den må højst være ${MAX_QUERY_LENGTH} tegn.`,
    );
  }
  const included = { words: [] as QueryWord[], phrases: [] as string[] };
  const excluded = { words: [] as QueryWord[], phrases: [] as string[] };
  let i = 0;
  const s = input.replace(/[“”„«»]/g, '"');
  while (i < s.length) {
    const ch = s[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const negative = ch === "-" && i + 1 < s.length && !/\s/.test(s[i + 1] as string);
    const start = negative ? i + 1 : i;
    const target = negative ? excluded : included;
    if (s[start] === '"') {
      const end = s.indexOf('"', start + 1);
      if (end === -1) {
        throw new QuerySyntaxError(
          'Et citat mangler sit afsluttende anførselstegn ("). Skriv fx "sundhedsaftale 2024".',
        );
      }
      const phrase = cleanPhrase(s.slice(start + 1, end));
      if (phrase !== "") {
        target.phrases.push(phrase);
      }
      i = end + 1;
      continue;
    }
    let end = start;
    while (end < s.length && !/\s/.test(s[end] as string) && s[end] !== '"') {
      end++;
    }
    classify(s.slice(start, end), target);
    i = end;
  }
  const count =
    included.words.length + included.phrases.length + excluded.words.length + excluded.phrases.length;
  if (count > MAX_QUERY_TERMS) {
    throw new QuerySyntaxError(
      `Søgningen har for mange ord og citater (${count}); brug højst ${MAX_QUERY_TERMS}.`,
    );
  }
  if (included.words.length + included.phrases.length === 0 && count > 0) {
    throw new QuerySyntaxError(
      "Skriv mindst ét ord, der skal findes – ikke kun ord med minus foran (minus udelukker et ord).",
    );
  }
  return {
    words: included.words,
    phrases: included.phrases,
    excludedWords: excluded.words,
    excludedPhrases: excluded.phrases,
  };
}

/** True when the query has nothing to search for (only filters). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}
