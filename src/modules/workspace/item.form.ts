/**
 * An agenda item as a flat form: every editable field a string, so the form, the conflict screen and
 * the merge can treat all fields alike. Validation messages are Danish and name the field.
 */
import type { FieldErrors } from "../../web/form-fields.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { SECTION_KEYS, type SectionKey, type TItem, ZCaseNumber } from "../meetings/index.ts";

export type ItemFields = Record<string, string>;
const KINDS = ["decision", "discussion", "orientation", "standard"] as const;
const OUTCOMES = [
  "approved",
  "approved_with_remarks",
  "not_approved",
  "noted",
  "discussed",
  "postponed",
] as const;
export const MAX_RECOMMENDATIONS = 4;

export function itemToFields(item: TItem): ItemFields {
  const f: ItemFields = {
    title: item.title,
    kind: item.kind,
    access: item.access,
    durationMinutes: item.durationMinutes === null ? "" : String(item.durationMinutes),
    caseNumbers: item.caseNumbers.join(", "),
  };
  for (const key of SECTION_KEYS) {
    f[`section.${key}`] = item.sections[key] ?? "";
  }
  item.recommendations.forEach((r, i) => {
    f[`recommendation.${i}`] = r;
  });
  return f;
}

export function decisionToFields(item: TItem): ItemFields {
  return { decisionText: item.decisionText ?? "", outcome: item.outcome ?? "" };
}

/** Parses "EMN-2025-00001, 14-001379" into case numbers, or says which is wrong. */
export function parseCaseNumbers(text: string): { value: string[]; error: string | null } {
  const parts = text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of parts) {
    if (!ZCaseNumber.safeParse(p).success) {
      return { value: [], error: `"${p.slice(0, 60)}" er ikke et gyldigt sagsnummer.` };
    }
  }
  return { value: [...new Set(parts)], error: parts.length > 50 ? "Højst 50 sagsnumre." : null };
}

export function parseMinutes(text: string): { value: number | null; error: string | null } {
  if (text.trim() === "") {
    return { value: null, error: null };
  }
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 0 || n > 1440) {
    return { value: null, error: "Skriv et helt antal minutter mellem 0 og 1440." };
  }
  return { value: n, error: null };
}

/** The agenda fields of the form as service input, or the errors beside each field. */
export function fieldsToItemInput(f: ItemFields) {
  const errors: FieldErrors = {};
  const title = (f.title ?? "").trim();
  if (!title) {
    errors.title = "Skriv punktets titel.";
  } else if (title.length > 500) {
    errors.title = "Titlen må højst være 500 tegn.";
  }
  const kind = KINDS.find((k) => k === f.kind);
  if (!kind) {
    errors.kind = "Vælg en punkttype.";
  }
  const access: "open" | "closed" | null =
    f.access === "closed" ? "closed" : f.access === "open" ? "open" : null;
  if (!access) {
    errors.access = "Vælg åbent eller lukket.";
  }
  const minutes = parseMinutes(f.durationMinutes ?? "");
  if (minutes.error) {
    errors.durationMinutes = minutes.error;
  }
  const cases = parseCaseNumbers(f.caseNumbers ?? "");
  if (cases.error) {
    errors.caseNumbers = cases.error;
  }
  const sections: Partial<Record<SectionKey, string>> = {};
  for (const key of SECTION_KEYS) {
    const text = (f[`section.${key}`] ?? "").trim();
    if (text.length > 200_000) {
      errors[`section-${key}`] = "Højst 200.000 tegn.";
    } else if (text) {
      sections[key] = text;
    }
  }
  const recommendations: string[] = [];
  for (let i = 0; i < MAX_RECOMMENDATIONS; i++) {
    const text = (f[`recommendation.${i}`] ?? "").trim();
    if (text) {
      recommendations.push(text);
    }
  }
  return {
    errors,
    input: {
      title,
      kind: kind ?? "decision",
      access: access ?? "open",
      durationMinutes: minutes.value,
      caseNumbers: cases.value,
      sections,
      recommendations,
    },
  };
}

export function fieldsToDecision(f: ItemFields) {
  const errors: FieldErrors = {};
  const decisionText = (f.decisionText ?? "").trim();
  if (decisionText.length > 200_000) {
    errors.decisionText = "Højst 200.000 tegn.";
  }
  const outcome = f.outcome ? OUTCOMES.find((o) => o === f.outcome) : null;
  if (outcome === undefined) {
    errors.outcome = "Vælg et udfald fra listen.";
  }
  return { errors, input: { decisionText: decisionText || null, outcome: outcome ?? null } };
}

export { OUTCOMES };

/** A field's label for the conflict page. */
export function fieldLabel(ctx: PageCtx, name: string): string {
  if (name.startsWith("section.")) {
    return ctx.t(`section.${name.slice(8)}` as MessageKey);
  }
  if (name.startsWith("recommendation.")) {
    return ctx.t("ws.item.recommendationN", { n: Number(name.slice(15)) + 1 });
  }
  const labels: Record<string, MessageKey> = {
    title: "ws.item.title",
    kind: "ws.item.kind",
    access: "ws.item.access",
    durationMinutes: "ws.item.duration",
    caseNumbers: "ws.item.caseNumbers",
    decisionText: "ws.conduct.decision",
    outcome: "ws.conduct.outcome",
  };
  return labels[name] ? ctx.t(labels[name]) : name;
}

/** "Indstillingen blev godkendt." followed by the recommendation(s), as the minutes say it. */
export function recommendationApproved(lead: string, recommendations: readonly string[]): string {
  return [lead, ...recommendations.map((r) => r.trim()).filter(Boolean)].join("\n\n");
}
