/**
 * SBSYS' publication package: `PublicationN/PublicationN.xml` (Publication → Agendas → Agenda with
 * its Meeting, Committee, Items → Item with Fields → ItemField Caption/Content and Enclosures) and the
 * enclosure files under `Enclosures/`. An enclosure has no access of its own in this schema: it takes
 * its item's (`IsPublic`), unless it carries an `IsPublic` itself.
 */

import type { CaseHistoryEntry } from "./case-history.ts";
import { findDanishDate } from "./danish-dates.ts";
import type { ImportItem, ImportResult } from "./import.schemas.ts";
import {
  type Access,
  htmlText,
  isoStart,
  itemFromFields,
  type PackageAttachment,
  type PackageField,
} from "./package-items.ts";
import { kid, kids, textOf, type XmlNode } from "./package-xml.ts";

const fold = (s: string) => s.toLocaleLowerCase("da").replace(/\s+/g, " ").trim();

/** "FORRETNINGSUDVALGET" → "Forretningsudvalget"; names in mixed case stay as written. */
function nameCase(name: string): string {
  return name === name.toLocaleUpperCase("da")
    ? name.charAt(0) + name.slice(1).toLocaleLowerCase("da")
    : name;
}

const isTrue = (text: string) => /^true$/i.test(text.trim());

/** A field caption as the document labels read it; this committee's decision is the decision. */
function headingOf(caption: string, committee: string, feedback: boolean): string {
  const c = fold(caption);
  if (feedback && c.includes("beslutning")) {
    return committee !== "" && c.startsWith(fold(committee).slice(0, -2)) ? "Beslutning" : caption;
  }
  if (c.includes("indstilling")) {
    return "Indstilling";
  }
  if (c === "punktet behandlet tidligere") {
    return "Tidligere beslutninger";
  }
  return caption.charAt(0) + caption.slice(1).toLocaleLowerCase("da");
}

const DATED = /^(\d{1,2}\.\s*\p{L}+\.?\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{4})\s*:\s*(.*)$/u;

/**
 * SBSYS stacks a case's decisions in its committee's decision field, one paragraph per meeting
 * ("18. september 2012: Sagen udsat …"): each dated paragraph of another day is the case's history
 * (with what it says of absence), the one of the meeting's day is the decision. Text with no date
 * is this meeting's. "Tomt indhold" is SBSYS' word for an empty field.
 */
export function splitDatedDecision(
  text: string,
  day: string | null,
  body: string,
): { decision: string; history: CaseHistoryEntry[] } {
  // segments in order; date null = this meeting's text
  const segments: Array<{ date: string | null; lines: string[] }> = [{ date: null, lines: [] }];
  for (const line of text.split("\n")) {
    const m = DATED.exec(line.trim());
    const date = m ? (findDanishDate(m[1] as string)?.date ?? null) : null;
    if (m && date) {
      segments.push({ date: date === day ? null : date, lines: [m[2] as string] });
    } else {
      (segments[segments.length - 1] as { lines: string[] }).lines.push(line);
    }
  }
  const clean = (lines: string[]) => {
    const t = lines.join("\n").trim();
    return /^tomt indhold\.?$/i.test(t) ? "" : t;
  };
  const history: CaseHistoryEntry[] = segments
    .filter((seg): seg is { date: string; lines: string[] } => seg.date !== null)
    .map((seg) => ({
      body,
      date: seg.date,
      itemNumber: null,
      decision: (clean(seg.lines).split("\n")[0] ?? "").trim(),
    }));
  const decision = clean(segments.filter((seg) => seg.date === null).flatMap((seg) => seg.lines));
  return { decision, history };
}

/** "12/3456 - Title" → ["12/3456"]; "-" or nothing → []. */
function caseNumbersOf(numberAndTitle: string): string[] {
  const number = numberAndTitle.split(" - ")[0]?.trim() ?? "";
  return number !== "" && number !== "-" && /\d/.test(number) ? [number] : [];
}

/** Reads an SBSYS publication XML at `xmlPath` (for its enclosures' relative paths). */
export function readSbsys(root: XmlNode, xmlPath: string, source: string): ImportResult {
  const agenda = kid(kid(root, "Agendas"), "Agenda");
  const meeting = kid(agenda, "Meeting");
  const committee = textOf(kid(agenda, "Committee"), "Name");
  const start = isoStart(textOf(meeting, "When"));
  const base = xmlPath.includes("/") ? xmlPath.slice(0, xmlPath.lastIndexOf("/") + 1) : "";
  const items: ImportItem[] = [];
  const warnings: string[] = [];
  for (const item of kids(kid(agenda, "Items"), "Item")) {
    const number = Number(textOf(item, "Number"));
    const caption = textOf(item, "Caption");
    if (!Number.isInteger(number) || number < 0) {
      warnings.push(`Punktet "${caption.slice(0, 80)}" har intet nummer og er sprunget over.`);
      continue;
    }
    const access: Access = isTrue(textOf(item, "IsPublic")) ? "open" : "closed";
    const history: CaseHistoryEntry[] = [];
    const fields: PackageField[] = kids(kid(item, "Fields"), "ItemField").map((f) => {
      const heading = headingOf(textOf(f, "Caption"), committee, isTrue(textOf(f, "IsFeedback")));
      const raw =
        textOf(f, "FieldTypeAsEnum") === "Html"
          ? htmlText(kid(f, "Content")?.text ?? "")
          : textOf(f, "Content");
      if (!isTrue(textOf(f, "IsFeedback"))) {
        return { heading, text: raw };
      }
      const split = splitDatedDecision(
        raw,
        start?.slice(0, 10) ?? null,
        heading === "Beslutning" ? nameCase(committee) : textOf(f, "Caption"),
      );
      history.push(...split.history);
      return { heading, text: split.decision };
    });
    const attachments: PackageAttachment[] = kids(kid(item, "Enclosures"), "Enclosure").map((e) => {
      const own = textOf(e, "IsPublic");
      const rel = textOf(e, "InstantiationFilePathRelative").replace(/\\/g, "/");
      return {
        title: textOf(e, "Name") || textOf(e, "InstantiationFileName") || "Bilag",
        access: own === "" ? access : isTrue(own) ? "open" : "closed",
        file: rel === "" ? null : `${base}${rel}`,
      };
    });
    const built = itemFromFields({
      number,
      title: caption,
      access,
      caseNumbers: caseNumbersOf(textOf(kid(item, "Case"), "NumberAndTitle")),
      fields,
      meetingDate: start,
      attachments,
    });
    const caseHistory = [...history, ...(built.caseHistory ?? [])];
    items.push(caseHistory.length > 0 ? { ...built, caseHistory } : built);
  }
  items.sort((a, b) => a.number - b.number);
  const type = textOf(root, "PublicationTypeAsEnum");
  return {
    source,
    format: "package",
    kind: /minutes|referat/i.test(type) ? "minutes" : "agenda",
    body: committee ? nameCase(committee) : null,
    start,
    location: textOf(meeting, "Where") || null,
    caseNumbers: [],
    items,
    warnings,
  };
}
