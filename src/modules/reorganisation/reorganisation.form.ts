import { normalizeDanishDate } from "../../lib/danish-date.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { formString } from "../../web/form-fields.tsx";
import { type MessageKey, type Translate, translator } from "../../web/i18n.ts";
import { type TReorganisationInput, ZReorganisationInput } from "./reorganisation.schemas.ts";
import { REORGANISATION_KINDS } from "./reorganisation.tables.ts";

/** How many predecessor → successor lines the form offers (a change of more is done through the API). */
export const PAIRS = 10;

/** The form's own values, kept as typed so a page can show them again. */
export interface ReorgFormValues {
  kind: string;
  title: string;
  note: string;
  effectiveDate: string;
  pairs: { from: string; to: string }[];
  /** a split's choices: row ("action:12") → successor ("body:5") */
  assignments: Record<string, string>;
}

/** The form field of a row's choice of successor. */
export const assignField = (row: string) => `assign.${row}`;

export function readForm(body: unknown): ReorgFormValues {
  const pairs: ReorgFormValues["pairs"] = [];
  for (let n = 1; n <= PAIRS; n++) {
    pairs.push({ from: formString(body, `from${n}`), to: formString(body, `to${n}`) });
  }
  return {
    kind: formString(body, "kind"),
    title: formString(body, "title"),
    note: formString(body, "note"),
    effectiveDate: formString(body, "effectiveDate"),
    pairs,
    assignments: readAssignments(body),
  };
}

function readAssignments(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === "object") {
    for (const [name, value] of Object.entries(body).slice(0, 6000)) {
      const row = /^assign\.([a-z_]{1,40}:\d{1,10})$/.exec(name)?.[1];
      if (row && typeof value === "string") {
        out[row] = value;
      }
    }
  }
  return out;
}

const node = (value: string) => {
  const m = /^(body|party):(\d{1,10})$/.exec(value);
  return m ? { kind: m[1] as "body" | "party", id: Number(m[2]) } : null;
};

/** The message of each field the schema can refuse (a rule's own text is Danish: the API's language). */
const FIELD_ERROR: Record<string, MessageKey> = {
  kind: "reorg.error.kind",
  effectiveDate: "reorg.error.date",
  title: "reorg.error.title",
  note: "reorg.error.note",
  links: "reorg.error.links",
  assignments: "reorg.error.assignments",
};

/**
 * The form's lines grouped per predecessor (in the order typed), checked by the API's schema; the field
 * errors in the reader's language (Danish by default).
 */
export function toInput(
  v: ReorgFormValues,
  t: Translate = translator("da"),
): { input: TReorganisationInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const links = new Map<string, TReorganisationInput["links"][number]>();
  for (const [i, p] of v.pairs.entries()) {
    if (!p.from && !p.to) {
      continue;
    }
    const from = node(p.from);
    if (!from) {
      errors[`from${i + 1}`] = t("reorg.error.from");
      continue;
    }
    const key = p.from;
    const link = links.get(key) ?? { predecessor: from, successors: [] };
    const to = p.to ? node(p.to) : null;
    if (p.to && !to) {
      errors[`to${i + 1}`] = t("reorg.error.to");
    }
    if (to && !link.successors.some((s) => s.kind === to.kind && s.id === to.id)) {
      link.successors.push(to);
    }
    links.set(key, link);
  }
  const parsed = ZReorganisationInput.safeParse({
    kind: (REORGANISATION_KINDS as readonly string[]).includes(v.kind) ? v.kind : undefined,
    title: v.title,
    note: v.note || null,
    effectiveDate: normalizeDanishDate(v.effectiveDate),
    links: [...links.values()],
    assignments: Object.entries(v.assignments).flatMap(([row, value]) => {
      const to = node(value);
      return to ? [{ row, to }] : [];
    }),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "kind");
      errors[field === "links" ? "from1" : field] ??= FIELD_ERROR[field]
        ? t(FIELD_ERROR[field])
        : issue.message;
    }
  }
  return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { input: parsed.data };
}

/** Maps the service's field paths ("links.0.successors") to the form's fields. */
export function fieldOf(path: string): string {
  const m = /^links\.(\d+)\.(predecessor|successors)/.exec(path);
  if (m) {
    return `${m[2] === "predecessor" ? "from" : "to"}${Number(m[1]) + 1}`;
  }
  return path === "links" || path === "assignments" ? "from1" : path;
}
