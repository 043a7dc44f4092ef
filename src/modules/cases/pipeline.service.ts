/** The pipeline between bodies: refer a case to another body's next meeting, and the cases waiting for one. */
import { and, asc, count, eq, gt, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { emitDomainEvent } from "../../lib/domain-events.ts";
import { parseDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { authorize, canEditBody, canReadClosed } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import {
  agendaItems,
  createItem,
  createMeeting,
  getMeetingRow,
  type ItemRow,
  insertStandardItems,
  type MeetingRow,
  meetings,
  placeBeforeClosing,
} from "../meetings/index.ts";
import type { TCase } from "./cases.schemas.ts";
import { type CaseRow, createCase, numbersOf, presentCase } from "./cases.service.ts";
import { type ConsultationRole, cases, consultations } from "./cases.tables.ts";
import { linkItem, loadVisibleItem, meetingDateOf } from "./consultations.service.ts";
import { decidingBody, matchBody, referralTarget } from "./phrases.ts";
import { resolveItems } from "./timeline.service.ts";

const SOURCE_SECTIONS = [
  "summary",
  "presentation",
  "economy",
  "coordination",
  "process",
  "municipalRemarks",
] as const;

/** The next meeting of a body after `now` that is still being prepared (planned, agenda not held). */
export async function nextPlannedMeeting(db: DbOrTx, bodyId: number, now: Date): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, bodyId),
        eq(meetings.cancelled, false),
        gt(meetings.start, now),
        or(eq(meetings.status, "planned"), eq(meetings.status, "agenda_published")),
      ),
    )
    .orderBy(asc(meetings.start), asc(meetings.id))
    .limit(1);
  return row ?? null;
}

async function allBodies(db: DbOrTx) {
  return db.select({ id: bodies.id, name: bodies.name, shortName: bodies.shortName }).from(bodies);
}

const localDateDa = (day: string) => {
  const [y, m, d] = day.split("-");
  return `${Number(d)}.${m}.${y}`;
};

/** The case an item already belongs to (by id or stable key), or null. */
async function caseOfItem(db: DbOrTx, item: ItemRow, meeting: MeetingRow): Promise<CaseRow | null> {
  const [hit] = await db
    .select({ c: cases })
    .from(consultations)
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(
      or(
        eq(consultations.itemId, item.id),
        and(
          eq(consultations.bodyId, meeting.bodyId),
          eq(consultations.meetingDate, meetingDateOf(meeting)),
          eq(consultations.itemNumber, item.number),
        ),
      ),
    )
    .orderBy(asc(consultations.id))
    .limit(1);
  return hit?.c ?? null;
}

export interface ReferInput {
  targetBodyId?: number | undefined;
  role?: ConsultationRole | undefined;
  remarksHeading?: string | undefined;
  remarks?: string | undefined;
  createMeeting?: { start: string } | undefined;
  /** when the target has no planned meeting: let the case wait on its list "sager til næste møde" */
  waitForNextMeeting?: boolean | undefined;
}

/**
 * "… indstiller til X, at …": puts a draft item on X's next planned meeting, linked to the same case,
 * with the sections carried over and this body's remarks added. One transaction (the route's).
 */
