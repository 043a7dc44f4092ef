/**
 * How sure the importer is that a document is an agenda or minutes at all, from the marks every
 * family shares: a title word (Referat, Dagsorden), a meeting date, a body, item headings, items with
 * labelled sections (Beslutning, Indstilling, Bilag, Sagsnr.). Against it: a letter's greeting and
 * sign-off, a page that only lists meetings. Below the threshold the document is refused.
 */
import { type Block, plainText } from "./blocks.ts";
import type { ImportItem, ImportKind } from "./import.schemas.ts";

export interface Assessment {
  /** 0..1 */
  score: number;
  /** what the document looks like instead, in Danish, when refused */
  looksLike: string | null;
}

export const ACCEPT_THRESHOLD = 0.35;

const GREETING = /^(?:kære|hej|til rette vedkommende)\b/i;
const SIGN_OFF = /^(?:med\s+)?(?:venlig(?:st)?|mange)\s+hilsen\b|^mvh\.?\b|^de bedste hilsner\b/i;
const MEETING_LINE = /\b(?:referat|dagsorden|møde)\b/i;
const DATE =
  /\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b|\b\d{1,2}\.\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\p{L}*\s+\d{4}\b/iu;

function structured(item: ImportItem): boolean {
  return (
    Object.keys(item.sections).some((k) => k !== "presentation") ||
    item.recommendations.length > 0 ||
    item.attachments.length > 0 ||
    item.caseNumbers.length > 0 ||
    (item.caseHistory?.length ?? 0) > 0 ||
    (item.sections.presentation?.length ?? 0) > 400
  );
}

export function assessDocument(
  blocks: Block[],
  doc: {
    kindHint: ImportKind | null;
    start: string | null;
    body: string | null;
    items: ImportItem[];
    strongHeadings: boolean;
  },
): Assessment {
  const lines = blocks.map((b) => plainText(b.text).trim());
  const ratio = doc.items.length === 0 ? 0 : doc.items.filter(structured).length / doc.items.length;
  let score =
    0.25 * (doc.kindHint ? 1 : 0) +
    0.15 * (doc.start ? 1 : 0) +
    0.15 * (doc.body ? 1 : 0) +
    0.3 * ratio +
    0.15 * (doc.strongHeadings ? 1 : 0);
  let looksLike: string | null = null;
  const greeting = lines.slice(0, 15).some((l) => GREETING.test(l));
  const signOff = lines.some((l) => SIGN_OFF.test(l));
  if ((greeting || signOff) && !doc.kindHint) {
    score -= greeting && signOff ? 0.5 : 0.3;
    looksLike = "et brev";
  }
  const meetingLines = lines.filter((l) => l.length <= 160 && MEETING_LINE.test(l) && DATE.test(l)).length;
  if (meetingLines >= 5 && ratio < 0.5) {
    score -= 0.4;
    looksLike = "en liste over møder";
  }
  if (!looksLike && /^bilag\b/i.test(lines[0] ?? "")) {
    looksLike = "et bilag";
  }
  return { score: Math.max(0, Math.min(1, score)), looksLike };
}
