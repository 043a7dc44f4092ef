import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { deleteVersioned, getById, updateVersioned } from "../../db/crud.ts";
import { formatOreNumber, sumOre } from "../../lib/money.ts";
import type { Ctx } from "../../server/context.ts";
import { notFound } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { getItemWithMeeting } from "../meetings/index.ts";
import type { TGrant, TGrantInput, TGrantUpdate } from "./funds.schemas.ts";
import {
  type FundRow,
  getFundRow,
  invalid,
  loadFundParties,
  loadIncome,
  recordHistory,
  requireEditableFund,
} from "./funds.service.ts";
import { funds, grantParts, grants } from "./funds.tables.ts";
import { canSeeGrant, type ItemInfo, loadItemInfo, presentItemRef } from "./grants.access.ts";
import { keyWeights, grantParts as splitParts } from "./status-table.ts";

export type GrantRow = typeof grants.$inferSelect;
export type GrantPartRow = typeof grantParts.$inferSelect;
const WHAT = "Bevillingen";

export function presentGrant(
  ctx: Ctx,
  row: GrantRow,
  parts: GrantPartRow[],
  item: ItemInfo | undefined,
): TGrant {
  const total = sumOre(parts.map((p) => p.amountOre));
  return {
    ...presentMeta(row),
    fundId: row.fundId,
    initiativeId: row.initiativeId,
    title: row.title,
    status: row.status,
    approvedByBodyId: row.approvedByBodyId,
    approvedOn: row.approvedOn,
    pendingUntil: row.pendingUntil,
    item: presentItemRef(ctx.actor, item),
    totalOre: total.toString(),
    declaredTotalOre: row.declaredTotalOre === null ? null : row.declaredTotalOre.toString(),
    mismatchOre:
      row.declaredTotalOre !== null && row.declaredTotalOre !== total
        ? (total - row.declaredTotalOre).toString()
        : null,
    parts: parts.map((p) => ({ partyId: p.partyId, amountOre: p.amountOre.toString(), byKey: p.byKey })),
  };
}

/** The grants of funds (or of initiatives) that the reader may see, with their parts and items. */
export async function loadVisibleGrants(
  ctx: Ctx,
  where: { fundIds?: number[]; initiativeIds?: number[] },
): Promise<{
  visible: { row: GrantRow; parts: GrantPartRow[]; item: ItemInfo | undefined }[];
  hidden: number;
}> {
  const condition = where.fundIds
    ? inArray(grants.fundId, where.fundIds.length ? where.fundIds : [0])
    : inArray(grants.initiativeId, where.initiativeIds?.length ? where.initiativeIds : [0]);
  const rows = await ctx.db.select().from(grants).where(condition).orderBy(asc(grants.id));
  if (rows.length === 0) {
    return { visible: [], hidden: 0 };
  }
  const fundRows = await ctx.db
    .select({ id: funds.id, bodyId: funds.bodyId })
    .from(funds)
    .where(inArray(funds.id, [...new Set(rows.map((r) => r.fundId))]));
  const bodyOf = new Map(fundRows.map((f) => [f.id, f.bodyId]));
  const items = await loadItemInfo(
    ctx.db,
    rows.flatMap((r) => (r.itemId === null ? [] : [r.itemId])),
  );
  const shown = rows.filter((r) =>
    canSeeGrant(ctx.actor, bodyOf.get(r.fundId) ?? 0, r, r.itemId === null ? undefined : items.get(r.itemId)),
  );
  const parts = shown.length
    ? await ctx.db
        .select()
        .from(grantParts)
        .where(
          inArray(
            grantParts.grantId,
            shown.map((r) => r.id),
          ),
        )
        .orderBy(asc(grantParts.id))
    : [];
  return {
    visible: shown.map((row) => ({
      row,
      parts: parts.filter((p) => p.grantId === row.id),
      item: row.itemId === null ? undefined : items.get(row.itemId),
    })),
    hidden: rows.length - shown.length,
  };
}

async function loadGrant(ctx: Ctx, id: number) {
  const row = await getById<GrantRow>(ctx.db, grants, id, WHAT);
  const { visible } = await loadVisibleGrants(ctx, { fundIds: [row.fundId] });
  const found = visible.find((g) => g.row.id === id);
  if (!found) {
    throw notFound(WHAT);
  }
  return found;
}

export async function getGrant(ctx: Ctx, id: number): Promise<TGrant> {
  const g = await loadGrant(ctx, id);
  return presentGrant(ctx, g.row, g.parts, g.item);
}

export async function listGrants(ctx: Ctx, fundId: number): Promise<TGrant[]> {
  await getFundRow(ctx.db, fundId);
  const { visible } = await loadVisibleGrants(ctx, { fundIds: [fundId] });
  return visible.map((g) => presentGrant(ctx, g.row, g.parts, g.item));
}