export async function referItem(ctx: Ctx, itemId: number, input: ReferInput, now = new Date()) {
  const { item, meeting } = await loadVisibleItem(ctx, itemId);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, meeting.bodyId),
    "Kun forummets sekretariat kan indstille sagen videre.",
  );
  const known = await allBodies(ctx.db);
  const recommendationText = item.recommendations.join("\n");
  let targetId = input.targetBodyId;
  if (targetId === undefined) {
    const named = referralTarget(recommendationText);
    const match = named ? matchBody(named, known) : null;
    if (!match) {
      throw new AppError(
        "validation_failed",
        named
          ? `Indstillingen nævner "${named}", men det forum kendes ikke. Vælg målforummet.`
          : "Indstillingen nævner ikke, hvilket forum sagen indstilles til. Vælg målforummet.",
        [{ path: "targetBodyId", message: "Vælg det forum, sagen indstilles til." }],
      );
    }
    targetId = match.id;
  }
  const target = known.find((b) => b.id === targetId);
  if (!target) {
    throw new AppError("validation_failed", "Målforummet findes ikke.", [
      { path: "targetBodyId", message: "Forummet findes ikke." },
    ]);
  }
  if (target.id === meeting.bodyId) {
    throw new AppError(
      "validation_failed",
      "Sagen kan ikke indstilles til det forum, der behandler den nu.",
      [{ path: "targetBodyId", message: "Vælg et andet forum." }],
    );
  }

  let nextMeeting = await nextPlannedMeeting(ctx.db, target.id, now);
  let meetingCreated = false;
  const waiting = !nextMeeting && !input.createMeeting && input.waitForNextMeeting === true;
  if (!nextMeeting && !waiting) {
    if (!input.createMeeting) {
      throw new AppError(
        "conflict",
        `${target.name} har intet planlagt møde efter i dag. Opret mødet først, eller angiv createMeeting med mødets starttidspunkt.`,
      );
    }
    const start = parseDateTime(input.createMeeting.start);
    if (!start || start.getTime() <= now.getTime()) {
      throw new AppError(
        "validation_failed",
        "Det nye møde skal have et gyldigt starttidspunkt efter i dag.",
        [{ path: "createMeeting.start", message: "Skriv ÅÅÅÅ-MM-DDTTT:MM (dansk tid) efter i dag." }],
      );
    }
    const created = await createMeeting(ctx, { bodyId: target.id, start });
    // A meeting made for the case starts like any new meeting: with the standard items.
    await insertStandardItems(ctx, created.id);
    nextMeeting = await getMeetingRow(ctx.db, created.id);
    meetingCreated = true;
  }

  // The case: the one the item belongs to, or a new one named after the item.
  let theCase = await caseOfItem(ctx.db, item, meeting);
  if (!theCase) {
    const decider = decidingBody(recommendationText);
    const deciding = decider ? matchBody(decider, known) : null;
    const created = await createCase(
      ctx,
      {
        title: item.title,
        decidingBodyId: deciding?.id ?? null,
        numbers: item.caseNumbers.map((number) => ({ number })),
      },
      item.access,
    );
    theCase = (await ctx.db.select().from(cases).where(eq(cases.id, created.id)))[0] as CaseRow;
  }
  const source = await linkItem(ctx.db, theCase.id, item, meeting, {
    role: "recommendation",
    targetBodyId: target.id,
  });
  if (source.role !== "recommendation" || source.targetBodyId !== target.id) {
    await ctx.db
      .update(consultations)
      .set({ role: "recommendation", targetBodyId: target.id })
      .where(eq(consultations.id, source.id));
  }

  if (waiting || !nextMeeting) {
    // No meeting to put it on: the case waits for the target body, whose secretariat places it.
    await ctx.db.update(cases).set({ awaitingBodyId: target.id }).where(eq(cases.id, theCase.id));
    await emitDomainEvent(ctx, {
      kind: "case_referred",
      itemId: item.id,
      toBodyId: target.id,
      toMeetingId: null,
    });
    const waitingNumbers = await numbersOf(ctx.db, [theCase.id]);
    return {
      case: presentCase({ ...theCase, awaitingBodyId: target.id }, waitingNumbers.get(theCase.id) ?? []),
      itemId: item.id,
      meetingId: meeting.id,
      meetingCreated: false,
      waiting: true,
    };
  }

  const sections: Record<string, string> = {};
  for (const key of SOURCE_SECTIONS) {
    const text = item.sections[key];
    if (text) {
      sections[key] = text;
    }
  }
  const sourceBody = known.find((b) => b.id === meeting.bodyId)?.name ?? "";
  const before = item.decisionText
    ? `${sourceBody} ${localDateDa(meetingDateOf(meeting))}, punkt ${item.number}: ${item.decisionText}`
    : null;
  const previous = [item.sections.previousDecisions, before].filter(Boolean).join("\n\n");
  if (previous) {
    sections.previousDecisions = previous;
  }
  const otherSections = [...item.otherSections];
  if (input.remarks?.trim()) {
    const heading = input.remarksHeading ?? "Kommunale bemærkninger";
    if (/^kommunale\s+bemærkninger$/iu.test(heading.trim())) {
      sections.municipalRemarks = [sections.municipalRemarks, input.remarks.trim()]
        .filter(Boolean)
        .join("\n\n");
    } else {
      otherSections.push({ heading, text: input.remarks.trim() });
    }
  }
  const draft = await createItem(ctx, {
    meetingId: nextMeeting.id,
    title: item.title,
    access: item.access,
    kind: item.kind === "standard" ? "decision" : item.kind,
    durationMinutes: item.durationMinutes,
    sections,
    otherSections,
    recommendations: item.recommendations,
    caseNumbers: item.caseNumbers,
  });
  // The case goes before the closing "Eventuelt", as an item added in the workspace does.
  await placeBeforeClosing(ctx, nextMeeting.id, draft.id);
  const [placed] = await ctx.db
    .select({ number: agendaItems.number })
    .from(agendaItems)
    .where(eq(agendaItems.id, draft.id));
  const draftRow = {
    ...item,
    id: draft.id,
    number: placed?.number ?? draft.number,
    meetingId: nextMeeting.id,
  };
  const role = input.role ?? (theCase.decidingBodyId === target.id ? "decision" : "approval");
  await linkItem(ctx.db, theCase.id, draftRow, nextMeeting, { role });
  if (theCase.awaitingBodyId === target.id) {
    await ctx.db.update(cases).set({ awaitingBodyId: null }).where(eq(cases.id, theCase.id));
  }
  // The receiving body's secretariat is told that a case waits for it.
  await emitDomainEvent(ctx, {
    kind: "case_referred",
    itemId: draft.id,
    toBodyId: target.id,
    toMeetingId: nextMeeting.id,
  });
  const numbers = await numbersOf(ctx.db, [theCase.id]);
  return {
    case: presentCase(theCase, numbers.get(theCase.id) ?? []),
    itemId: draft.id,
    meetingId: nextMeeting.id,
    meetingCreated,
    waiting: false,
  };
}

