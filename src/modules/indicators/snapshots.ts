/**
 * Indicator snapshots on agenda items: the secretariat chooses indicators, areas and a period range;
 * until the minutes are published the snapshot shows the newest values, and publishing the minutes
 * freezes it (values and load dates), so the minutes keep the figures the body saw. A snapshot is
 * seen only by those who may see its item (meetings/visibility.ts).
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { authorize, canEditBody } from "../auth/index.ts";
import { agendaItems, canSeeItem, getItemWithMeeting, visibilityOf } from "../meetings/index.ts";
import { getReferenceData } from "../reference/index.ts";
import { canSeeInternal } from "./indicators.access.ts";
import {
  type AreaRef,
  areaName,
  indicatorsByCodes,
  listIndicators,
  valuesFor,
} from "./indicators.service.ts";
import { type FrozenSnapshot, indicatorSnapshots } from "./indicators.tables.ts";
import { parsePeriod } from "./periods.ts";

export interface SnapshotInput {
  indicatorCodes: string[];
  areas: { kind: string; code: string }[];
  fromPeriod: string;
  toPeriod: string;
}

/** Adds a snapshot to an item (the body's secretariat). */
export async function addSnapshot(ctx: Ctx, itemId: number, input: SnapshotInput): Promise<number> {
  const { meeting } = await getItemWithMeeting(ctx, itemId);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, meeting.bodyId),
    "Kun forummets sekretariat kan tilføje indikatorbilleder.",
  );
  const from = parsePeriod(input.fromPeriod);
  const to = parsePeriod(input.toPeriod);
  const found = await indicatorsByCodes(ctx, input.indicatorCodes);
  if (
    !from ||
    !to ||
    from.start > to.start ||
    found.length !== input.indicatorCodes.length ||
    input.areas.length === 0
  ) {
    throw new AppError(
      "validation_failed",
      "Vælg kendte indikatorer, mindst ét område og en gyldig periode (fra ≤ til).",
    );
  }
  const [row] = await ctx.db
    .insert(indicatorSnapshots)
    .values({
      itemId,
      indicatorCodes: input.indicatorCodes,
      areas: input.areas,
      fromPeriod: from.period,
      toPeriod: to.period,
    })
    .returning();
  const created = row as typeof indicatorSnapshots.$inferSelect;
  if (meeting.status === "minutes_published") {
    // The minutes are out: a snapshot put on afterwards never shows moving figures, it is frozen at once.
    const frozen = await computeSnapshot(ctx, created);
    await ctx.db
      .update(indicatorSnapshots)
      .set({ frozen, frozenAt: new Date(frozen.frozenAt) })
      .where(eq(indicatorSnapshots.id, created.id));
  }
  return created.id;
}

/** The figures of a snapshot as of now (what freezing stores). */
async function computeSnapshot(ctx: Ctx, s: typeof indicatorSnapshots.$inferSelect): Promise<FrozenSnapshot> {
  const data = await getReferenceData(ctx);
  const out: FrozenSnapshot = { frozenAt: new Date().toISOString(), indicators: [] };
  // Frozen figures are the indicator's own, whoever triggers the freeze: the system reads them.
  for (const ind of await indicatorsByCodes(
    { ...ctx, actor: { ...ctx.actor, system: true } },
    s.indicatorCodes,
  )) {
    const rows = await valuesFor(ctx, ind, s.areas as AreaRef[], data);
    out.indicators.push({
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      internal: ind.internal,
      values: rows
        .filter((r) => r.period >= s.fromPeriod && r.period <= s.toPeriod)
        .map((r) => ({
          areaKind: r.areaKind,
          areaCode: r.areaCode,
          areaName: areaName(data, { kind: r.areaKind as AreaRef["kind"], code: r.areaCode }),
          period: r.period,
          value: r.value,
          loadedAt: r.loadedAt,
        })),
    });
  }
  return out;
}

/** The frozen figures, or the newest ones while the snapshot is not frozen. No visibility check: callers check the item. */
export async function figuresOf(
  ctx: Ctx,
  s: typeof indicatorSnapshots.$inferSelect,
): Promise<FrozenSnapshot> {
  return s.frozen ?? (await computeSnapshot(ctx, s));
}