/** The parts a grant would get: explicit amounts plus an amount split by the fund's key. Pure of writes. */
export async function computeGrantParts(
  db: DbOrTx,
  fund: FundRow,
  input: Pick<TGrantInput, "parts" | "keyAmountOre">,
) {
  const fps = await loadFundParties(db, fund.id);
  const inFund = new Set(fps.map((p) => p.partyId));
  input.parts.forEach((p, i) => {
    if (!inFund.has(p.partyId)) {
      throw invalid(`parts.${i}.partyId`, "Parten er ikke med i puljen.");
    }
    if (input.parts.findIndex((q) => q.partyId === p.partyId) !== i) {
      throw invalid(`parts.${i}.partyId`, "Parten står der to gange.");
    }
  });
  const keyAmount = input.keyAmountOre ?? null;
  const explicitTotal = sumOre(input.parts.map((p) => p.amountOre));
  if ((keyAmount ?? 0n) + explicitTotal === 0n) {
    throw invalid(
      "parts",
      "Bevillingen skal have et beløb: angiv beløb pr. part eller et beløb efter nøglen.",
    );
  }
  const weights = keyWeights(
    { basis: fund.keyBasis, year: fund.keyYear },
    fps.map((p) => ({ partyId: p.partyId, name: p.name, inKey: p.inKey, keyWeight: p.keyWeight })),
    (await loadIncome(db, fund.id)).map((i) => ({
      partyId: i.partyId,
      year: i.year,
      amountOre: i.amountOre,
    })),
  );
  const named = new Set(input.parts.map((p) => p.partyId));
  if (keyAmount && sumOre([...weights].filter(([id]) => !named.has(id)).map(([, w]) => w)) === 0n) {
    throw invalid(
      "keyAmountOre",
      fund.keyBasis === "decided"
        ? "Fordelingsnøglen har ingen vægte: sæt parternes vægte først."
        : "Fordelingsnøglen har ingen indtægter at fordele efter: registrér indtægter først.",
    );
  }
  return {
    parts: splitParts(input.parts, keyAmount, weights),
    names: new Map(fps.map((p) => [p.partyId, p.name])),
  };
}

/** The split preview shown before a grant is saved. */
export async function previewGrant(ctx: Ctx, fundId: number, input: TGrantInput) {
  const fund = await requireEditableFund(ctx, fundId);
  const { parts, names } = await computeGrantParts(ctx.db, fund, input);
  const total = sumOre(parts.map((p) => p.amountOre));
  const declared = input.declaredTotalOre ?? null;
  return {
    totalOre: total.toString(),
    parts: parts.map((p) => ({
      partyId: p.partyId,
      name: names.get(p.partyId) ?? "?",
      amountOre: p.amountOre.toString(),
      byKey: p.byKey,
      formatted: formatOreNumber(p.amountOre),
    })),
    mismatchOre: declared !== null && declared !== total ? (total - declared).toString() : null,
  };
}

async function checkLinks(ctx: Ctx, input: Partial<Pick<TGrantInput, "itemId" | "status" | "approvedOn">>) {
  if (input.itemId) {
    await getItemWithMeeting(ctx, input.itemId).catch(() => {
      throw invalid("itemId", "Dagsordenspunktet findes ikke.");
    });
  }
}

export async function createGrant(ctx: Ctx, fundId: number, input: TGrantInput): Promise<TGrant> {
  const fund = await requireEditableFund(ctx, fundId);
  await checkLinks(ctx, input);
  const status = input.status ?? (input.approvedOn ? "approved" : "pending");
  if (status === "approved" && !input.approvedOn) {
    throw invalid("approvedOn", "En godkendt bevilling skal have en godkendelsesdato.");
  }
  const { parts } = await computeGrantParts(ctx.db, fund, input);
  const [row] = await ctx.db
    .insert(grants)
    .values({
      fundId,
      title: input.title,
      initiativeId: input.initiativeId ?? null,
      status,
      approvedByBodyId: input.approvedByBodyId ?? null,
      itemId: input.itemId ?? null,
      approvedOn: input.approvedOn ?? null,
      pendingUntil: input.pendingUntil ?? null,
      declaredTotalOre: input.declaredTotalOre ?? null,
    })
    .returning();
  const grant = row as GrantRow;
  const partRows = await ctx.db
    .insert(grantParts)
    .values(
      parts.map((p) => ({ grantId: grant.id, partyId: p.partyId, amountOre: p.amountOre, byKey: p.byKey })),
    )
    .returning();
  await recordHistory(ctx, {
    fundId,
    entity: "grant",
    entityId: grant.id,
    action: "create",
    after: { ...grant, parts: partRows },
  });
  const items = await loadItemInfo(ctx.db, grant.itemId ? [grant.itemId] : []);
  return presentGrant(ctx, grant, partRows, grant.itemId ? items.get(grant.itemId) : undefined);
}

export async function updateGrant(ctx: Ctx, id: number, input: TGrantUpdate): Promise<TGrant> {
  const current = await getById<GrantRow>(ctx.db, grants, id, WHAT);
  await requireEditableFund(ctx, current.fundId);
  await checkLinks(ctx, input);
  const { version, ...values } = input;
  const next = { ...current, ...values };
  if (next.status === "approved" && !next.approvedOn) {
    throw invalid("approvedOn", "En godkendt bevilling skal have en godkendelsesdato.");
  }
  const row = await updateVersioned<GrantRow>(ctx.db, grants, id, version, values, WHAT);
  await recordHistory(ctx, {
    fundId: row.fundId,
    entity: "grant",
    entityId: id,
    action: "update",
    before: current,
    after: row,
  });
  const parts = await ctx.db
    .select()
    .from(grantParts)
    .where(eq(grantParts.grantId, id))
    .orderBy(asc(grantParts.id));
  const items = await loadItemInfo(ctx.db, row.itemId ? [row.itemId] : []);
  return presentGrant(ctx, row, parts, row.itemId ? items.get(row.itemId) : undefined);
}

export async function deleteGrant(ctx: Ctx, id: number, version: number | undefined) {
  const current = await getById<GrantRow>(ctx.db, grants, id, WHAT);
  await requireEditableFund(ctx, current.fundId);
  const parts = await ctx.db.select().from(grantParts).where(eq(grantParts.grantId, id));
  await deleteVersioned(ctx.db, grants, id, version, WHAT);
  await recordHistory(ctx, {
    fundId: current.fundId,
    entity: "grant",
    entityId: id,
    action: "delete",
    before: { ...current, parts },
  });
}
