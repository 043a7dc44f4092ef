import { and, asc, eq, ilike, inArray, max, ne, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import { emitDomainEvent } from "../../lib/domain-events.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize, canEditBody } from "../auth/policy.ts";
import { type ItemRow, loadItemRelations, presentItem } from "./items.present.ts";
import type { TItemInput } from "./items.schemas.ts";
import { agendaItems, minutesCorrections } from "./items.tables.ts";
import { isMinutesLocked } from "./meetings.rules.ts";
import { getMeetingRow, type MeetingRow, minutesLocked, requireEditableMeeting } from "./meetings.service.ts";
import { meetings } from "./meetings.tables.ts";
import { visibilityOf, visibleItemsWhere } from "./visibility.ts";

const WHAT = "Punktet";

/** Loads an item with its meeting; answers 404 when the reader may not even know the item exists. */
export async function getItemWithMeeting(
  ctx: Ctx,
  id: number,
): Promise<{ item: ItemRow; meeting: MeetingRow }> {
  const item = await getById<ItemRow>(ctx.db, agendaItems, id, WHAT);
  const meeting = await getMeetingRow(ctx.db, item.meetingId);
  if (!visibilityOf(ctx.actor, meeting).agenda) {
    throw notFound(WHAT);
  }
  return { item, meeting };
}

async function presentRows(ctx: Ctx, rows: ItemRow[], meetingsById: Map<number, MeetingRow>) {
  const relations = await loadItemRelations(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const meeting = meetingsById.get(row.meetingId) as MeetingRow;
    return presentItem(
      row,
      relations.get(row.id) ?? { attachments: [], absences: [] },
      visibilityOf(ctx.actor, meeting),
    );
  });
}

/**
 * Presents the given items in the given order as the reader may see them; items of agendas the
 * reader may not see yet are left out. For callers that select ids themselves (OParl, search).
 */
export async function presentItemsByIds(ctx: Ctx, ids: number[]) {
  if (ids.length === 0) {
    return [];
  }
  const rows = await ctx.db.select().from(agendaItems).where(inArray(agendaItems.id, ids));
  const meetingIds = [...new Set(rows.map((r) => r.meetingId))];
  const meetingRows = await ctx.db.select().from(meetings).where(inArray(meetings.id, meetingIds));
  const byId = new Map(meetingRows.map((m) => [m.id, m]));
  const visible = rows.filter((r) => visibilityOf(ctx.actor, byId.get(r.meetingId) as MeetingRow).agenda);
  const order = new Map(ids.map((id, i) => [id, i]));
  visible.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return presentRows(ctx, visible, byId);
}

/** The items of one meeting in agenda order, as the reader may see them. */
export async function listMeetingItems(ctx: Ctx, meeting: MeetingRow) {
  if (!visibilityOf(ctx.actor, meeting).agenda) {
    return [];
  }
  const rows = await ctx.db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
  return presentRows(ctx, rows, new Map([[meeting.id, meeting]]));
}

/** Subquery: ids of the meetings matching the condition. */
function meetingIdsWhere(condition: SQL) {
  return sql`(select ${meetings.id} from ${meetings} where ${condition})`;
}

export async function listItems(
  ctx: Ctx,
  f: Partial<{
    meetingId: number;
    bodyId: number;
    access: "open" | "closed";
    outcome: ItemRow["outcome"] & string;
    caseNumber: string;
    q: string;
    limit: number;
    cursor: string;
  }>,
) {
  const touchesContent = Boolean(f.caseNumber || f.q || f.outcome || f.access === "closed");
  const where = and(
    f.meetingId ? eq(agendaItems.meetingId, f.meetingId) : undefined,
    f.bodyId ? inArray(agendaItems.meetingId, meetingIdsWhere(eq(meetings.bodyId, f.bodyId))) : undefined,
    f.access ? eq(agendaItems.access, f.access) : undefined,
    f.outcome ? eq(agendaItems.outcome, f.outcome) : undefined,
    f.caseNumber ? sql`${agendaItems.caseNumbers} @> ${JSON.stringify([f.caseNumber])}::jsonb` : undefined,
    f.q ? ilike(agendaItems.title, `%${f.q}%`) : undefined,
    // A filter never matches on what the reader may not see (the shared rule, visibility.ts).
    visibleItemsWhere(ctx.actor, { content: touchesContent, minutes: Boolean(f.outcome) }),
  );
  const page = await paginate<ItemRow>({ db: ctx.db, table: agendaItems, where, page: f });
  const meetingIds = [...new Set(page.items.map((r) => r.meetingId))];
  const meetingRows =
    meetingIds.length > 0 ? await ctx.db.select().from(meetings).where(inArray(meetings.id, meetingIds)) : [];
  const items = await presentRows(ctx, page.items, new Map(meetingRows.map((m) => [m.id, m])));
  return { items, nextCursor: page.nextCursor };
}

export async function getItem(ctx: Ctx, id: number) {
  const { item, meeting } = await getItemWithMeeting(ctx, id);
  const [presented] = await presentRows(ctx, [item], new Map([[meeting.id, meeting]]));
  return presented as NonNullable<typeof presented>;
}

