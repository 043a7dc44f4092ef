/**
 * Obligations fanned out from one decision to many bodies (issue 22.1): the fan-out, the addressees'
 * answers, the roll-up the deciding body reads, and the status item on its next agenda.
 */
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { isoOrNull, presentMeta } from "../../server/schemas.ts";
import {
  type Actor,
  authorize,
  canEditBody,
  canReadClosed,
  isPrivileged,
  todayInDenmark,
} from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { canSeeItem, getItemWithMeeting, visibilityOf } from "../meetings/index.ts";
import type { TAddressee, TAnswer, TFanOut, TObligation } from "./obligations.schemas.ts";
import { type AddresseeState, obligationAddressees, obligations } from "./obligations.tables.ts";

export type ObligationRow = typeof obligations.$inferSelect;
type AddresseeRow = typeof obligationAddressees.$inferSelect;
const WHAT = "Forpligtelsen";

const memberBodies = (actor: Actor) => [...actor.roles.keys()];

/**
 * SQL: the obligations a reader may see at all — the deciding body's members and the addressee bodies'
 * members, nobody else (the text may come from a closed item: issue 22.6). The one home of this rule.
 */
export function visibleObligationsWhere(actor: Actor): SQL | undefined {
  if (isPrivileged(actor)) {
    return undefined;
  }
  const mine = memberBodies(actor);
  if (mine.length === 0) {
    return sql`false`;
  }
  const addressed = sql`(select ${obligationAddressees.obligationId} from ${obligationAddressees} where ${inArray(obligationAddressees.bodyId, mine)})`;
  return or(inArray(obligations.bodyId, mine), inArray(obligations.id, addressed));
}

/** The one predicate twin of `visibleObligationsWhere`: may this reader see this obligation's addressee row? */
export function canSeeAddressee(actor: Actor, obligation: { bodyId: number }, addresseeBodyId: number) {
  return canReadClosed(actor, obligation.bodyId) || canReadClosed(actor, addresseeBodyId);
}

/** The addressee's own deadline and whether it is late today. */
export function addresseeDue(
  deadline: string,
  a: { state: AddresseeState; newDeadline: string | null },
  today = todayInDenmark(),
) {
  const due = a.state === "more_time" && a.newDeadline ? a.newDeadline : deadline;
  const late = (a.state === "open" || a.state === "more_time") && due < today;
  return { due, late };
}

/** Counts for the roll-up table: answered (done or not relevant), more time, open, late. */
export function rollUp(addressees: Pick<TAddressee, "state" | "late">[]) {
  const count = (s: AddresseeState) => addressees.filter((a) => a.state === s).length;
  return {
    addressees: addressees.length,
    answered: count("done") + count("not_relevant"),
    done: count("done"),
    notRelevant: count("not_relevant"),
    moreTime: count("more_time"),
    open: count("open"),
    late: addressees.filter((a) => a.late).length,
  };
}

async function presentObligations(ctx: Ctx, rows: ObligationRow[]): Promise<TObligation[]> {
  if (rows.length === 0) {
    return [];
  }
  const ids = rows.map((r) => r.id);
  const addresseeRows = await ctx.db
    .select({ a: obligationAddressees, name: bodies.name })
    .from(obligationAddressees)
    .innerJoin(bodies, eq(bodies.id, obligationAddressees.bodyId))
    .where(inArray(obligationAddressees.obligationId, ids))
    .orderBy(asc(bodies.name), asc(obligationAddressees.id));
  const bodyIds = [...new Set(rows.map((r) => r.bodyId))];
  const names = new Map(
    (
      await ctx.db
        .select({ id: bodies.id, name: bodies.name })
        .from(bodies)
        .where(inArray(bodies.id, bodyIds))
    ).map((b) => [b.id, b.name]),
  );
  const today = todayInDenmark();
  return rows.map((r) => {
    const addressees = addresseeRows
      .filter(({ a }) => a.obligationId === r.id && canSeeAddressee(ctx.actor, r, a.bodyId))
      .map(({ a, name }) => presentAddressee(r, a, name, today));
    return {
      ...presentMeta(r),
      bodyId: r.bodyId,
      bodyName: names.get(r.bodyId) ?? "",
      itemId: r.itemId,
      text: r.text,
      deadline: r.deadline,
      returns: r.returns,
      statusItemId: r.statusItemId,
      addressees,
      rollUp: rollUp(addressees),
    };
  });
}

function presentAddressee(o: ObligationRow, a: AddresseeRow, name: string, today: string): TAddressee {
  return {
    ...presentMeta(a),
    bodyId: a.bodyId,
    bodyName: name,
    state: a.state,
    answerText: a.answerText,
    link: a.link,
    reason: a.reason,
    newDeadline: a.newDeadline,
    answeredAt: isoOrNull(a.answeredAt),
    ...addresseeDue(o.deadline, a, today),
  };
}

async function loadObligation(ctx: Ctx, id: number): Promise<ObligationRow> {
  const [row] = await ctx.db
    .select()
    .from(obligations)
    .where(and(eq(obligations.id, id), visibleObligationsWhere(ctx.actor)));
  if (!row) {
    throw notFound(WHAT);
  }
  return row;
}

/** One obligation with the addressees the reader may see and their roll-up. */
export async function getObligation(ctx: Ctx, id: number): Promise<TObligation> {
  const [presented] = await presentObligations(ctx, [await loadObligation(ctx, id)]);
  return presented as TObligation;
}

/** The obligations fanned out from one item that the reader may see. */
export async function listItemObligations(ctx: Ctx, itemId: number): Promise<TObligation[]> {
  const rows = await ctx.db
    .select()
    .from(obligations)
    .where(and(eq(obligations.itemId, itemId), visibleObligationsWhere(ctx.actor)))
    .orderBy(asc(obligations.id));
  return presentObligations(ctx, rows);
}

