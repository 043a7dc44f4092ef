import { type Block, plainText } from "./blocks.ts";
import { sectionOfLabel } from "./lexicon.ts";

/**
 * Item headings by the conventions of Danish minutes. Class A names the item ("Punkt 3:",
 * "pkt. 3"), class B carries the access marker ("3 (Åben) Title"), class C is a bare
 * number ("3. Title") and is only trusted where no A/B headings exist.
 */
export type HeadingClass = "A" | "B" | "C";

export interface HeadingMatch {
  cls: HeadingClass;
  number: number;
  title: string;
  /** Blocks the heading occupies (a wrapped title continues on the next line). */
  span: number;
}

const CLASS_A =
  /^(?:punkt|pkt\.?|dagsordenspunkt|dagsordenpunkt|sag\s+nr\.?)\s*(\d{1,3})(\s*[:.)–-]\s*|\s+|$)(.*)$/i;
const CLASS_B = /^(\d{1,3})\.?\s*(\(\s*(?:åben|åbent|lukket|fortrolig)(?:\s+punkt)?\s*\)\s*[:.–-]?\s*.*)$/i;
const CLASS_C = /^(\d{1,3})[.)]\s+(.+)$/;
/** "1 First Agenda": a bold or heading line with a bare number (Word templates with 1 / 1.1 numbering). */
const CLASS_C_BARE = /^(\d{1,2})\s+(\p{Lu}.{1,150})$/u;

/** Whether a block looks like a heading by its form alone. */
function headingLike(block: Block, plain: string, formatted: boolean): boolean {
  if (block.level > 0 || block.bold) {
    return true;
  }
  if (formatted) {
    return false;
  }
  return plain.length <= 200 && !/[.,;:]$/.test(plain);
}

/** Reads an item heading from the block at `index`, joining a wrapped title. */
export function matchHeading(blocks: Block[], index: number, formatted: boolean): HeadingMatch | null {
  const block = blocks[index];
  if (!block) {
    return null;
  }
  const plain = plainText(block.text);
  if (plain.length > 400) {
    return null;
  }
  let match: HeadingMatch | null = null;
  // "punkt 7.4)" at the start of a wrapped line is a reference inside a sentence, not a heading.
  const previous = blocks[index - 1];
  const continuesSentence =
    !block.gap &&
    block.level === 0 &&
    !block.bold &&
    previous !== undefined &&
    (previous.wrapped ?? !/[.:!?]\**$/.test(previous.text));
  const a = continuesSentence || /^\D*\d{1,3}\.\d/.test(plain) ? null : CLASS_A.exec(plain);
  if (a) {
    const title = a[3] ?? "";
    const onlySpace = (a[2] ?? "").trim() === "" && title !== "";
    const sentence = onlySpace && (/^\p{Ll}/u.test(title) || !headingLike(block, plain, formatted));
    if (!sentence) {
      match = { cls: "A", number: Number(a[1]), title, span: 1 };
    }
  }
  const b = match ? null : CLASS_B.exec(plain);
  if (b) {
    match = { cls: "B", number: Number(b[1]), title: b[2] ?? "", span: 1 };
  }
  const c = match ? null : CLASS_C.exec(plain);
  if (c && headingLike(block, plain, formatted) && /^[\p{Lu}\d"“”«»'(]/u.test(c[2] ?? "")) {
    match = { cls: "C", number: Number(c[1]), title: c[2] ?? "", span: 1 };
  }
  const bare = match || !(block.level > 0 || block.bold) ? null : CLASS_C_BARE.exec(plain);
  if (bare && !/[.,;:]$/.test(plain)) {
    match = { cls: "C", number: Number(bare[1]), title: bare[2] ?? "", span: 1 };
  }
  if (!match) {
    return null;
  }
  if (match.title.trim() === "" && match.cls !== "C") {
    const next = blocks[index + 1];
    const nextPlain = next ? plainText(next.text) : "";
    if (next && nextPlain.length <= 300 && /^[\p{Lu}\d"“]/u.test(nextPlain)) {
      match.title = nextPlain;
      match.span = 2;
    }
  }
  // A title wrapped by the layout continues on a line that starts in lower case.
  for (let k = 0; k < 2; k++) {
    const next = blocks[index + match.span];
    if (!next || next.gap || next.level > 0 || next.list || /[.:]$/.test(match.title)) {
      break;
    }
    const nextPlain = plainText(next.text);
    if (!/^\p{Ll}/u.test(nextPlain) || nextPlain.length > 200 || sectionOfLabel(nextPlain)) {
      break;
    }
    match.title = `${match.title} ${nextPlain}`;
    match.span += 1;
  }
  return match;
}

function letters(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Whether two titles name the same item despite spacing, typos or a truncated end. */
export function sameTitle(a: string, b: string): boolean {
  const x = letters(a).slice(0, 300);
  const y = letters(b).slice(0, 300);
  if (x === "" || y === "") {
    return false;
  }
  if (x === y || (Math.min(x.length, y.length) >= 12 && (x.startsWith(y) || y.startsWith(x)))) {
    return true;
  }
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [gram, count] of gx) {
    shared += Math.min(count, gy.get(gram) ?? 0);
  }
  return (2 * shared) / (x.length - 1 + y.length - 1) >= 0.8;
}