async function nextPosition(db: DbOrTx, meetingId: number): Promise<number> {
  const [row] = await db
    .select({ n: max(agendaItems.position) })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  return (row?.n ?? 0) + 1;
}

export async function createItem(ctx: Ctx, input: TItemInput) {
  const meeting = await requireEditableMeeting(ctx, input.meetingId);
  const position = await nextPosition(ctx.db, input.meetingId);
  const [row] = await ctx.db
    .insert(agendaItems)
    .values({ ...input, number: input.number ?? position, position })
    .returning();
  // A new item has no attachments or absences yet: present it without reading them back.
  return presentItem(row as ItemRow, { attachments: [], absences: [] }, visibilityOf(ctx.actor, meeting));
}

export async function updateItem(ctx: Ctx, id: number, input: Partial<TItemInput> & { version: number }) {
  const { item } = await getItemWithMeeting(ctx, id);
  await requireEditableMeeting(ctx, item.meetingId);
  const { version, meetingId: _ignored, ...values } = input;
  await updateVersioned<ItemRow>(ctx.db, agendaItems, id, version, values, WHAT);
  return getItem(ctx, id);
}

/** Numbers the items of a meeting 1..n in the given order (or their current order). */
async function renumber(db: DbOrTx, meetingId: number, orderedIds?: number[]) {
  const ids =
    orderedIds ??
    (
      await db
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    ).map((r) => r.id);
  for (const [index, itemId] of ids.entries()) {
    await db
      .update(agendaItems)
      .set({
        position: index + 1,
        number: index + 1,
        version: sql`${agendaItems.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(agendaItems.id, itemId),
          or(ne(agendaItems.position, index + 1), ne(agendaItems.number, index + 1)),
        ),
      );
  }
}

export async function deleteItem(ctx: Ctx, id: number, version: number | undefined) {
  const { item } = await getItemWithMeeting(ctx, id);
  await requireEditableMeeting(ctx, item.meetingId);
  await deleteVersioned(ctx.db, agendaItems, id, version, WHAT);
  await renumber(ctx.db, item.meetingId);
}

/** Puts the agenda in a new order; the list must name every item of the meeting exactly once. */
export async function reorderItems(ctx: Ctx, meetingId: number, itemIds: number[]) {
  const meeting = await requireEditableMeeting(ctx, meetingId);
  const current = await ctx.db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  const known = new Set(current.map((r) => r.id));
  const unique = new Set(itemIds);
  if (unique.size !== itemIds.length || unique.size !== known.size || itemIds.some((i) => !known.has(i))) {
    throw new AppError(
      "conflict",
      "Rækkefølgen skal nævne hvert af mødets punkter præcis én gang. Dagsordenen kan være ændret; hent den igen.",
    );
  }
  await renumber(ctx.db, meetingId, itemIds);
  return listMeetingItems(ctx, meeting);
}

type CorrectionChanges = Partial<
  Pick<
    TItemInput,
    "title" | "sections" | "otherSections" | "recommendations" | "decisionText" | "outcome" | "caseNumbers"
  >
>;

/** Changes approved minutes: allowed only with a reason, and the values before and after are kept. */
export async function correctMinutes(
  ctx: Ctx,
  id: number,
  input: { version: number; reason: string; changes: CorrectionChanges },
) {
  const { item, meeting } = await getItemWithMeeting(ctx, id);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, meeting.bodyId),
    "Kun forummets sekretariat kan rette referatet.",
  );
  if (!isMinutesLocked(meeting.status)) {
    throw new AppError("conflict", "Referatet er ikke godkendt endnu; ret punktet direkte.");
  }
  const before: Record<string, unknown> = {};
  for (const key of Object.keys(input.changes) as (keyof CorrectionChanges)[]) {
    before[key] = item[key];
  }
  await updateVersioned<ItemRow>(ctx.db, agendaItems, id, input.version, input.changes, WHAT);
  await ctx.db.insert(minutesCorrections).values({
    itemId: id,
    reason: input.reason,
    before,
    after: input.changes as Record<string, unknown>,
    userId: ctx.actor.userId,
  });
  await emitDomainEvent(ctx, {
    kind: "minutes_corrected",
    meetingId: meeting.id,
    itemNumber: item.number,
    closed: item.access === "closed",
    reason: input.reason,
  });
  return getItem(ctx, id);
}

export async function listCorrections(ctx: Ctx, itemId: number) {
  const { item, meeting } = await getItemWithMeeting(ctx, itemId);
  const v = visibilityOf(ctx.actor, meeting);
  if (!v.minutes || (item.access === "closed" && !v.member)) {
    return [];
  }
  const rows = await ctx.db
    .select()
    .from(minutesCorrections)
    .where(eq(minutesCorrections.itemId, itemId))
    .orderBy(asc(minutesCorrections.id));
  return rows.map((r) => ({
    ...presentMeta(r),
    itemId: r.itemId,
    reason: r.reason,
    before: r.before,
    after: r.after,
    userId: r.userId,
  }));
}

export { minutesLocked };

export const itemService = {
  list: listItems,
  get: getItem,
  create: createItem,
  update: updateItem,
  remove: deleteItem,
};