/** A body's obligations: those it received (to answer) and those it sent (to follow); its members only. */
export async function listBodyObligations(ctx: Ctx, bodyId: number) {
  if (!canReadClosed(ctx.actor, bodyId)) {
    throw notFound("Forummet");
  }
  const receivedIds = sql`(select ${obligationAddressees.obligationId} from ${obligationAddressees} where ${eq(obligationAddressees.bodyId, bodyId)})`;
  const [received, sent] = await Promise.all([
    ctx.db
      .select()
      .from(obligations)
      .where(inArray(obligations.id, receivedIds))
      .orderBy(asc(obligations.deadline)),
    ctx.db.select().from(obligations).where(eq(obligations.bodyId, bodyId)).orderBy(desc(obligations.id)),
  ]);
  return {
    bodyId,
    received: await presentObligations(ctx, received),
    sent: await presentObligations(ctx, sent),
  };
}

/** The current bodies a choice names: every body of the kinds in the region, or the listed ones. */
async function resolveAddressees(ctx: Ctx, choice: TFanOut["addressees"]): Promise<number[]> {
  const today = todayInDenmark();
  const current = or(isNull(bodies.validTo), sql`${bodies.validTo} >= ${today}`);
  const rows =
    "bodyIds" in choice
      ? await ctx.db.select({ id: bodies.id }).from(bodies).where(inArray(bodies.id, choice.bodyIds))
      : await ctx.db
          .select({ id: bodies.id })
          .from(bodies)
          .where(and(eq(bodies.region, choice.region), inArray(bodies.kind, choice.kinds), current));
  if ("bodyIds" in choice && rows.length !== new Set(choice.bodyIds).size) {
    throw new AppError("validation_failed", "Et af de valgte fora findes ikke.", [
      { path: "addressees.bodyIds", message: "Et af de valgte fora findes ikke." },
    ]);
  }
  if (rows.length === 0) {
    throw new AppError("validation_failed", "Der er ingen fora af de valgte slags i regionen.", [
      { path: "addressees", message: "Ingen fora passer til valget." },
    ]);
  }
  return rows.map((r) => r.id);
}

/**
 * Fans a decision out: one obligation with one text, deadline and what must come back, and one addressee
 * row for each chosen body. The deciding body's secretariat only.
 */
export async function fanOutObligation(ctx: Ctx, itemId: number, input: TFanOut): Promise<TObligation> {
  const { item, meeting } = await getItemWithMeeting(ctx, itemId);
  if (!canSeeItem(visibilityOf(ctx.actor, meeting), item.access)) {
    throw notFound("Punktet");
  }
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, meeting.bodyId),
    "Kun forummets sekretariat kan sende forpligtelser ud fra en beslutning.",
  );
  const bodyIds = await resolveAddressees(ctx, input.addressees);
  const [row] = await ctx.db
    .insert(obligations)
    .values({
      bodyId: meeting.bodyId,
      itemId: item.id,
      text: input.text,
      deadline: input.deadline,
      returns: input.returns,
      createdBy: ctx.actor.userId,
    })
    .returning();
  const obligation = row as ObligationRow;
  await ctx.db
    .insert(obligationAddressees)
    .values(bodyIds.map((bodyId) => ({ obligationId: obligation.id, bodyId })));
  return getObligation(ctx, obligation.id);
}

function answerErrors(input: TAnswer) {
  if (input.state === "done" && !input.answerText && !input.link) {
    return { path: "answerText", message: "Skriv et svar eller angiv et link til dokumentet." };
  }
  if (input.state === "not_relevant" && !input.reason) {
    return { path: "reason", message: "Skriv hvorfor forpligtelsen ikke er relevant." };
  }
  if (input.state === "more_time" && !input.newDeadline) {
    return { path: "newDeadline", message: "Angiv den nye dato." };
  }
  return null;
}

/** An addressee body's secretariat answers: done, not relevant (with a reason) or more time (a later date). */
export async function answerObligation(ctx: Ctx, id: number, input: TAnswer): Promise<TObligation> {
  const obligation = await loadObligation(ctx, id);
  const [addressee] = await ctx.db
    .select()
    .from(obligationAddressees)
    .where(and(eq(obligationAddressees.obligationId, id), eq(obligationAddressees.bodyId, input.bodyId)));
  if (!addressee || !canSeeAddressee(ctx.actor, obligation, input.bodyId)) {
    throw notFound(WHAT);
  }
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, input.bodyId),
    "Kun sekretariatet for det forum, forpligtelsen er sendt til, kan svare.",
  );
  const problem = answerErrors(input);
  if (problem) {
    throw new AppError("validation_failed", problem.message, [problem]);
  }
  if (input.state === "more_time" && input.newDeadline && input.newDeadline <= obligation.deadline) {
    const message = "Den nye dato skal ligge efter fristen.";
    throw new AppError("validation_failed", message, [{ path: "newDeadline", message }]);
  }
  await ctx.db
    .update(obligationAddressees)
    .set({
      state: input.state,
      answerText: input.answerText ?? null,
      link: input.link ?? null,
      reason: input.state === "not_relevant" ? (input.reason ?? null) : null,
      newDeadline: input.state === "more_time" ? (input.newDeadline ?? null) : null,
      answeredAt: new Date(),
      answeredBy: ctx.actor.userId,
      updatedAt: new Date(),
      version: sql`${obligationAddressees.version} + 1`,
    })
    .where(eq(obligationAddressees.id, addressee.id));
  return getObligation(ctx, id);
}
