/**
 * Per-party variants of an initiative (issue 22.5): each participating party's model, whether it takes
 * part or stands outside (with the reason), its contact person, and the figures it measured over time.
 * Changes are rows, never overwrites: the latest variant is in force, the rest is the history.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getById } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { presentMeta } from "../../server/schemas.ts";
import { authorize, todayInDenmark } from "../auth/index.ts";
import { parties } from "../parties/index.ts";
import { listRepresentedParties } from "../people/index.ts";
import { loadGeography } from "./geography.service.ts";
import { type InitiativeRow, invalid } from "./initiatives.service.ts";
import {
  initiativeParties,
  initiativePartyFigures,
  initiativePartyVariants,
  initiatives,
} from "./initiatives.tables.ts";
import { involvedMunicipalities } from "./involvement.ts";
import { mayKeepPartyVariant } from "./variants.access.ts";
import type {
  TInitiativeParty,
  TPartyFigure,
  TPartyFigureInput,
  TPartyVariant,
  TPartyVariantInput,
} from "./variants.schemas.ts";

type VariantRow = typeof initiativePartyVariants.$inferSelect;
type FigureRow = typeof initiativePartyFigures.$inferSelect;
const REFUSED =
  "Kun det ejende forums sekretariat eller partens egen repræsentant kan ændre partens variant.";

/** A variant as it leaves the server; the contact person only for a logged-in reader. */
function presentVariant(ctx: Ctx, row: VariantRow): TPartyVariant {
  const inside = ctx.actor.userId !== null || ctx.actor.system;
  return {
    ...presentMeta(row),
    initiativeId: row.initiativeId,
    partyId: row.partyId,
    model: row.model,
    participation: row.participation,
    reason: row.reason,
    effectiveOn: row.effectiveOn,
    contactName: inside ? row.contactName : null,
    contactEmail: inside ? row.contactEmail : null,
  };
}

function presentFigure(row: FigureRow): TPartyFigure {
  return {
    ...presentMeta(row),
    initiativeId: row.initiativeId,
    partyId: row.partyId,
    label: row.label,
    value: Number(row.value),
    unit: row.unit,
    sharePercent: row.sharePercent === null ? null : Number(row.sharePercent),
    measuredOn: row.measuredOn,
    period: row.period,
  };
}

/** The parties the actor sits for today — the people module's one answer to "who represents a party". */
function representedParties(ctx: Ctx): Promise<Set<number>> {
  return listRepresentedParties(ctx.db, ctx.actor.userId, todayInDenmark());
}

/**
 * The parties taking part: those named on the initiative, else the municipalities it involves (the map's
 * rule, involvement.ts), and any party that already has a variant or a figure.
 */
async function participatingPartyIds(ctx: Ctx, row: InitiativeRow): Promise<number[]> {
  const named = await ctx.db
    .select({ partyId: initiativeParties.partyId })
    .from(initiativeParties)
    .where(eq(initiativeParties.initiativeId, row.id));
  const ids = new Set(named.map((n) => n.partyId));
  if (ids.size === 0) {
    const geography = await loadGeography(ctx);
    for (const id of involvedMunicipalities(
      { partyIds: [], clusters: row.clusters, region: row.region },
      geography,
    )) {
      ids.add(id);
    }
  }
  for (const table of [initiativePartyVariants, initiativePartyFigures]) {
    const kept = await ctx.db
      .selectDistinct({ partyId: table.partyId })
      .from(table)
      .where(eq(table.initiativeId, row.id));
    for (const k of kept) {
      ids.add(k.partyId);
    }
  }
  return [...ids];
}