const REASON_LABEL = { new: "ny sag", referred: "indstillet fra andet forum", postponed: "udsat" } as const;
type Reason = keyof typeof REASON_LABEL;

/**
 * How many cases wait for each of these bodies with no meeting to go on (`awaiting_body_id`, set by a
 * referral and cleared when the case is placed on an agenda): one grouped query, for the front page.
 */
export async function countCasesAwaiting(ctx: Ctx, bodyIds: number[]): Promise<Map<number, number>> {
  if (bodyIds.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ bodyId: cases.awaitingBodyId, n: count() })
    .from(cases)
    .where(inArray(cases.awaitingBodyId, bodyIds))
    .groupBy(cases.awaitingBodyId);
  return new Map(rows.map((r) => [r.bodyId as number, Number(r.n)]));
}

/** "Sager til næste møde": the cases waiting for a body's next meeting — new, referred or postponed. */
export async function casesForNextMeeting(ctx: Ctx, bodyId: number, now = new Date()) {
  const [body] = await ctx.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.id, bodyId));
  if (!body) {
    throw notFound("Forummet");
  }
  authorize(
    ctx.actor,
    canReadClosed(ctx.actor, bodyId),
    "Kun forummets medlemmer og sekretariat ser sagerne til næste møde.",
  );
  const next = await nextPlannedMeeting(ctx.db, bodyId, now);
  const waiting = new Map<number, { reason: Reason; fromBodyId: number | null; since: string | null }>();
  const awaiting = await ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.awaitingBodyId, bodyId));
  for (const c of awaiting) {
    waiting.set(c.id, { reason: "new", fromBodyId: null, since: null });
  }
  const related = await ctx.db
    .select()
    .from(consultations)
    .where(
      inArray(
        consultations.caseId,
        ctx.db
          .select({ id: consultations.caseId })
          .from(consultations)
          .where(or(eq(consultations.bodyId, bodyId), eq(consultations.targetBodyId, bodyId))),
      ),
    )
    .orderBy(asc(consultations.meetingDate), asc(consultations.id));
  const byCase = new Map<number, (typeof related)[number][]>();
  for (const c of related) {
    byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), c]);
  }
  const resolved = await resolveItems(
    ctx.db,
    related.filter((c) => c.bodyId === bodyId),
  );
  const nextDay = next ? meetingDateOf(next) : null;
  for (const [caseId, list] of byCase) {
    const here = list.filter((c) => c.bodyId === bodyId);
    const lastHere = here.at(-1);
    if (nextDay && here.some((c) => c.meetingDate === nextDay)) {
      waiting.delete(caseId);
      continue;
    }
    const referral = list.filter((c) => c.role === "recommendation" && c.targetBodyId === bodyId).at(-1);
    if (referral && (!lastHere || lastHere.meetingDate < referral.meetingDate)) {
      waiting.set(caseId, { reason: "referred", fromBodyId: referral.bodyId, since: referral.meetingDate });
      continue;
    }
    const outcome = lastHere ? resolved.get(lastHere.id)?.item.outcome : null;
    if (lastHere && outcome === "postponed") {
      waiting.set(caseId, { reason: "postponed", fromBodyId: null, since: lastHere.meetingDate });
    }
  }
  const ids = [...waiting.keys()];
  const rows = ids.length > 0 ? await ctx.db.select().from(cases).where(inArray(cases.id, ids)) : [];
  const numbers = await numbersOf(ctx.db, ids);
  const names = new Map((await allBodies(ctx.db)).map((b) => [b.id, b.name]));
  const entries = rows
    .map((row) => {
      const w = waiting.get(row.id) as { reason: Reason; fromBodyId: number | null; since: string | null };
      return {
        case: presentCase(row, numbers.get(row.id) ?? []) as TCase,
        reason: w.reason,
        reasonLabel: REASON_LABEL[w.reason],
        fromBody: w.fromBodyId ? { id: w.fromBodyId, name: names.get(w.fromBodyId) ?? "" } : null,
        since: w.since,
      };
    })
    .sort((a, b) => (a.since ?? "").localeCompare(b.since ?? "") || a.case.id - b.case.id);
  return {
    bodyId,
    nextMeeting: next ? { id: next.id, start: next.start.toISOString() } : null,
    cases: entries,
  };
}
