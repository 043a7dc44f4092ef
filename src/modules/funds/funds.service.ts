import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, getById, paginate, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize, canEditBody, canReadClosed, isPrivileged } from "../auth/index.ts";
import { getBody } from "../bodies/index.ts";
import { parties } from "../parties/index.ts";
import type { TFund, TFundInput } from "./funds.schemas.ts";
import { fundHistory, fundIncome, fundParties, funds } from "./funds.tables.ts";

export type FundRow = typeof funds.$inferSelect;
export type FundPartyRow = typeof fundParties.$inferSelect & { name: string };
const WHAT = "Puljen";

export const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }]);

/** A row as plain JSON for the history: bigint as a string, dates as ISO. */
export function snapshot(row: object | null | undefined): Record<string, unknown> | null {
  if (!row) {
    return null;
  }
  return JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Record<
    string,
    unknown
  >;
}

/** Records one change of a fund (who, when, before, after) in the same transaction as the change. */
export async function recordHistory(
  ctx: Ctx,
  entry: {
    fundId: number;
    entity: string;
    entityId: number | null;
    action: string;
    before?: object | null;
    after?: object | null;
  },
) {
  await ctx.db.insert(fundHistory).values({
    fundId: entry.fundId,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
    userId: ctx.actor.userId,
  });
}

/** The fund's parties in table order, with names. */
export async function loadFundParties(db: DbOrTx, fundId: number): Promise<FundPartyRow[]> {
  const rows = await db
    .select({ fp: fundParties, name: parties.name })
    .from(fundParties)
    .innerJoin(parties, eq(parties.id, fundParties.partyId))
    .where(eq(fundParties.fundId, fundId))
    .orderBy(asc(fundParties.position), asc(fundParties.id));
  return rows.map((r) => ({ ...r.fp, name: r.name }));
}

export function presentFund(row: FundRow, fps: FundPartyRow[]): TFund {
  return {
    ...presentMeta(row),
    bodyId: row.bodyId,
    name: row.name,
    description: row.description,
    keyBasis: row.keyBasis,
    keyYear: row.keyYear,
    parties: fps.map((p) => ({
      partyId: p.partyId,
      name: p.name,
      inKey: p.inKey,
      keyWeight: p.keyWeight === null ? null : p.keyWeight.toString(),
    })),
  };
}

export async function getFundRow(db: DbOrTx, id: number): Promise<FundRow> {
  return getById<FundRow>(db, funds, id, WHAT);
}

/** Loads a fund that the actor may change (the secretariat of its body, or an admin). */
export async function requireEditableFund(ctx: Ctx, id: number): Promise<FundRow> {
  const fund = await getFundRow(ctx.db, id);
  authorize(ctx.actor, canEditBody(ctx.actor, fund.bodyId), "Kun forummets sekretariat kan rette puljen.");
  return fund;
}

function checkKey(
  input: { keyBasis?: string | undefined; keyYear?: number | null | undefined },
  current?: FundRow,
) {
  const basis = input.keyBasis ?? current?.keyBasis ?? "income_all_years";
  const year = input.keyYear !== undefined ? input.keyYear : (current?.keyYear ?? null);
  if (basis === "income_year" && year === null) {
    throw invalid("keyYear", "Vælg det år, hvis indtægt giver fordelingsnøglen.");
  }
}

export async function listFunds(ctx: Ctx, f: { bodyId?: number; limit?: number; cursor?: string }) {
  const page = await paginate<FundRow>({
    db: ctx.db,
    table: funds,
    where: f.bodyId ? eq(funds.bodyId, f.bodyId) : undefined,
    page: f,
  });
  const items = await Promise.all(
    page.items.map(async (r) => presentFund(r, await loadFundParties(ctx.db, r.id))),
  );
  return { items, nextCursor: page.nextCursor };
}

export async function getFund(ctx: Ctx, id: number): Promise<TFund> {
  const row = await getFundRow(ctx.db, id);
  return presentFund(row, await loadFundParties(ctx.db, id));
}

