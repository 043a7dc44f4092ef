/**
 * Building blocks shared by the publication-package readers: a manifest's labelled fields become an
 * item's sections, Indstilling, decision and case history by the same label rules as documents
 * (lexicon.ts, treatment.ts); HTML field content becomes text.
 */
import { parse } from "node-html-parser";
import type { CaseHistoryEntry } from "./case-history.ts";
import type { ImportItem, SectionKey } from "./import.schemas.ts";
import { sectionOfLabel } from "./lexicon.ts";
import { treatmentOf } from "./treatment.ts";

export type Access = "open" | "closed";

/** An attachment as the manifest lists it: its title, its own access and its file in the package. */
export interface PackageAttachment {
  title: string;
  access: Access;
  /** path inside the package ("/" separated), null when the manifest names no file */
  file: string | null;
}

export interface PackageField {
  heading: string;
  text: string;
}

/** The text of an HTML fragment (a manifest field), one line per block. */
export function htmlText(html: string): string {
  if (!/[<&]/.test(html)) {
    return html.replace(/\r\n?/g, "\n").trim();
  }
  const root = parse(html.replace(/\r\n?/g, " ").replace(/<br\s*\/?>/gi, "\n"), {
    blockTextElements: { script: false, style: false },
  });
  return root.structuredText
    .split("\n")
    .map((l) =>
      l
        .replace(/\u00a0/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((l) => l !== "")
    .join("\n");
}

/** "dd-mm-yyyy hh:mm[:ss]" or "yyyy-mm-dd hh:mm" → "YYYY-MM-DDTHH:MM" (or the date alone). */
export function isoStart(text: string): string | null {
  const t = text.trim();
  const dmy = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:[ T](\d{1,2})[:.](\d{2}))?/.exec(t);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2}))?/.exec(t);
  const [y, m, d, hh, mm] = dmy
    ? [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5]]
    : ymd
      ? [ymd[1], ymd[2], ymd[3], ymd[4], ymd[5]]
      : [];
  if (!y || !m || !d) {
    return null;
  }
  const date = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return hh && mm ? `${date}T${hh.padStart(2, "0")}:${mm}` : date;
}

/** The first words of a decision, as the case history keeps it. */
const opening = (text: string) => (text.split("\n")[0] ?? "").trim();

/**
 * An item from a manifest's labelled fields: a dated decision of another day is the case's history,
 * never this meeting's decision.
 */
export function itemFromFields(input: {
  number: number;
  title: string;
  access: Access;
  caseNumbers: string[];
  fields: PackageField[];
  meetingDate: string | null;
  attachments: PackageAttachment[];
}): ImportItem {
  const sections: Partial<Record<SectionKey, string>> = {};
  const recommendations: string[] = [];
  const otherSections: Array<{ heading: string; text: string }> = [];
  const caseHistory: CaseHistoryEntry[] = [];
  const day = input.meetingDate?.slice(0, 10) ?? null;
  for (const field of input.fields) {
    const text = field.text.trim();
    if (text === "") {
      continue;
    }
    const treatment = treatmentOf(field.heading);
    if (treatment?.date && day && treatment.date !== day) {
      caseHistory.push({
        body: treatment.body,
        date: treatment.date,
        itemNumber: treatment.itemNumber,
        decision: opening(text),
      });
      continue;
    }
    const target = treatment ? "decision" : sectionOfLabel(field.heading);
    if (target === "recommendation") {
      recommendations.push(text);
    } else if (target === "attachments" || target === "absent") {
      // the manifest lists the attachments with their files; absence is read by the format's reader
    } else if (target && target !== "history") {
      sections[target] = sections[target] ? `${sections[target]}\n\n${text}` : text;
    } else {
      otherSections.push({ heading: field.heading.trim(), text });
    }
  }
  return {
    number: input.number,
    title: input.title.replace(/\s+/g, " ").trim(),
    access: input.access,
    durationMinutes: null,
    caseNumbers: input.caseNumbers,
    sections,
    recommendations,
    otherSections,
    absent: [],
    attachments: input.attachments.map((a) => a.title),
    packageAttachments: input.attachments,
    ...(caseHistory.length > 0 ? { caseHistory } : {}),
  };
}
