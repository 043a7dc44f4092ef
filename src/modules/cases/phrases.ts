/**
 * Danish phrase rules of the case pipeline (pure): the archive system of a case number, the body a
 * recommendation is addressed to ("… indstiller til Sundhedssamarbejdsudvalget, at …"), the body that
 * decides ("Sagen afgøres af …") and the role of a consultation from the item's kind and wording.
 */
import type { ArchiveSystem, ConsultationRole } from "./cases.tables.ts";

/** A guess at the archive system from the number's form; the secretariat can correct it. */
export function archiveSystemOf(number: string): ArchiveSystem {
  const n = number.trim();
  if (/^EMN-\d{4}-\d{3,6}$/i.test(n)) {
    return "emn";
  }
  if (/^\d{2}-\d{5,6}$/.test(n) || /^\d{2}\/\d{3,6}$/.test(n)) {
    return "journal";
  }
  if (/^\d{4}-\d{6,8}$/.test(n)) {
    return "edoc";
  }
  return "other";
}

const BODY_NAME =
  "([A-ZÆØÅ][\\p{L}\\-]*(?:\\s+(?:for|i|og|[A-ZÆØÅ][\\p{L}\\-]*|sundhedssamarbejde[t]?|sundhedsarbejde))*)";

/** "… indstiller til X, at …", "… indstilles til X", "… anbefales over for X", "Fremsendes til X …": X, or null. */
export function referralTarget(text: string): string | null {
  const re = new RegExp(
    `(?<![\\p{L}])(?:indstiller|indstilles|anbefales|anbefaler|[Vv]ideresendes|[Oo]versendes|[Ff]remsendes)\\s+(?:til|over\\s+for|overfor)\\s+${BODY_NAME}`,
    "gu",
  );
  let last: string | null = null;
  for (const m of text.matchAll(re)) {
    last = cleanBodyRef(m[1] ?? "");
  }
  return last;
}

/** "Sagen afgøres af X." → X, or null. */
export function decidingBody(text: string): string | null {
  const m = new RegExp(`(?<![\\p{L}])afgøres\\s+af\\s+${BODY_NAME}`, "u").exec(text);
  return m ? cleanBodyRef(m[1] ?? "") : null;
}

/** Drops a genitive s and trailing words that are no part of a name ("Sundhedskoordinationsudvalgets beslutning"). */
function cleanBodyRef(raw: string): string {
  return raw
    .trim()
    .replace(/\s+(?:at|om|med|den|d\.)$/u, "")
    .trim();
}

/** Folds a body name for comparison: case, white space, and per word the article and genitive endings. */
export function foldBodyName(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w.length > 5 ? w.replace(/(?:ens|ets|en|et|es|e|s)$/u, "") : w))
    .join(" ");
}

/** The body among the known ones that a phrase names (by name or short name), or null. */
export function matchBody<T extends { id: number; name: string; shortName: string | null }>(
  phrase: string,
  known: T[],
): T | null {
  const wanted = foldBodyName(phrase);
  if (!wanted) {
    return null;
  }
  const exact = known.find(
    (b) => foldBodyName(b.name) === wanted || (b.shortName !== null && foldBodyName(b.shortName) === wanted),
  );
  if (exact) {
    return exact;
  }
  // "Styregruppen for sundhedssamarbejde" vs "Styregruppe for sundhedssamarbejde i Region Sjælland"
  const candidates = known.filter((b) => {
    const name = foldBodyName(b.name);
    return name.startsWith(wanted) || wanted.startsWith(name);
  });
  return candidates.length === 1 ? (candidates[0] as T) : null;
}

/** The role of a consultation from the item: its kind, and whether it recommends to another body. */
export function roleOf(
  item: { kind: string; recommendations: string[] },
  decides: boolean,
): ConsultationRole {
  if (decides) {
    return "decision";
  }
  if (item.recommendations.some((r) => referralTarget(r) !== null)) {
    return "recommendation";
  }
  if (item.kind === "orientation") {
    return "orientation";
  }
  if (item.kind === "discussion") {
    return "discussion";
  }
  return "approval";
}

export const ROLE_LABEL_DA: Record<ConsultationRole, string> = {
  discussion: "til drøftelse",
  approval: "til godkendelse",
  orientation: "til orientering",
  recommendation: "indstilles til",
  decision: "afgøres af",
};