export async function createFund(ctx: Ctx, input: TFundInput): Promise<TFund> {
  await getBody(ctx, input.bodyId).catch(() => {
    throw invalid("bodyId", "Forummet findes ikke.");
  });
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, input.bodyId),
    "Kun forummets sekretariat kan oprette en pulje.",
  );
  checkKey(input);
  const [row] = await ctx.db.insert(funds).values(input).returning();
  const fund = row as FundRow;
  await recordHistory(ctx, {
    fundId: fund.id,
    entity: "fund",
    entityId: fund.id,
    action: "create",
    after: fund,
  });
  return presentFund(fund, []);
}

export async function updateFund(
  ctx: Ctx,
  id: number,
  input: Partial<Omit<TFundInput, "bodyId">> & { version: number },
): Promise<TFund> {
  const current = await requireEditableFund(ctx, id);
  checkKey(input, current);
  const { version, ...values } = input;
  const row = await updateVersioned<FundRow>(ctx.db, funds, id, version, values, WHAT);
  await recordHistory(ctx, {
    fundId: id,
    entity: "fund",
    entityId: id,
    action: "update",
    before: current,
    after: row,
  });
  return presentFund(row, await loadFundParties(ctx.db, id));
}

export async function deleteFund(ctx: Ctx, id: number, version: number | undefined) {
  await requireEditableFund(ctx, id);
  await deleteVersioned(ctx.db, funds, id, version, WHAT);
}

export const fundService = {
  list: listFunds,
  get: getFund,
  create: createFund,
  update: updateFund,
  remove: deleteFund,
};

/** Sets the fund's parties, their order and the key; bumps the fund's version. */
export async function setFundParties(
  ctx: Ctx,
  id: number,
  input: {
    version: number;
    parties: { partyId: number; inKey: boolean; keyWeight?: bigint | null | undefined }[];
  },
): Promise<TFund> {
  const fund = await requireEditableFund(ctx, id);
  const ids = input.parties.map((p) => p.partyId);
  const known = await ctx.db.select({ id: parties.id }).from(parties).where(inArray(parties.id, ids));
  const knownIds = new Set(known.map((k) => k.id));
  input.parties.forEach((p, i) => {
    if (!knownIds.has(p.partyId)) {
      throw invalid(`parties.${i}.partyId`, "Parten findes ikke.");
    }
    if (ids.indexOf(p.partyId) !== i) {
      throw invalid(`parties.${i}.partyId`, "Parten står der to gange.");
    }
    if (fund.keyBasis === "decided" && p.inKey && (p.keyWeight ?? null) === null) {
      throw invalid(`parties.${i}.keyWeight`, "Nøglen er besluttet: angiv partens vægt.");
    }
  });
  if (!input.parties.some((p) => p.inKey)) {
    throw invalid("parties", "Mindst én part skal være med i fordelingsnøglen.");
  }
  const before = await loadFundParties(ctx.db, id);
  const used = await ctx.db
    .select({ partyId: fundIncome.partyId })
    .from(fundIncome)
    .where(eq(fundIncome.fundId, id));
  const removed = before.filter((b) => !knownIds.has(b.partyId) || !ids.includes(b.partyId));
  if (removed.some((r) => used.some((u) => u.partyId === r.partyId))) {
    throw new AppError("conflict", "En part med indtægter i puljen kan ikke fjernes.");
  }
  const row = await updateVersioned<FundRow>(ctx.db, funds, id, input.version, {}, WHAT);
  await ctx.db.delete(fundParties).where(eq(fundParties.fundId, id));
  await ctx.db.insert(fundParties).values(
    input.parties.map((p, position) => ({
      fundId: id,
      partyId: p.partyId,
      position,
      inKey: p.inKey,
      keyWeight: p.keyWeight ?? null,
    })),
  );
  const after = await loadFundParties(ctx.db, id);
  await recordHistory(ctx, {
    fundId: id,
    entity: "parties",
    entityId: null,
    action: "update",
    before: { parties: before },
    after: { parties: after },
  });
  return presentFund(row, after);
}

