import { and, asc, eq, gt, ilike, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import { emitDomainEvent } from "../../lib/domain-events.ts";
import { TIME_ZONE, toLocalDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { isoOrNull, presentMeta } from "../../server/schemas.ts";
import { type Actor, authorize, canEditBody, canReadClosed, isPrivileged } from "../auth/index.ts";
import {
  agendaItems,
  canSeeItem,
  getItemWithMeeting,
  meetings,
  visibilityOf,
  visibleItemsWhere,
} from "../meetings/index.ts";
import type { TAction, TActionInput } from "./actions.schemas.ts";
import { actions } from "./actions.tables.ts";

export type ActionRow = typeof actions.$inferSelect;
const WHAT = "Opfølgningen";

const localDay = (d: Date) => toLocalDateTime(d).slice(0, 10);
/** Today's date in Denmark, YYYY-MM-DD. */
export const todayInDenmark = (now = new Date()) => now.toLocaleDateString("sv-SE", { timeZone: TIME_ZONE });

/** The next meeting (not cancelled) of each body on or after a day: one query for many bodies. */
export async function nextMeetings(db: DbOrTx, bodyIds: number[], from: Date) {
  const out = new Map<number, { id: number; start: Date }>();
  if (bodyIds.length === 0) {
    return out;
  }
  const rows = await db
    .selectDistinctOn([meetings.bodyId], { bodyId: meetings.bodyId, id: meetings.id, start: meetings.start })
    .from(meetings)
    .where(and(inArray(meetings.bodyId, bodyIds), eq(meetings.cancelled, false), gt(meetings.start, from)))
    .orderBy(meetings.bodyId, asc(meetings.start), asc(meetings.id));
  for (const r of rows) {
    out.set(r.bodyId, { id: r.id, start: r.start });
  }
  return out;
}

/** Presents actions with their effective due date and overdue flag (today in Denmark). */
export async function presentActions(db: DbOrTx, rows: ActionRow[], now = new Date()): Promise<TAction[]> {
  const pending = rows.filter((r) => r.dueDate === null && r.dueBodyId !== null);
  const earliest = pending.reduce((min, r) => (r.createdAt < min ? r.createdAt : min), now);
  const next = await nextMeetings(
    db,
    [...new Set(pending.map((r) => r.dueBodyId as number))],
    // a meeting after the action was created; the earliest such start bounds the query
    earliest,
  );
  const today = todayInDenmark(now);
  return rows.map((r) => {
    const meeting = r.dueBodyId !== null ? next.get(r.dueBodyId) : undefined;
    const effectiveDue =
      r.dueDate ?? (meeting && meeting.start >= r.createdAt ? localDay(meeting.start) : null);
    return {
      ...presentMeta(r),
      bodyId: r.bodyId,
      itemId: r.itemId,
      caseId: r.caseId,
      text: r.text,
      ownerPersonId: r.ownerPersonId,
      ownerText: r.ownerText,
      dueDate: r.dueDate,
      dueBodyId: r.dueBodyId,
      effectiveDue,
      status: r.status,
      overdue: r.status === "open" && effectiveDue !== null && effectiveDue < today,
      remindedAt: isoOrNull(r.remindedAt),
    };
  });
}

/**
 * SQL: the actions a reader may see. Members of the action's body see all of its actions; others only
 * actions derived from an open item whose minutes are published — never one from closed material.
 */
export function visibleActionsWhere(actor: Actor): SQL | undefined {
  if (isPrivileged(actor)) {
    return undefined;
  }
  const bodies = [...actor.roles.keys()];
  // The items whose content and decision the reader may see: the shared rule (meetings/visibility.ts).
  const seen = visibleItemsWhere(actor, { content: true, minutes: true });
  const seenItems = sql`(select ${agendaItems.id} from ${agendaItems} where ${seen})`;
  return or(
    bodies.length > 0 ? inArray(actions.bodyId, bodies) : undefined,
    inArray(actions.itemId, seenItems),
  );
}

async function loadAction(ctx: Ctx, id: number): Promise<ActionRow> {
  const row = await getById<ActionRow>(ctx.db, actions, id, WHAT);
  if (canReadClosed(ctx.actor, row.bodyId)) {
    return row;
  }
  if (row.itemId !== null) {
    const { item, meeting } = await getItemWithMeeting(ctx, row.itemId).catch(() => {
      throw notFound(WHAT);
    });
    const v = visibilityOf(ctx.actor, meeting);
    if (v.minutes && canSeeItem(v, item.access)) {
      return row;
    }
  }
  throw notFound(WHAT);
}

export async function getAction(ctx: Ctx, id: number): Promise<TAction> {
  const [presented] = await presentActions(ctx.db, [await loadAction(ctx, id)]);
  return presented as TAction;
}

export type ActionFilter = Partial<{
  bodyId: number;
  ownerPersonId: number;
  owner: string;
  status: ActionRow["status"];
  overdue: boolean;
  itemId: number;
  caseId: number;
  limit: number;
  cursor: string;
}>;

export async function listActions(ctx: Ctx, f: ActionFilter) {
  const today = todayInDenmark();
  const where = and(
    visibleActionsWhere(ctx.actor),
    f.bodyId ? eq(actions.bodyId, f.bodyId) : undefined,
    f.ownerPersonId ? eq(actions.ownerPersonId, f.ownerPersonId) : undefined,
    f.owner ? ilike(actions.ownerText, `%${f.owner}%`) : undefined,
    f.status ? eq(actions.status, f.status) : undefined,
    f.itemId ? eq(actions.itemId, f.itemId) : undefined,
    f.caseId ? eq(actions.caseId, f.caseId) : undefined,
    // overdue by a written date in SQL; "next meeting" dues are checked after presenting
    f.overdue === true ? and(eq(actions.status, "open"), sql`${actions.dueDate} < ${today}`) : undefined,
    f.overdue === false
      ? or(ne(actions.status, "open"), isNull(actions.dueDate), sql`${actions.dueDate} >= ${today}`)
      : undefined,
  );
  const page = await paginate<ActionRow>({ db: ctx.db, table: actions, where, page: f });
  return { items: await presentActions(ctx.db, page.items), nextCursor: page.nextCursor };
}

/** The open actions of a case the reader may see (for the case timeline). */
export async function listCaseActions(ctx: Ctx, caseId: number) {
  const rows = await ctx.db
    .select()
    .from(actions)
    .where(and(eq(actions.caseId, caseId), visibleActionsWhere(ctx.actor)))
    .orderBy(asc(actions.dueDate), asc(actions.id));
  return (await presentActions(ctx.db, rows)).map((a) => ({
    id: a.id,
    text: a.text,
    status: a.status,
    dueDate: a.effectiveDue,
    ownerText: a.ownerText,
  }));
}

/** Resolves a due body's next meeting after `after` to a date; null when none is planned yet. */
async function dueDateFor(db: DbOrTx, dueBodyId: number, after: Date): Promise<string | null> {
  const next = await nextMeetings(db, [dueBodyId], after);
  const meeting = next.get(dueBodyId);
  return meeting ? localDay(meeting.start) : null;
}

export async function createAction(ctx: Ctx, input: TActionInput & { dueAfter?: string | undefined }) {
  let bodyId = input.bodyId;
  let anchor = new Date();
  if (input.itemId) {
    const { item, meeting } = await getItemWithMeeting(ctx, input.itemId);
    if (!canSeeItem(visibilityOf(ctx.actor, meeting), item.access)) {
      throw notFound("Punktet");
    }
    if (bodyId !== undefined && bodyId !== meeting.bodyId) {
      throw new AppError("validation_failed", "Opfølgningen hører til forummet for beslutningen.", [
        { path: "bodyId", message: "Skal være punktets forum (eller udelades)." },
      ]);
    }
    bodyId = meeting.bodyId;
    anchor = meeting.start;
  }
  if (bodyId === undefined) {
    throw new AppError("validation_failed", "Angiv forummet eller beslutningen, opfølgningen hører til.", [
      { path: "bodyId", message: "Skal udfyldes, når itemId ikke er givet." },
    ]);
  }
  authorize(ctx.actor, canEditBody(ctx.actor, bodyId), "Kun forummets sekretariat kan oprette opfølgninger.");
  const { dueAfter, ...values } = input;
  let dueDate = values.dueDate ?? null;
  if (!dueDate && values.dueBodyId) {
    const after = dueAfter ? new Date(`${dueAfter}T00:00:00Z`) : anchor;
    dueDate = await dueDateFor(ctx.db, values.dueBodyId, after > anchor ? after : anchor);
  }
  const [row] = await ctx.db
    .insert(actions)
    .values({
      ...values,
      bodyId,
      dueDate,
      sourceKey: null,
      createdBy: ctx.actor.userId,
    })
    .returning();
  if (row?.ownerPersonId) {
    // The owner is told (notifications), through the same event whatever created the follow-up.
    await emitDomainEvent(ctx, { kind: "action_assigned", actionId: row.id });
  }
  const [presented] = await presentActions(ctx.db, [row as ActionRow]);
  return presented as TAction;
}

export async function updateAction(
  ctx: Ctx,
  id: number,
  input: Partial<Omit<TActionInput, "itemId" | "bodyId">> & { version: number },
) {
  const row = await loadAction(ctx, id);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, row.bodyId),
    "Kun forummets sekretariat kan ændre opfølgningen.",
  );
  const { version, ...values } = input;
  await updateVersioned<ActionRow>(ctx.db, actions, id, version, values, WHAT);
  return getAction(ctx, id);
}

export async function deleteAction(ctx: Ctx, id: number, version: number | undefined) {
  const row = await loadAction(ctx, id);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, row.bodyId),
    "Kun forummets sekretariat kan slette opfølgningen.",
  );
  await deleteVersioned(ctx.db, actions, id, version, WHAT);
}

export const actionService = {
  list: listActions,
  get: getAction,
  create: (ctx: Ctx, input: TActionInput) => createAction(ctx, input),
  update: updateAction,
  remove: deleteAction,
};
