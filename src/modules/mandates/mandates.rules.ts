/**
 * Pure rules of a group's mandate: which lifecycle changes are allowed, what changed between two
 * versions, where the deliverables stand, and the form's line formats for composition and deliverables.
 */
import { formDate, parseDanishDate } from "../../lib/danish-date.ts";
import type { Deliverable, MandateEventKind, Seat } from "./mandates.tables.ts";

export type GroupStatus = "active" | "standby" | "closed";
export type StatusChange = "continued" | "standby" | "resumed" | "closed";

/** The status after a change, or a Danish reason why the change is not allowed. */
export function applyStatusChange(
  current: GroupStatus,
  change: StatusChange,
): { ok: true; status: GroupStatus } | { ok: false; message: string } {
  if (current === "closed") {
    return { ok: false, message: "Gruppen er nedlagt; dens kommissorium kan ikke ændres." };
  }
  if (change === "resumed") {
    return current === "standby"
      ? { ok: true, status: "active" }
      : { ok: false, message: "Kun en gruppe, der er sat i bero, kan genoptages." };
  }
  if (change === "standby") {
    return current === "active"
      ? { ok: true, status: "standby" }
      : { ok: false, message: "Gruppen er allerede sat i bero." };
  }
  if (change === "continued") {
    return { ok: true, status: "active" };
  }
  return { ok: true, status: "closed" };
}

/** Version fields a revision can change; "what changed" lists these keys. */
export type VersionChange =
  | "purpose"
  | "period"
  | "reportsTo"
  | "approver"
  | "composition"
  | "deliverablesAdded"
  | "deliverablesRemoved"
  | "deliverablesDue";

export interface VersionContent {
  purpose: string;
  periodFrom: string;
  periodTo: string | null;
  reportsToId: number | null;
  approverBodyId: number | null;
  composition: Seat[];
  deliverables: Deliverable[];
}

const key = (title: string) => title.trim().toLocaleLowerCase("da");
const seatKey = (s: Seat) =>
  `${s.partyId ?? ""}|${key(s.party)}|${key(s.competence)}|${s.seats}|${s.flexible}`;

/** What changed from one version to the next, in a fixed order. */
export function diffVersions(prev: VersionContent, next: VersionContent): VersionChange[] {
  const out: VersionChange[] = [];
  if (prev.purpose.trim() !== next.purpose.trim()) {
    out.push("purpose");
  }
  if (prev.periodFrom !== next.periodFrom || prev.periodTo !== next.periodTo) {
    out.push("period");
  }
  if (prev.reportsToId !== next.reportsToId) {
    out.push("reportsTo");
  }
  if (prev.approverBodyId !== next.approverBodyId) {
    out.push("approver");
  }
  if (prev.composition.map(seatKey).join("\n") !== next.composition.map(seatKey).join("\n")) {
    out.push("composition");
  }
  const before = new Map(prev.deliverables.map((d) => [key(d.title), d.dueOn]));
  const after = new Map(next.deliverables.map((d) => [key(d.title), d.dueOn]));
  if ([...after.keys()].some((k) => !before.has(k))) {
    out.push("deliverablesAdded");
  }
  if ([...before.keys()].some((k) => !after.has(k))) {
    out.push("deliverablesRemoved");
  }
  if ([...after].some(([k, due]) => before.has(k) && before.get(k) !== due)) {
    out.push("deliverablesDue");
  }
  return out;
}

export interface DeliverableState extends Deliverable {
  deliveredOn: string | null;
  overdue: boolean;
}

/** Each deliverable of the current version with the report that delivered it; overdue when due before today. */
export function deliverableStates(
  deliverables: Deliverable[],
  events: { kind: MandateEventKind; on: string; deliverable: string | null }[],
  today: string,
): { items: DeliverableState[]; nextDue: Deliverable | null; lastReportOn: string | null } {
  const reports = events.filter((e) => e.kind === "report");
  const delivered = new Map<string, string>();
  for (const r of reports) {
    if (r.deliverable && !delivered.has(key(r.deliverable))) {
      delivered.set(key(r.deliverable), r.on);
    }
  }
  const items = [...deliverables]
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((d) => {
      const deliveredOn = delivered.get(key(d.title)) ?? null;
      return { ...d, deliveredOn, overdue: deliveredOn === null && d.dueOn < today };
    });
  const open = items.find((d) => d.deliveredOn === null);
  const lastReportOn =
    reports
      .map((r) => r.on)
      .sort()
      .at(-1) ?? null;
  return { items, nextDue: open ? { title: open.title, dueOn: open.dueOn } : null, lastReportOn };
}

/** Finds the deliverable a report names (case and spacing do not matter). */
export function findDeliverable(deliverables: Deliverable[], title: string): Deliverable | undefined {
  return deliverables.find((d) => key(d.title) === key(title));
}

/** A failed line says which (1-based) and why, in Danish (the API's language); pages translate by line. */
export type LineResult<T> = { ok: true; value: T[] } | { ok: false; line: number; message: string };

/**
 * The form's deliverables, one a line: "2027-03-31 Anbefaling til FSN" or "31.03.2027 | Anbefaling".
 */
/** A deliverable line: a date as Danes write it (lib/danish-date.ts), an optional separator, the title. */
const DELIVERABLE_LINE =
  /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./ ]\s*\d{4}|\d{1,2}\.?\s*[a-zæøå]+\.?\s+\d{4})\s*[|:–-]?\s*(.+)$/i;

export function parseDeliverableLines(text: string): LineResult<Deliverable> {
  const out: Deliverable[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) {
      continue;
    }
    const m = DELIVERABLE_LINE.exec(line);
    const day = m?.[1] ? parseDanishDate(m[1]) : null;
    if (!m || !day || !m[2]?.trim()) {
      return {
        ok: false,
        line: i + 1,
        message: `Linje ${i + 1}: skriv en dato og en leverance, fx "31-03-2027 Anbefaling til FSN".`,
      };
    }
    out.push({ dueOn: day, title: m[2].trim() });
  }
  return { ok: true, value: out };
}

/**
 * The form's composition, one a line: "2 | Kommunerne | Sygeplejerske | fast" (seats, party,
 * competence, and "fast" or "fleksibel"; the last two may be left out).
 */
export function parseSeatLines(text: string): LineResult<Omit<Seat, "partyId">> {
  const out: Omit<Seat, "partyId">[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) {
      continue;
    }
    const [seatsText = "", party = "", competence = "", kind = ""] = line.split("|").map((p) => p.trim());
    const seats = Number(seatsText);
    const flexible = /^fleks/i.test(kind) ? true : /^(fast|faste|)$/i.test(kind) ? false : null;
    if (!Number.isInteger(seats) || seats < 1 || seats > 99 || !party || flexible === null) {
      return {
        ok: false,
        line: i + 1,
        message: `Linje ${i + 1}: skriv antal pladser, part, kompetence og "fast" eller "fleksibel" adskilt af |, fx "2 | Kommunerne | Sygeplejerske | fast".`,
      };
    }
    out.push({ seats, party, competence, flexible });
  }
  return { ok: true, value: out };
}

/** Lines back for the form. */
export const deliverableLines = (list: Deliverable[]) =>
  list.map((d) => `${formDate(d.dueOn)} ${d.title}`).join("\n");
export const seatLines = (list: Seat[]) =>
  list
    .map((s) => `${s.seats} | ${s.party} | ${s.competence} | ${s.flexible ? "fleksibel" : "fast"}`)
    .join("\n");