/** Records one year's income per party (replacing that year's amounts for the named parties). */
export async function setIncome(
  ctx: Ctx,
  id: number,
  year: number,
  amounts: { partyId: number; amountOre: bigint }[],
) {
  await requireEditableFund(ctx, id);
  const fps = new Set((await loadFundParties(ctx.db, id)).map((p) => p.partyId));
  amounts.forEach((a, i) => {
    if (!fps.has(a.partyId)) {
      throw invalid(`amounts.${i}.partyId`, "Parten er ikke med i puljen.");
    }
    if (amounts.findIndex((b) => b.partyId === a.partyId) !== i) {
      throw invalid(`amounts.${i}.partyId`, "Parten står der to gange.");
    }
  });
  for (const a of amounts) {
    const [existing] = await ctx.db
      .select()
      .from(fundIncome)
      .where(and(eq(fundIncome.fundId, id), eq(fundIncome.partyId, a.partyId), eq(fundIncome.year, year)));
    if (existing) {
      if (existing.amountOre === a.amountOre) {
        continue;
      }
      const [row] = await ctx.db
        .update(fundIncome)
        .set({ amountOre: a.amountOre, updatedAt: new Date(), version: existing.version + 1 })
        .where(eq(fundIncome.id, existing.id))
        .returning();
      await recordHistory(ctx, {
        fundId: id,
        entity: "income",
        entityId: existing.id,
        action: "update",
        before: existing,
        after: row,
      });
    } else {
      const [row] = await ctx.db
        .insert(fundIncome)
        .values({ fundId: id, partyId: a.partyId, year, amountOre: a.amountOre })
        .returning();
      await recordHistory(ctx, {
        fundId: id,
        entity: "income",
        entityId: row?.id ?? null,
        action: "create",
        after: row,
      });
    }
  }
  return loadIncome(ctx.db, id);
}

export async function loadIncome(db: DbOrTx, fundId: number) {
  return db
    .select()
    .from(fundIncome)
    .where(eq(fundIncome.fundId, fundId))
    .orderBy(asc(fundIncome.year), asc(fundIncome.id));
}

/** The history of a fund: for the secretariat and members of its body. */
export async function listFundHistory(ctx: Ctx, id: number) {
  const fund = await getFundRow(ctx.db, id);
  authorize(
    ctx.actor,
    canReadClosed(ctx.actor, fund.bodyId),
    "Kun forummets medlemmer kan se puljens historik.",
  );
  const rows = await ctx.db
    .select()
    .from(fundHistory)
    .where(eq(fundHistory.fundId, id))
    .orderBy(asc(fundHistory.id));
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entityId,
    action: r.action,
    before: r.before ?? null,
    after: r.after ?? null,
    userId: r.userId,
    at: r.at.toISOString(),
  }));
}

/**
 * Moves a fund with all its money to another body (a reorganisation's successor). Only the owner
 * changes: income, grants and carry-overs stay as they are, so every øre is carried. Returns false
 * when the fund no longer belongs to `fromBodyId` (the caller treats that as a conflict).
 */
export async function moveFundToBody(
  ctx: Ctx,
  input: { fundId: number; fromBodyId: number; toBodyId: number },
) {
  authorize(
    ctx.actor,
    isPrivileged(ctx.actor),
    "Kun administratorer kan flytte en pulje til et andet forum.",
  );
  const [before] = await ctx.db.select().from(funds).where(eq(funds.id, input.fundId));
  if (!before || before.bodyId !== input.fromBodyId) {
    return false;
  }
  const [after] = await ctx.db
    .update(funds)
    .set({ bodyId: input.toBodyId, updatedAt: new Date(), version: before.version + 1 })
    .where(and(eq(funds.id, input.fundId), eq(funds.bodyId, input.fromBodyId)))
    .returning();
  await recordHistory(ctx, {
    fundId: input.fundId,
    entity: "fund",
    entityId: input.fundId,
    action: "move",
    before,
    after,
  });
  return after !== undefined;
}
