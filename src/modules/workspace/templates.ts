/**
 * The agenda's building blocks: the standard items every new agenda starts with, and which sections
 * an item of each kind asks for (the edit form shows these; a section with text is always shown).
 */
import type { SectionKey } from "../meetings/index.ts";

export type ItemKind = "decision" | "discussion" | "orientation" | "standard";

export { LAST_STANDARD_TITLE, STANDARD_ITEMS } from "../meetings/index.ts";

export interface SectionTemplate {
  sections: SectionKey[];
  /** the usual first wording of the recommendation ("Indstilling") */
  recommendation: string;
}

export const SECTION_TEMPLATES: Record<ItemKind, SectionTemplate> = {
  decision: {
    sections: [
      "summary",
      "presentation",
      "municipalRemarks",
      "economy",
      "process",
      "coordination",
      "approvedBy",
    ],
    recommendation: "Administrationen indstiller, at ",
  },
  discussion: {
    sections: ["summary", "presentation", "process"],
    recommendation: "Administrationen indstiller, at sagen drøftes.",
  },
  orientation: {
    sections: ["summary", "presentation"],
    recommendation: "Administrationen indstiller, at orienteringen tages til efterretning.",
  },
  standard: { sections: ["summary"], recommendation: "" },
};

/** Sections the edit form shows for an item: its kind's template, then any other section that has text. */
export function sectionsToShow(kind: ItemKind, sections: Record<string, string>): SectionKey[] {
  const shown = [...SECTION_TEMPLATES[kind].sections];
  for (const key of Object.keys(sections) as SectionKey[]) {
    if (sections[key] && !shown.includes(key)) {
      shown.push(key);
    }
  }
  return shown;
}
