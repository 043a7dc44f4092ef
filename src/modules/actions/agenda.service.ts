/** Follow-ups around meetings: proposals from a decision, and the open actions a next agenda shows. */
import { and, asc, eq, isNotNull, lte, or, sql } from "drizzle-orm";
import { toLocalDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { notFound } from "../../server/errors.ts";
import { authorize, canEditBody } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { canSeeItem, getItemWithMeeting, visibilityOf } from "../meetings/index.ts";
import { persons } from "../people/index.ts";
import type { TActionProposal } from "./actions.schemas.ts";
import { nextMeetings, presentActions, visibleActionsWhere } from "./actions.service.ts";
import { actions } from "./actions.tables.ts";
import { proposeActions } from "./proposals.ts";

const fold = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
const stem = (s: string) =>
  fold(s)
    .split(" ")
    .map((w) => (w.length > 5 ? w.replace(/(?:ens|ets|en|et|es|e|s)$/u, "") : w))
    .join(" ");

/** Follow-ups proposed from an item's decision; the secretariat confirms them with POST /actions. */
export async function proposeItemActions(ctx: Ctx, itemId: number): Promise<TActionProposal[]> {
  const { item, meeting } = await getItemWithMeeting(ctx, itemId);
  if (!canSeeItem(visibilityOf(ctx.actor, meeting), item.access)) {
    throw notFound("Punktet");
  }
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, meeting.bodyId),
    "Kun forummets sekretariat kan oprette opfølgninger.",
  );
  const meetingDate = toLocalDateTime(meeting.start).slice(0, 10);
  const proposals = proposeActions(item.decisionText ?? "", meetingDate);
  if (proposals.length === 0) {
    return [];
  }
  const bodyRows = await ctx.db
    .select({ id: bodies.id, name: bodies.name, shortName: bodies.shortName })
    .from(bodies);
  const personRows = await ctx.db.select({ id: persons.id, name: persons.name }).from(persons);
  const findBody = (name: string) => {
    const wanted = stem(name);
    const hits = bodyRows.filter(
      (b) =>
        stem(b.name) === wanted ||
        (b.shortName && stem(b.shortName) === wanted) ||
        stem(b.name).startsWith(wanted) ||
        wanted.startsWith(stem(b.name)),
    );
    return hits.length === 1 ? (hits[0]?.id ?? null) : null;
  };
  const out: TActionProposal[] = [];
  for (const p of proposals) {
    let dueDate: string | null = null;
    let dueBodyId: number | null = null;
    if (p.due?.kind === "date") {
      dueDate = p.due.date;
    } else if (p.due?.kind === "meeting") {
      dueBodyId = p.due.bodyName ? findBody(p.due.bodyName) : meeting.bodyId;
      if (dueBodyId !== null) {
        const after = p.due.after ? new Date(`${p.due.after}T00:00:00Z`) : meeting.start;
        const next = await nextMeetings(ctx.db, [dueBodyId], after > meeting.start ? after : meeting.start);
        const m = next.get(dueBodyId);
        dueDate = m ? toLocalDateTime(m.start).slice(0, 10) : null;
      }
    }
    const owner = p.ownerText ? fold(p.ownerText) : null;
    const person = owner ? personRows.find((r) => fold(r.name) === owner) : undefined;
    out.push({
      text: p.text,
      ownerText: p.ownerText,
      ownerPersonId: person?.id ?? null,
      dueDate,
      dueBodyId,
      duePhrase: p.due?.phrase ?? null,
      rules: p.rules,
    });
  }
  return out;
}

/** The open actions due by a body's next meeting, for its agenda: its own, and those due at that meeting. */
export async function nextAgendaActions(ctx: Ctx, bodyId: number, now = new Date()) {
  const [body] = await ctx.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.id, bodyId));
  if (!body) {
    throw notFound("Forummet");
  }
  const next = (await nextMeetings(ctx.db, [bodyId], now)).get(bodyId) ?? null;
  if (!next) {
    return { bodyId, nextMeeting: null, actions: [] };
  }
  const day = toLocalDateTime(next.start).slice(0, 10);
  const rows = await ctx.db
    .select()
    .from(actions)
    .where(
      and(
        eq(actions.status, "open"),
        visibleActionsWhere(ctx.actor),
        or(
          eq(actions.dueBodyId, bodyId),
          and(eq(actions.bodyId, bodyId), isNotNull(actions.dueDate), lte(actions.dueDate, day)),
        ),
      ),
    )
    .orderBy(asc(sql`coalesce(${actions.dueDate}, ${day})`), asc(actions.id));
  const presented = await presentActions(ctx.db, rows, now);
  return {
    bodyId,
    nextMeeting: { id: next.id, start: next.start.toISOString() },
    actions: presented.filter((a) => a.effectiveDue === null || a.effectiveDue <= day),
  };
}
