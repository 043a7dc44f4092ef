/**
 * Danish compounds, decided without a database. The index holds whole words ("samarbejdsaftal"); the
 * danish snowball stemmer does not split them. At query time a word is widened with the indexed words
 * that contain it as a part of a compound: the rest of the candidate must itself be made of known words
 * (the vocabulary of the index), joined directly or with a linking s or e ("samarbejd-s-aftal"). That
 * keeps "aftale" → "samarbejdsaftale" and "overvægt" → "overvægtsaftalen", but not "ældre" → "forældre"
 * ("for" is a stop word, never in the vocabulary) or "tal" → "aftal" ("af" is too short to be a part).
 */

export const MIN_PART = 3;
/** Query words shorter than this are not widened: too many accidental matches. */
export const MIN_EXPANDABLE = 4;
/** The stem may be shorter ("demens" → "dem", "læge" → "læg"); the compound check guards the rest. */
export const MIN_STEM = 3;
/** Endings a compound's last part may carry in a lexeme (derivations the stemmer keeps). */
const ENDINGS = ["e", "er", "en", "et", "s", "ig", "ige", "lig", "isk"];
const LINKS = ["s", "e"];

/** The strings whose membership in the vocabulary decides a candidate (for one batched lookup). */
export function partsToCheck(candidate: string, needles: string[]): string[] {
  const out = new Set<string>();
  for (const needle of needles) {
    let at = candidate.indexOf(needle);
    while (at !== -1) {
      for (const piece of [candidate.slice(0, at), candidate.slice(at + needle.length)]) {
        for (const v of pieceVariants(piece)) {
          out.add(v);
          for (let cut = MIN_PART; cut <= v.length - MIN_PART; cut++) {
            for (const w of pieceVariants(v.slice(0, cut))) {
              out.add(w);
            }
            for (const w of pieceVariants(v.slice(cut))) {
              out.add(w);
            }
          }
        }
      }
      at = candidate.indexOf(needle, at + 1);
    }
  }
  return [...out].filter((p) => p.length >= MIN_PART);
}

/** A piece with and without a linking letter at either end. */
function pieceVariants(piece: string): string[] {
  const out = [piece];
  for (const link of LINKS) {
    if (piece.endsWith(link)) {
      out.push(piece.slice(0, -1));
    }
    if (piece.startsWith(link)) {
      out.push(piece.slice(1));
    }
  }
  return out;
}

/** Is the piece one known word, or two, each possibly with a linking letter? */
function isWordSequence(piece: string, known: (w: string) => boolean, depth = 2): boolean {
  if (piece.length < MIN_PART) {
    return false;
  }
  if (pieceVariants(piece).some((v) => v.length >= MIN_PART && known(v))) {
    return true;
  }
  if (depth <= 1) {
    return false;
  }
  for (let cut = MIN_PART; cut <= piece.length - MIN_PART; cut++) {
    const head = piece.slice(0, cut);
    const tail = piece.slice(cut);
    if (isWordSequence(head, known, 1) && isWordSequence(tail, known, 1)) {
      return true;
    }
  }
  return false;
}

/**
 * True when `candidate` (an indexed lexeme) is a compound with one of the needles (the query word, and
 * its stem) as a part: what precedes the needle is made of known words, and what follows is empty, an
 * ending, or known words.
 */
export function isCompoundOf(candidate: string, needles: string[], known: (w: string) => boolean): boolean {
  for (const needle of needles) {
    if (needle.length < MIN_STEM || candidate === needle) {
      continue;
    }
    let at = candidate.indexOf(needle);
    while (at !== -1) {
      const before = candidate.slice(0, at);
      const after = candidate.slice(at + needle.length);
      const beforeOk = before === "" || isWordSequence(before, known);
      const afterOk = after === "" || ENDINGS.includes(after) || isWordSequence(after, known);
      if (beforeOk && afterOk && (before !== "" || after !== "")) {
        return true;
      }
      at = candidate.indexOf(needle, at + 1);
    }
  }
  return false;
}
