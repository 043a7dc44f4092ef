import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { isCompoundOf, MIN_EXPANDABLE, MIN_STEM, partsToCheck } from "./compound.ts";
import { LEXICON } from "./lexicon.ts";
import type { QueryWord } from "./query.ts";
import { rowsOf, textArray } from "./sql.ts";

/** What a query word becomes: its stem (null for a stop word) and the indexed words it also matches. */
export interface ExpandedWord {
  word: QueryWord;
  stem: string | null;
  /** compounds containing the word, or (for a word the index does not know) close spellings */
  alternatives: string[];
}

const MAX_CANDIDATES = 400;
const MAX_ALTERNATIVES = 60;
const TYPO_SIMILARITY = 0.45;
const CACHE_MS = 60_000;
const CACHE_SIZE = 5_000;

type Cached = { at: number; stem: string | null; alternatives: string[] };
/** Per database: the vocabulary only grows, so a minute-old expansion at worst misses a brand-new compound. */
const caches = new WeakMap<object, Map<string, Cached>>();

function cacheOf(db: DbOrTx): Map<string, Cached> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Stems the query words in the database's danish dictionary and widens each with the compounds of the
 * vocabulary that contain it (see compound.ts), or, when the index does not know the word at all, with
 * close spellings by trigram similarity. Alternatives are never shown to the reader: they only widen a
 * query that then runs against what the reader may see.
 */
export async function expandWords(db: DbOrTx, words: QueryWord[], now = Date.now()): Promise<ExpandedWord[]> {
  const cache = cacheOf(db);
  const key = (w: QueryWord) => `${w.prefix ? "*" : ""}${w.text}`;
  const missing = [...new Set(words.filter((w) => !isFresh(cache.get(key(w)), now)).map((w) => w.text))];
  if (missing.length > 0) {
    const found = await lookUp(db, missing);
    for (const w of words) {
      const f = found.get(w.text);
      if (f) {
        cache.set(key(w), {
          at: now,
          stem: f.stem,
          alternatives: w.prefix ? [] : f.alternatives,
        });
      }
    }
    if (cache.size > CACHE_SIZE) {
      cache.clear();
    }
  }
  return words.map((word) => {
    const c = cache.get(key(word));
    return { word, stem: c?.stem ?? null, alternatives: c?.alternatives ?? [] };
  });
}

function isFresh(c: Cached | undefined, now: number): boolean {
  return c !== undefined && now - c.at < CACHE_MS;
}

async function lookUp(db: DbOrTx, words: string[]) {
  const stems = rowsOf<{ w: string; stem: string | null; known: boolean }>(
    await db.execute(sql`
      select w, s.stem, exists (select 1 from search_terms t where t.term = s.stem) as known
      from unnest(${textArray(words)}) w
      cross join lateral (select (ts_lexize('danish_stem', w))[1] as stem) s`),
  );
  const result = new Map<string, { stem: string | null; alternatives: string[] }>();
  const wide = stems.filter(
    (r) => r.stem !== null && r.w.length >= MIN_EXPANDABLE && r.stem.length >= MIN_STEM,
  );
  const candidates = new Map<string, string[]>();
  if (wide.length > 0) {
    const rows = rowsOf<{ stem: string; term: string; sim: number }>(
      await db.execute(sql`
        select s.stem, c.term, c.sim
        from unnest(${textArray(wide.map((r) => r.stem as string))}, ${textArray(wide.map((r) => String(r.known)))}) as s(stem, known_text)
        cross join lateral (select s.known_text::boolean as known) k
        cross join lateral (
          select term, 0 as sim from search_terms
          where term like '%' || s.stem || '%' and term <> s.stem
          limit ${MAX_CANDIDATES}
        ) c
        union all
        select s.stem, c.term, c.sim
        from unnest(${textArray(wide.map((r) => r.stem as string))}, ${textArray(wide.map((r) => String(r.known)))}) as s(stem, known_text)
        cross join lateral (select s.known_text::boolean as known) k
        cross join lateral (
          select term, similarity(term, s.stem) as sim from search_terms
          where not k.known and term % s.stem and similarity(term, s.stem) >= ${TYPO_SIMILARITY}
          order by sim desc limit 3
        ) c`),
    );
    for (const r of rows) {
      const list = candidates.get(r.stem) ?? [];
      list.push(r.sim > 0 ? `~${r.term}` : r.term);
      candidates.set(r.stem, list);
    }
  }
  const needlesOf = (w: string, stem: string) => [...new Set([w, stem])];
  const parts = new Set<string>();
  for (const r of wide) {
    for (const c of candidates.get(r.stem as string) ?? []) {
      if (!c.startsWith("~")) {
        for (const p of partsToCheck(c, needlesOf(r.w, r.stem as string))) {
          parts.add(p);
        }
      }
    }
  }
  const known = new Set<string>();
  if (parts.size > 0) {
    const rows = rowsOf<{ p: string }>(
      await db.execute(sql`
        select p from unnest(${textArray([...parts])}) p
        where exists (select 1 from search_terms t where t.term = p or t.term = (ts_lexize('danish_stem', p))[1])`),
    );
    for (const r of rows) {
      known.add(r.p);
    }
  }
  for (const r of stems) {
    const alternatives: string[] = [];
    for (const c of r.stem ? (candidates.get(r.stem) ?? []) : []) {
      if (c.startsWith("~")) {
        alternatives.push(c.slice(1));
      } else if (isCompoundOf(c, needlesOf(r.w, r.stem as string), (p) => known.has(p) || LEXICON.has(p))) {
        alternatives.push(c);
      }
    }
    result.set(r.w, { stem: r.stem, alternatives: alternatives.slice(0, MAX_ALTERNATIVES) });
  }
  return result;
}