/** A snapshot for the reader: frozen figures, or the newest ones before publication. 404 if the item is hidden. */
export async function getSnapshot(ctx: Ctx, id: number) {
  const [s] = await ctx.db.select().from(indicatorSnapshots).where(eq(indicatorSnapshots.id, id));
  if (!s) {
    throw new AppError("not_found", "Indikatorbilledet findes ikke.");
  }
  const { item, meeting } = await getItemWithMeeting(ctx, s.itemId);
  if (!canSeeItem(visibilityOf(ctx.actor, meeting), item.access)) {
    throw new AppError("not_found", "Indikatorbilledet findes ikke.");
  }
  const figures = await figuresOf(ctx, s);
  // Internal indicators stay internal in a snapshot too, also once the minutes are public.
  const shown = canSeeInternal(ctx.actor)
    ? figures.indicators
    : figures.indicators.filter((i) => !i.internal);
  return {
    id: s.id,
    itemId: s.itemId,
    itemNumber: item.number,
    itemTitle: item.title,
    frozen: s.frozen !== null,
    figures: { ...figures, indicators: shown },
  };
}

/** The snapshots on one item, for its workspace page (the caller has checked the item is the reader's to edit). */
export async function listItemSnapshots(ctx: Ctx, itemId: number) {
  const { meeting } = await getItemWithMeeting(ctx, itemId);
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, meeting.bodyId),
    "Kun forummets sekretariat ser punktets indikatorbilleder her.",
  );
  return ctx.db
    .select({
      id: indicatorSnapshots.id,
      indicatorCodes: indicatorSnapshots.indicatorCodes,
      areas: indicatorSnapshots.areas,
      fromPeriod: indicatorSnapshots.fromPeriod,
      toPeriod: indicatorSnapshots.toPeriod,
      frozenAt: indicatorSnapshots.frozenAt,
    })
    .from(indicatorSnapshots)
    .where(eq(indicatorSnapshots.itemId, itemId))
    .orderBy(indicatorSnapshots.id);
}

/** What the snapshot picker offers: every indicator the reader may see, and every area of the reference data. */
export async function snapshotChoices(ctx: Ctx) {
  const [all, data] = await Promise.all([listIndicators(ctx), getReferenceData(ctx)]);
  return {
    indicators: all.map((i) => ({ code: i.code, name: i.name })),
    areas: data.areas.map((a) => ({ value: `${a.kind}:${a.code}`, label: a.name })),
  };
}

/** Snapshot ids on the items of a meeting (for the minutes' links). */
export async function snapshotIdsOfMeeting(ctx: Ctx, meetingId: number) {
  return ctx.db
    .select({ id: indicatorSnapshots.id, itemId: indicatorSnapshots.itemId })
    .from(indicatorSnapshots)
    .innerJoin(agendaItems, eq(agendaItems.id, indicatorSnapshots.itemId))
    .where(eq(agendaItems.meetingId, meetingId));
}

/** Freezes every unfrozen snapshot of the meeting's items; run inside the publishing transaction. */
export async function freezeSnapshots(ctx: Ctx, meetingId: number): Promise<number> {
  const items = (
    await ctx.db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId))
  ).map((r) => r.id);
  if (items.length === 0) {
    return 0;
  }
  const open = await ctx.db
    .select()
    .from(indicatorSnapshots)
    .where(and(inArray(indicatorSnapshots.itemId, items), isNull(indicatorSnapshots.frozenAt)));
  for (const s of open) {
    const frozen = await computeSnapshot(ctx, s);
    await ctx.db
      .update(indicatorSnapshots)
      .set({ frozen, frozenAt: new Date(frozen.frozenAt) })
      .where(eq(indicatorSnapshots.id, s.id));
  }
  return open.length;
}

/** The domain-event handler: publishing minutes freezes the meeting's snapshots (src/server/effects.ts). */
export async function indicatorsEffect(
  ctx: unknown,
  event: { kind: string; meetingId?: number },
): Promise<void> {
  if (event.kind === "minutes_published" && event.meetingId !== undefined) {
    await freezeSnapshots(ctx as Ctx, event.meetingId);
  }
}
