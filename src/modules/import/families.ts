/**
 * Conventions shared by the publishing systems' layouts, applied to the blocks before the grammar
 * (see README "Families"): page furniture dropped, running print headers recognised, access markers
 * of whole sections ("Åbent referat", "Lukket dagsorden"), and a case number written just above an
 * item heading moved under it.
 */
import { type Block, plainText } from "./blocks.ts";
import { caseNumbersIn } from "./header.ts";
import { matchHeading } from "./items.ts";

/** Buttons and links of web pages and print views; never content. */
const FURNITURE =
  /^(?:udskriv|print|tilbage til toppen|til toppen|tilbage til forsiden|til forsiden|hent som pdf|hent hele (?:referatet|dagsordenen)|kopier link|kopier linket.*|tip en ven|gå til indhold|luk alle punkter(?: \p{L}+)?|åbn alle punkter|fold alle punkter (?:ud|ind)|abonnér|abonner|se alle dagsordener og referater.*|del på .*|til top)$/iu;
const FOLD_PREFIX = /^(?:fold dette punkt (?:ind|ud)|vis|skjul)\s+(?=\p{Lu})/u;

/** A line that marks the access of what follows: "Åbent referat", "Lukket dagsorden", "Åbne punkter". */
const MARKER = /^(åbent|åben|åbne|lukket|lukkede)\s+(?:referat|dagsorden|møde|punkter|sager|del)$/i;

export function accessOfMarker(text: string): "open" | "closed" | null {
  const m = MARKER.exec(plainText(text).trim());
  if (!m) {
    return null;
  }
  return /^åb/i.test(m[1] ?? "") ? "open" : "closed";
}

/** Drops furniture lines and fold-button words in front of labels. */
export function dropFurniture(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const plain = plainText(block.text)
      .replace(/^[-•·▪*]\s*/, "")
      .trim();
    if (FURNITURE.test(plain)) {
      continue;
    }
    const folded = FOLD_PREFIX.exec(block.text);
    out.push(folded ? { ...block, text: block.text.slice(folded[0].length) } : block);
  }
  return out;
}

/** "Dato: 04.12.2012", "tirsdag den 4.12.2012 kl. 13:00", "Udskrevet …", "Side 3": a print header's line. */
const PRINT_HEADER =
  /^(?:[\p{L} ]{2,20}:\s*|(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|den|d\.)[\p{L} ,.]{0,12})?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}(?:\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2})?$|udskrevet|^side \d/iu;

/** Short lines repeated on many pages that carry a date or an access marker: a running print header. */
export function runningHeaders(blocks: Block[]): Set<string> {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    const plain = plainText(block.text).trim();
    if (plain.length > 0 && plain.length <= 80) {
      counts.set(plain, (counts.get(plain) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [line, n] of counts) {
    const furniture = accessOfMarker(line) !== null || PRINT_HEADER.test(line);
    if (n >= 3 && furniture) {
      out.add(line);
    }
  }
  return out;
}

/** A "Sagsnr.: …" line just above an item heading belongs to that item: moved below the heading. */
export function caseNumbersUnderHeadings(blocks: Block[]): Block[] {
  const formatted = blocks.filter((b) => b.level > 0 || b.bold).length >= 3;
  const out = [...blocks];
  for (let i = 0; i + 1 < out.length; i++) {
    const block = out[i] as Block;
    if (caseNumbersIn(block.text, false).length === 0) {
      continue;
    }
    const heading = matchHeading(out, i + 1, formatted);
    if (heading) {
      const moved = out.splice(i, 1)[0] as Block;
      out.splice(i + heading.span, 0, { ...moved, gap: true });
      i += heading.span;
    }
  }
  return out;
}

const ATTENDANCE_TITLE =
  /^(?:mødedeltagere|deltagere|fremmøde|tilstedeværende|til stede|tilstede|afbud|fravær)$/i;

/** An item that records who attended ("Mødedeltagere") states the meeting's absence: for every item. */
export function isAttendanceItem(title: string): boolean {
  return ATTENDANCE_TITLE.test(title.trim());
}
