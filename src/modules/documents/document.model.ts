import { inArray } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { authorize, canReadClosed, PUBLIC_ACTOR } from "../auth/index.ts";
import { getBody } from "../bodies/index.ts";
import { type PrintedSnapshot, printedSnapshotsOfItems } from "../indicators/index.ts";
import {
  type AgendaSupplementView,
  getMeetingRow,
  listAgendaSupplements,
  listMeetingAttendance,
  listMeetingItems,
} from "../meetings/index.ts";
import { persons } from "../people/index.ts";
import { OUTCOME_DA, outcomeLabel, SECTION_ORDER } from "./danish.ts";

export type DocKind = "agenda" | "minutes";
export type Edition = "full" | "public";

export interface DocSection {
  heading: string;
  text: string;
}

/** One item as it is printed: everything already filtered for the edition. */
export interface DocItem {
  number: number;
  access: "open" | "closed";
  /** a closed item in the public edition: only its number and "Lukket punkt" */
  redacted: boolean;
  title: string;
  durationMinutes: number | null;
  caseNumbers: string[];
  sections: DocSection[];
  recommendations: string[];
  previousDecisions: string | null;
  /** the outcome's label as the page shows it ("Godkendt med bemærkninger"), minutes only */
  outcome: string | null;
  /** what the minutes print under "Beslutning" (Markdown): the outcome in bold, then the decision text */
  decision: string | null;
  absent: string[];
  attachments: string[];
  /** indicator snapshots on the item (frozen once the minutes are published), each as chart and table */
  indicators: PrintedSnapshot[];
}

/** One line of the minutes' attendance, as the meeting page groups it. */
export interface DocAttendance {
  status: "present" | "afbud" | "absent" | "substitute" | "guest";
  name: string;
  /** whom a substitute stands in for */
  substituteFor: string | null;
  /** the item numbers a guest attended */
  guestItems: number[];
}

export interface DocModel {
  kind: DocKind;
  edition: Edition;
  /** not yet published: the documents say "Udkast" */
  draft: boolean;
  body: { id: number; name: string; shortName: string | null };
  meeting: {
    id: number;
    title: string | null;
    start: Date;
    end: Date | null;
    location: string | null;
    status: string;
    cancelled: boolean;
  };
  items: DocItem[];
  /** minutes only (empty for an agenda): who attended, sent apologies, was absent, stood in */
  attendance: DocAttendance[];
  /** minutes approved: by whom (the name as it stood; null when approved outside Tværs) and when */
  approval: { by: string | null; at: Date } | null;
  /**
   * agenda only: the supplementary agendas' change log, as the edition's reader sees it on the page (the
   * note only in the full edition); absent in models frozen before the change log was printed
   */
  supplements?: AgendaSupplementView[];
}

type Item = Awaited<ReturnType<typeof listMeetingItems>>[number];

/** The statuses in which an agenda / minutes exist at all, and in which they are public (meetings.rules.ts). */
const MINUTES_EXIST = new Set(["held", "minutes_draft", "minutes_approved", "minutes_published"]);
export const isPublic = (kind: DocKind, status: string) =>
  kind === "agenda" ? status !== "planned" : status === "minutes_published";

function toDocItem(
  item: Item,
  kind: DocKind,
  names: Map<number, string>,
  snapshots: Map<number, PrintedSnapshot[]>,
): DocItem {
  const sections: DocSection[] = [];
  for (const [key, heading] of SECTION_ORDER) {
    const text = item.sections[key];
    if (text?.trim()) {
      sections.push({ heading, text });
    }
    if (key === "presentation") {
      sections.push(...item.otherSections.filter((s) => s.text.trim() !== ""));
    }
  }
  const minutes = kind === "minutes";
  const outcome = minutes && item.outcome ? outcomeLabel(item.outcome) : null;
  const text = item.decisionText?.trim() ? item.decisionText : null;
  return {
    number: item.number,
    access: item.access,
    redacted: item.redacted,
    title: item.title,
    durationMinutes: item.durationMinutes,
    caseNumbers: item.caseNumbers,
    sections,
    recommendations: item.recommendations.filter((r) => r.trim() !== ""),
    previousDecisions: item.sections.previousDecisions?.trim() ? item.sections.previousDecisions : null,
    outcome,
    decision: !minutes
      ? null
      : decisionMarkdown(outcome, text, item.outcome ? OUTCOME_DA[item.outcome] : null),
    absent: minutes
      ? item.absences.map((a) => {
          const name = names.get(a.personId) ?? "Ukendt person";
          return a.note ? `${name} (${a.note})` : name;
        })
      : [],
    attachments: item.attachments.map((a) => a.title),
    // A redacted closed item carries nothing of its own, its snapshot included.
    indicators: item.redacted ? [] : (snapshots.get(item.id) ?? []),
  };
}

