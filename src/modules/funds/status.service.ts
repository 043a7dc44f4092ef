import { asc, eq } from "drizzle-orm";
import { formatOreNumber, sumOre } from "../../lib/money.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import type { TFund, TGrant, TStatusTableOut } from "./funds.schemas.ts";
import {
  getFundRow,
  invalid,
  loadFundParties,
  loadIncome,
  presentFund,
  recordHistory,
  requireEditableFund,
} from "./funds.service.ts";
import { fundCarryOvers } from "./funds.tables.ts";
import { loadVisibleGrants, presentGrant } from "./grants.service.ts";
import { buildStatusTable, type StatusTable, type TableCarryOver } from "./status-table.ts";

export type CarryOverRow = typeof fundCarryOvers.$inferSelect;

export interface FundStatus {
  fund: TFund;
  table: StatusTable;
  grants: TGrant[];
  /** some grants are hidden from this reader */
  partial: boolean;
}

const toCarryOver = (c: CarryOverRow): TableCarryOver => ({
  id: c.id,
  fromYear: c.fromYear,
  toYear: c.toYear,
  decidedOn: c.decidedOn,
  parts: c.parts.map((p) => ({ partyId: p.partyId, amountOre: BigInt(p.amountOre) })),
});

/** The status table of a fund as the reader may see it (grants filtered by grants.access.ts). */
export async function loadFundStatus(ctx: Ctx, fundId: number): Promise<FundStatus> {
  const row = await getFundRow(ctx.db, fundId);
  const [fps, income, visible, carryOvers] = await Promise.all([
    loadFundParties(ctx.db, fundId),
    loadIncome(ctx.db, fundId),
    loadVisibleGrants(ctx, { fundIds: [fundId] }),
    ctx.db
      .select()
      .from(fundCarryOvers)
      .where(eq(fundCarryOvers.fundId, fundId))
      .orderBy(asc(fundCarryOvers.fromYear)),
  ]);
  const table = buildStatusTable({
    key: { basis: row.keyBasis, year: row.keyYear },
    parties: fps.map((p) => ({ partyId: p.partyId, name: p.name, inKey: p.inKey, keyWeight: p.keyWeight })),
    income: income.map((i) => ({ partyId: i.partyId, year: i.year, amountOre: i.amountOre })),
    grants: visible.visible.map((g) => ({
      id: g.row.id,
      title: g.row.title,
      initiativeId: g.row.initiativeId,
      status: g.row.status,
      approvedOn: g.row.approvedOn,
      pendingUntil: g.row.pendingUntil,
      declaredTotalOre: g.row.declaredTotalOre,
      parts: g.parts.map((p) => ({ partyId: p.partyId, amountOre: p.amountOre, byKey: p.byKey })),
    })),
    carryOvers: carryOvers.map(toCarryOver),
    formatOre: formatOreNumber,
  });
  return {
    fund: presentFund(row, fps),
    table,
    grants: visible.visible.map((g) => presentGrant(ctx, g.row, g.parts, g.item)),
    partial: visible.hidden > 0,
  };
}

const moneyMap = (m: Map<number, bigint>) =>
  Object.fromEntries([...m].map(([k, v]) => [String(k), v.toString()]));

export function presentCarryOver(c: CarryOverRow) {
  return {
    ...presentMeta(c),
    fundId: c.fundId,
    fromYear: c.fromYear,
    toYear: c.toYear,
    decidedOn: c.decidedOn,
    itemId: c.itemId,
    parts: c.parts,
  };
}

/** The status table as JSON: every amount an exact øre string. */
export function presentFundStatus(s: FundStatus, carryOvers: CarryOverRow[]): TStatusTableOut {
  const t = s.table;
  return {
    fund: s.fund,
    years: t.years,
    rows: t.rows.map((r) => ({
      partyId: r.partyId,
      name: r.name,
      income: moneyMap(r.income),
      incomeTotal: r.incomeTotal.toString(),
      share: r.share,
      grants: moneyMap(r.grants),
      granted: r.granted.toString(),
      remaining: r.remaining.toString(),
    })),
    totals: {
      income: moneyMap(t.totals.income),
      incomeTotal: t.totals.incomeTotal.toString(),
      grants: moneyMap(t.totals.grants),
      granted: t.totals.granted.toString(),
      remaining: t.totals.remaining.toString(),
    },
    grants: s.grants,
    carryOvers: carryOvers.map(presentCarryOver),
    problems: t.problems,
    partial: s.partial,
  };
}

export async function getFundStatusJson(ctx: Ctx, fundId: number) {
  const status = await loadFundStatus(ctx, fundId);
  const carryOvers = await ctx.db
    .select()
    .from(fundCarryOvers)
    .where(eq(fundCarryOvers.fundId, fundId))
    .orderBy(asc(fundCarryOvers.fromYear));
  return presentFundStatus(status, carryOvers);
}

/**
 * Records the decision to carry what is unspent at the end of a year over to the next year: per party,
 * the income up to and including that year minus every grant (approved or pending) dated in or before it.
 */
export async function carryOver(
  ctx: Ctx,
  fundId: number,
  input: { fromYear: number; decidedOn: string; itemId?: number | null | undefined },
) {
  const fund = await requireEditableFund(ctx, fundId);
  const existing = await ctx.db.select().from(fundCarryOvers).where(eq(fundCarryOvers.fundId, fundId));
  if (existing.some((c) => c.fromYear === input.fromYear)) {
    throw new AppError("conflict", `Overførslen fra ${input.fromYear} er allerede besluttet.`);
  }
  const status = await loadFundStatus({ db: ctx.db, actor: ctx.actor }, fundId);
  if (!status.table.years.includes(input.fromYear)) {
    throw invalid("fromYear", `Puljen har ingen indtægter i ${input.fromYear}.`);
  }
  const end = `${input.fromYear}-12-31`;
  const dated = status.table.grants.filter((g) => (g.approvedOn ?? g.pendingUntil ?? "0000") <= end);
  const parts = status.table.rows.map((r) => {
    const income = sumOre([...r.income].filter(([y]) => y <= input.fromYear).map(([, v]) => v));
    const granted = sumOre(dated.map((g) => r.grants.get(g.id) ?? 0n));
    return { partyId: r.partyId, amountOre: (income - granted).toString() };
  });
  const [row] = await ctx.db
    .insert(fundCarryOvers)
    .values({
      fundId: fund.id,
      fromYear: input.fromYear,
      toYear: input.fromYear + 1,
      decidedOn: input.decidedOn,
      itemId: input.itemId ?? null,
      parts,
    })
    .returning();
  await recordHistory(ctx, {
    fundId,
    entity: "carry_over",
    entityId: row?.id ?? null,
    action: "create",
    after: row,
  });
  return presentCarryOver(row as CarryOverRow);
}