/** Every participating party of an initiative with its variant, history and figures, by party name. */
export async function listInitiativeParties(ctx: Ctx, initiativeId: number): Promise<TInitiativeParty[]> {
  const row = await getById<InitiativeRow>(ctx.db, initiatives, initiativeId, "Indsatsen");
  const ids = await participatingPartyIds(ctx, row);
  if (ids.length === 0) {
    return [];
  }
  const [named, variants, figures, represented] = await Promise.all([
    ctx.db.select({ id: parties.id, name: parties.name }).from(parties).where(inArray(parties.id, ids)),
    ctx.db
      .select()
      .from(initiativePartyVariants)
      .where(eq(initiativePartyVariants.initiativeId, initiativeId))
      .orderBy(desc(initiativePartyVariants.effectiveOn), desc(initiativePartyVariants.id)),
    ctx.db
      .select()
      .from(initiativePartyFigures)
      .where(eq(initiativePartyFigures.initiativeId, initiativeId))
      .orderBy(
        asc(initiativePartyFigures.measuredOn),
        asc(initiativePartyFigures.label),
        asc(initiativePartyFigures.id),
      ),
    representedParties(ctx),
  ]);
  return named
    .sort((a, b) => a.name.localeCompare(b.name, "da"))
    .map((p) => {
      const history = variants.filter((v) => v.partyId === p.id).map((v) => presentVariant(ctx, v));
      return {
        partyId: p.id,
        partyName: p.name,
        current: history[0] ?? null,
        history,
        version: history.length,
        figures: figures.filter((f) => f.partyId === p.id).map(presentFigure),
        mayChange: mayKeepPartyVariant(ctx.actor, row, p.id, represented),
      };
    });
}

/** The initiative locked for the change, after the keeper's right and the party's participation are checked. */
async function keepable(ctx: Ctx, initiativeId: number, partyId: number): Promise<InitiativeRow> {
  const row = await getById<InitiativeRow>(ctx.db, initiatives, initiativeId, "Indsatsen");
  authorize(ctx.actor, mayKeepPartyVariant(ctx.actor, row, partyId, await representedParties(ctx)), REFUSED);
  if (!(await participatingPartyIds(ctx, row)).includes(partyId)) {
    throw invalid("partyId", "Parten deltager ikke i indsatsen.");
  }
  // Two changes of the same initiative wait for each other, so the version check below is exact.
  await ctx.db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId))
    .for("update");
  return row;
}

/**
 * Sets a party's variant from a day on (model, in or out with the reason, contact person) as a new row;
 * 409 when another change came since the version the caller read.
 */
export async function setPartyVariant(
  ctx: Ctx,
  initiativeId: number,
  partyId: number,
  input: TPartyVariantInput,
): Promise<TInitiativeParty> {
  await keepable(ctx, initiativeId, partyId);
  const earlier = await ctx.db
    .select({ id: initiativePartyVariants.id })
    .from(initiativePartyVariants)
    .where(
      and(
        eq(initiativePartyVariants.initiativeId, initiativeId),
        eq(initiativePartyVariants.partyId, partyId),
      ),
    );
  if (earlier.length !== input.version) {
    throw new AppError(
      "version_conflict",
      "Partens variant er ændret af en anden, siden du hentede den. Hent siden igen, og se ændringen, før du gemmer.",
    );
  }
  await ctx.db.insert(initiativePartyVariants).values({
    initiativeId,
    partyId,
    model: input.model?.trim() ?? "",
    participation: input.participation,
    reason: input.reason?.trim() || null,
    effectiveOn: input.effectiveOn ?? todayInDenmark(),
    contactName: input.contactName?.trim() || null,
    contactEmail: input.contactEmail?.trim() || null,
    userId: ctx.actor.userId,
  });
  return partyOf(ctx, initiativeId, partyId);
}

/** Adds a figure the party measured for a period. */
export async function addPartyFigure(
  ctx: Ctx,
  initiativeId: number,
  partyId: number,
  input: TPartyFigureInput,
): Promise<TInitiativeParty> {
  await keepable(ctx, initiativeId, partyId);
  await ctx.db.insert(initiativePartyFigures).values({
    initiativeId,
    partyId,
    label: input.label,
    value: input.value.toFixed(2),
    unit: input.unit?.trim() || null,
    sharePercent:
      input.sharePercent === null || input.sharePercent === undefined ? null : input.sharePercent.toFixed(1),
    measuredOn: input.measuredOn,
    period: input.period?.trim() || null,
    userId: ctx.actor.userId,
  });
  return partyOf(ctx, initiativeId, partyId);
}

async function partyOf(ctx: Ctx, initiativeId: number, partyId: number): Promise<TInitiativeParty> {
  const found = (await listInitiativeParties(ctx, initiativeId)).find((p) => p.partyId === partyId);
  if (!found) {
    throw invalid("partyId", "Parten deltager ikke i indsatsen.");
  }
  return found;
}