/** The page shows the outcome in bold above the decision text; alone, it is the decision. */
function decisionMarkdown(label: string | null, text: string | null, sentence: string | null): string | null {
  if (label && text) {
    return `**${label}**\n\n${text}`;
  }
  return text ?? sentence;
}

type MeetingRow = Awaited<ReturnType<typeof getMeetingRow>>;

/**
 * May the reader have this edition of this document? The full edition needs membership of the body
 * (or admin); the public one exists once published (members may preview it). Throws in Danish.
 */
export function checkDocumentAccess(ctx: Ctx, meeting: MeetingRow, kind: DocKind, edition: Edition): void {
  if (edition === "full") {
    authorize(
      ctx.actor,
      canReadClosed(ctx.actor, meeting.bodyId),
      "Den fulde udgave er kun for forummets medlemmer. Hent den offentlige udgave (edition=public).",
    );
  }
  if (kind === "minutes" && !MINUTES_EXIST.has(meeting.status)) {
    throw new AppError("not_found", "Mødet er ikke afholdt endnu, så der er intet referat.");
  }
  if (edition === "public" && !isPublic(kind, meeting.status) && !canReadClosed(ctx.actor, meeting.bodyId)) {
    throw new AppError(
      "not_found",
      kind === "agenda"
        ? "Dagsordenen er ikke offentliggjort endnu."
        : "Referatet er ikke offentliggjort endnu.",
    );
  }
}

/**
 * What one edition of a meeting's agenda or minutes contains. The public edition is read as the
 * public reader (so visibility.ts decides, as everywhere); the full one needs membership of the body.
 */
export async function loadDocumentModel(
  ctx: Ctx,
  meetingId: number,
  kind: DocKind,
  edition: Edition,
): Promise<DocModel> {
  const meeting = await getMeetingRow(ctx.db, meetingId);
  checkDocumentAccess(ctx, meeting, kind, edition);
  const published = isPublic(kind, meeting.status);
  const reader = edition === "public" ? { db: ctx.db, actor: PUBLIC_ACTOR } : ctx;
  // A member may preview the public edition before publication: read it as if it were published.
  const asPublished =
    edition === "public" && !published ? { ...meeting, status: publishedStatus(kind) } : meeting;
  const [body, items, attendance, supplements] = await Promise.all([
    getBody(ctx, meeting.bodyId),
    listMeetingItems(reader, asPublished),
    kind === "minutes" ? listMeetingAttendance(reader, asPublished) : Promise.resolve([]),
    kind === "agenda" ? listAgendaSupplements(reader.db, reader.actor, asPublished) : Promise.resolve([]),
  ]);
  const personIds = [
    ...new Set([
      ...items.flatMap((i) => i.absences.map((a) => a.personId)),
      ...attendance.flatMap((a) => (a.substituteForId ? [a.personId, a.substituteForId] : [a.personId])),
    ]),
  ];
  const people =
    personIds.length > 0
      ? await ctx.db
          .select({ id: persons.id, name: persons.name })
          .from(persons)
          .where(inArray(persons.id, personIds))
      : [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  const snapshots = await printedSnapshotsOfItems(
    reader,
    items.filter((i) => !i.redacted).map((i) => i.id),
  );
  const numbers = new Map(items.map((i) => [i.id, i.number]));
  return {
    kind,
    edition,
    draft: !published && meeting.status !== "minutes_approved",
    body: { id: body.id, name: body.name, shortName: body.shortName },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      start: meeting.start,
      end: meeting.end,
      location: meeting.location,
      status: meeting.status,
      cancelled: meeting.cancelled,
    },
    items: items.map((i) => toDocItem(i, kind, names, snapshots)),
    attendance: attendance.map((a) => ({
      status: a.status,
      name: names.get(a.personId) ?? "Ukendt person",
      substituteFor: a.substituteForId ? (names.get(a.substituteForId) ?? "Ukendt person") : null,
      guestItems: a.guestItemIds.map((id) => numbers.get(id)).filter((n): n is number => n !== undefined),
    })),
    approval:
      kind === "minutes" && meeting.minutesApprovedAt
        ? { by: meeting.minutesApprovedBy, at: meeting.minutesApprovedAt }
        : null,
    supplements,
  };
}

function publishedStatus(kind: DocKind) {
  return kind === "agenda" ? ("agenda_published" as const) : ("minutes_published" as const);
}
