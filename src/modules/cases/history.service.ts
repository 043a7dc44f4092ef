import { and, eq, gte, inArray, lte } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { agendaItems, type ItemRow, type MeetingRow, meetings } from "../meetings/index.ts";
import { createCase } from "./cases.service.ts";
import { caseNumbers, consultations } from "./cases.tables.ts";
import { linkItem, meetingDateOf } from "./consultations.service.ts";
import { archiveSystemOf, referralTarget } from "./phrases.ts";

/** One earlier stop of a case as a document tells it, with its body already found in Tværs. */
export interface HistoryStop {
  bodyId: number;
  /** the meeting's date, YYYY-MM-DD */
  date: string;
  itemNumber: number | null;
  /** that meeting's decision, as the document quotes it */
  decision: string;
}

/**
 * Records an item's case history (FirstAgenda's "Sagsforløb", the stacked decisions of Acadre and
 * eDoc) as consultations of one case across bodies: the case is the item's own (found by its
 * consultation or its case numbers, else made from it); a stop whose meeting and item exist in Tværs
 * is linked to that item, any other stop is kept with the decision as its note and the item as its
 * source, so the note is exactly as visible as the item that told it. Idempotent: importing the same
 * document again adds nothing.
 */
export async function recordCaseHistory(
  ctx: Ctx,
  input: { item: ItemRow; meeting: MeetingRow; caseNumbers: string[]; stops: HistoryStop[] },
): Promise<{ caseId: number; linked: number; kept: number }> {
  const { item, meeting } = input;
  const caseId = await caseOf(ctx, item, meeting, input.caseNumbers);
  await linkItem(ctx.db, caseId, item, meeting);
  let linked = 0;
  let kept = 0;
  for (const stop of input.stops) {
    const earlier = await itemAt(ctx, stop);
    if (earlier) {
      if (earlier.item.id !== item.id) {
        await linkItem(ctx.db, caseId, earlier.item, earlier.meeting);
        linked++;
      }
      continue;
    }
    const key = {
      caseId,
      bodyId: stop.bodyId,
      meetingDate: stop.date,
      itemNumber: stop.itemNumber ?? 0,
    };
    const [existing] = await ctx.db
      .select({ id: consultations.id })
      .from(consultations)
      .where(
        and(
          eq(consultations.caseId, key.caseId),
          eq(consultations.bodyId, key.bodyId),
          eq(consultations.meetingDate, key.meetingDate),
          eq(consultations.itemNumber, key.itemNumber),
        ),
      );
    if (existing) {
      continue;
    }
    const meetingThen = await meetingOn(ctx, stop.bodyId, stop.date);
    await ctx.db.insert(consultations).values({
      ...key,
      itemId: null,
      meetingId: meetingThen?.id ?? null,
      role: referralTarget(stop.decision) !== null ? "recommendation" : "discussion",
      note: stop.decision.slice(0, 20_000),
      sourceItemId: item.id,
    });
    kept++;
  }
  return { caseId, linked, kept };
}

/** The item's case: the one it is already part of, else one sharing a case number, else a new one. */
async function caseOf(ctx: Ctx, item: ItemRow, meeting: MeetingRow, numbers: string[]): Promise<number> {
  const [linked] = await ctx.db
    .select({ caseId: consultations.caseId })
    .from(consultations)
    .where(
      and(
        eq(consultations.bodyId, meeting.bodyId),
        eq(consultations.meetingDate, meetingDateOf(meeting)),
        eq(consultations.itemNumber, item.number),
      ),
    )
    .limit(1);
  if (linked) {
    return linked.caseId;
  }
  const clean = [...new Set(numbers.map((n) => n.trim()).filter((n) => n !== ""))].slice(0, 20);
  if (clean.length > 0) {
    const [byNumber] = await ctx.db
      .select({ caseId: caseNumbers.caseId })
      .from(caseNumbers)
      .where(inArray(caseNumbers.number, clean))
      .limit(1);
    if (byNumber) {
      return byNumber.caseId;
    }
  }
  const created = await createCase(
    ctx,
    {
      title: item.title.slice(0, 500),
      decidingBodyId: meeting.bodyId,
      numbers: clean
        .filter((n) => n.length <= 60)
        .map((number) => ({ number, system: archiveSystemOf(number) })),
    },
    item.access === "closed" ? "closed" : "open",
  );
  return created.id;
}

/** The body's meeting on that Danish day (the first, if it met twice). */
async function meetingOn(ctx: Ctx, bodyId: number, date: string): Promise<MeetingRow | null> {
  const day = new Date(`${date}T12:00:00Z`);
  const from = new Date(day.getTime() - 36 * 3600_000);
  const to = new Date(day.getTime() + 36 * 3600_000);
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, bodyId), gte(meetings.start, from), lte(meetings.start, to)))
    .orderBy(meetings.start);
  return rows.find((m) => meetingDateOf(m) === date) ?? null;
}

/** The item a stop names, when its meeting and number exist in Tværs. */
async function itemAt(ctx: Ctx, stop: HistoryStop): Promise<{ item: ItemRow; meeting: MeetingRow } | null> {
  if (stop.itemNumber === null) {
    return null;
  }
  const meeting = await meetingOn(ctx, stop.bodyId, stop.date);
  if (!meeting) {
    return null;
  }
  const [item] = await ctx.db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.number, stop.itemNumber)));
  return item ? { item, meeting } : null;
}
