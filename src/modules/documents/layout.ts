/**
 * The words both renderers print, decided once: cover lines, item headings, running header and
 * footer. The layout follows Danish minutes ("Punkt 3 (Åben) Titel – 10 minutter", labelled
 * sections), which is also what the importer reads back.
 */

import { type MessageKey, t } from "../../web/i18n.ts";
import { agendaChangeLine } from "../meetings/index.ts";
import { danishDate, danishDateTime, danishTime, EDITION_DA, KIND_DA, minutesDa } from "./danish.ts";
import type { DocAttendance, DocItem, DocModel } from "./document.model.ts";

/** "Punkt 3 (Åben) Godkendelse af dagsorden – 10 minutter" */
export function itemHeading(item: DocItem): string {
  const access = item.access === "closed" ? "Lukket" : "Åben";
  const box = item.durationMinutes && !item.redacted ? ` – ${minutesDa(item.durationMinutes)}` : "";
  return `Punkt ${item.number} (${access}) ${item.title}${box}`;
}

/** A table of contents line fits on one line: long titles are cut with an ellipsis. */
export function tocTitle(item: DocItem, max = 78): string {
  const text = `Punkt ${item.number}: ${item.title}`;
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function documentTitle(m: DocModel): string {
  return `${KIND_DA[m.kind]} – ${m.body.name} – ${danishDate(m.meeting.start)}`;
}

/** The running header: what, whose, when. */
export function runningHeader(m: DocModel): { left: string; right: string } {
  const draft = m.draft ? "UDKAST · " : "";
  return {
    left: `${draft}${KIND_DA[m.kind]} · ${m.body.shortName ?? m.body.name}`,
    right: danishDate(m.meeting.start),
  };
}

/** The running footer's left part (the page numbers go right). */
export function runningFooter(m: DocModel): string {
  const edition = EDITION_DA[m.edition];
  return `${edition[0]?.toUpperCase()}${edition.slice(1)}${m.edition === "full" ? " – indeholder lukkede punkter" : ""}`;
}

export function pageLabel(page: number, pages: number): string {
  return `Side ${page} af ${pages}`;
}

/** Label/value lines of the cover. */
export function coverLines(m: DocModel): Array<[string, string]> {
  const { start, end, location } = m.meeting;
  const when = `${danishDateTime(start)}${end ? `–${danishTime(end)}` : ""}`;
  const lines: Array<[string, string]> = [
    ["Forum", m.body.name],
    ["Mødedato", when],
    ["Mødested", location ?? "Ikke oplyst"],
  ];
  if (m.meeting.title) {
    lines.push(["Møde", m.meeting.title]);
  }
  return lines;
}

/** Notes under the cover lines: draft, cancellation, which edition. */
export function coverNotes(m: DocModel): string[] {
  const notes: string[] = [];
  if (m.meeting.cancelled) {
    notes.push("Mødet er aflyst.");
  }
  if (m.draft) {
    notes.push(`Udkast – ${m.kind === "agenda" ? "dagsordenen" : "referatet"} er ikke offentliggjort.`);
  }
  notes.push(
    m.edition === "public"
      ? "Offentlig udgave: lukkede punkter vises kun med nummer."
      : "Fuld udgave til forummets medlemmer: indeholder lukkede punkter og må ikke offentliggøres.",
  );
  return notes;
}

/** Attendance as the meeting page groups it: present (substitutes among them), apologies, absent, guests. */
export function attendanceGroups(m: DocModel): Array<{ label: string; names: string[] }> {
  const named = (a: DocAttendance) => {
    if (a.status === "substitute" && a.substituteFor) {
      return `${a.name} (${t("da", "meeting.substituteFor", { for: a.substituteFor })})`;
    }
    if (a.status === "guest" && a.guestItems.length > 0) {
      return `${a.name} (${t("da", "meeting.guestItems", { items: a.guestItems.join(", ") })})`;
    }
    return a.name;
  };
  const groups: Array<[MessageKey, Array<DocAttendance["status"]>]> = [
    ["meeting.present", ["present", "substitute"]],
    ["meeting.afbud", ["afbud"]],
    ["meeting.absent", ["absent"]],
    ["meeting.guests", ["guest"]],
  ];
  return groups
    .map(([key, statuses]) => ({
      label: t("da", key),
      names: m.attendance.filter((a) => statuses.includes(a.status)).map(named),
    }))
    .filter((g) => g.names.length > 0);
}

/** "Godkendt af Karen Holm, 12. marts 2026" (or without a name, when approved outside Tværs). */
export function approvalLine(m: DocModel): string | null {
  if (!m.approval) {
    return null;
  }
  const date = danishDate(m.approval.at);
  return m.approval.by ? `Godkendt af ${m.approval.by}, ${date}` : `Godkendt ${date}`;
}

/**
 * The supplementary agendas' change log, worded as on the agenda page ("Tillægsdagsorden": "Punkt 7
 * tilføjet 3. marts 2027 (lukket punkt)", the note where the edition has it); null when there is none.
 */
export function agendaChanges(m: DocModel): { heading: string; lines: string[] } | null {
  const supplements = m.supplements ?? [];
  if (m.kind !== "agenda" || supplements.length === 0) {
    return null;
  }
  const da = {
    t: (key: MessageKey, params?: Record<string, string | number>) => t("da", key, params),
    lang: "da" as const,
  };
  const lines = supplements.flatMap((s) => [
    ...s.changes.map((c) => agendaChangeLine(da, s.publishedAt, c)),
    ...(s.note ? [t("da", "agenda.changes.note", { note: s.note })] : []),
  ]);
  return { heading: t("da", "agenda.changes.heading"), lines };
}
