/**
 * The public's month-bucketed search vector (`search_documents.tsv_pub`, migration
 * "search_public_vector"): every lexeme the public may match is stored as "YYYYMM|lexeme" (the month of
 * the meeting, UTC; "0" for bodies and persons), title lexemes also as "YYYYMM!lexeme", filters as
 * "YYYYMM|:k:decision" and so on. A query is rewritten per month so that the GIN index returns the
 * matches of a range of months only; the search asks for the newest months first and stops once it has
 * enough (docs/search.md, "How a search stays fast"). Pure functions; no database.
 */

/** A month as a number: year * 12 + month - 1. */
export type Month = number;

export function monthOf(date: Date): Month {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The bucket name of a month: "202611". */
export function bucketName(m: Month): string {
  const year = Math.floor(m / 12);
  return `${year}${String((m % 12) + 1).padStart(2, "0")}`;
}

/** The undated bucket (bodies, persons). */
export const UNDATED = "0";

/** A string as a quoted tsquery operand. */
export function quoteOperand(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

const OPERAND = /'((?:[^']|'')*)'/g;

/** The text of a tsquery (as PostgreSQL prints it) with every operand moved into a bucket. */
export function bucketQuery(tsquery: string, prefix: string): string {
  return tsquery.replace(OPERAND, (_, inner: string) => `'${prefix}${inner}'`);
}

/** The operands of a tsquery text, with their prefix mark (":*") — for the title tier. */
export function operandsOf(tsquery: string): string[] {
  const out = new Set<string>();
  for (const m of tsquery.matchAll(/'((?:[^']|'')*)'(:\*)?/g)) {
    out.add(`${m[1]}${m[2] ?? ""}`);
  }
  return [...out];
}

/** True when the tsquery uses phrase operators, which a stripped vector cannot check. */
export function hasPhrase(tsquery: string): boolean {
  return /<(?:-|\d+)>/.test(tsquery.replace(OPERAND, "''"));
}

/** Filter values as tokens (see the migration); every value already in the database's lower case. */
export interface FilterTokens {
  /** each an alternative set: at least one of them must be present ("b:1" | "b:2") */
  all: string[][];
}

export interface BucketQueryParts {
  /** the tsquery text of the words, or null for an empty query (filters only) */
  text: string | null;
  filters: FilterTokens;
  /** also require a title lexeme (the title tier) */
  title?: boolean;
}

/** The tsquery text for one bucket: words, title tier and filters, all inside the bucket. */
export function bucketTsQuery(parts: BucketQueryParts, bucket: string): string {
  const and: string[] = [];
  if (parts.text === null) {
    and.push(quoteOperand(`${bucket}|:v`));
  } else {
    and.push(`( ${bucketQuery(parts.text, `${bucket}|`)} )`);
    if (parts.title) {
      const title = operandsOf(parts.text).map((o) => {
        const star = o.endsWith(":*");
        const inner = star ? o.slice(0, -2) : o;
        return `'${bucket}!${inner}'${star ? ":*" : ""}`;
      });
      and.push(`( ${title.join(" | ")} )`);
    }
  }
  for (const alternatives of parts.filters.all) {
    and.push(`( ${alternatives.map((t) => quoteOperand(`${bucket}|:${t}`)).join(" | ")} )`);
  }
  return and.join(" & ");
}

/**
 * The months from `top` down to `bottom` in stages of growing size (1, 1, 2, 4, 8, … months), newest
 * first: a broad query is answered from the first stages, a rare one asks all of them.
 */
export function stages(top: Month, bottom: Month): string[][] {
  const out: string[][] = [];
  let size = 1;
  let m = top;
  while (m >= bottom) {
    const stage: string[] = [];
    for (let i = 0; i < size && m >= bottom; i++, m--) {
      stage.push(bucketName(m));
    }
    out.push(stage);
    if (out.length > 1) {
      size *= 2;
    }
  }
  return out;
}
