import { and, eq, isNotNull } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { parties } from "../parties/index.ts";
import { type DenmarkLayout, getReferenceData, layoutDenmark, shippedPositions } from "../reference/index.ts";
import type { DenmarkMapData } from "./denmark.pages.tsx";
import { denmarkFilterFromQuery, denmarkOptions, denmarkRows } from "./denmark.ts";

let layoutCache: { key: string; layout: DenmarkLayout } | undefined;

/** The layout for these municipality codes (the shipped positions; computed once per set of codes). */
function layoutFor(codes: string[]): DenmarkLayout {
  const key = codes.join(",");
  if (layoutCache?.key !== key) {
    const wanted = new Set(codes);
    layoutCache = { key, layout: layoutDenmark(shippedPositions().filter((p) => wanted.has(p.code))) };
  }
  return layoutCache.layout;
}

/**
 * The map of Denmark for the initiative map, or null when no reference data is loaded. Parties with an
 * official municipality code are the map's municipalities; `counts` is per party id.
 */
export async function loadDenmarkMap(
  ctx: Ctx,
  query: Record<string, unknown>,
  counts: Map<number, number>,
): Promise<DenmarkMapData | null> {
  const data = await getReferenceData(ctx);
  // The demo's fictional municipalities (source "demo") keep their own map.
  const real = { ...data, areas: data.areas.filter((a) => a.source !== "demo") };
  const codes = real.areas.filter((a) => a.kind === "municipality").map((a) => a.code);
  if (codes.length === 0) {
    return null;
  }
  const coded = await ctx.db
    .select({ id: parties.id, code: parties.code })
    .from(parties)
    .where(and(eq(parties.type, "municipality"), isNotNull(parties.code)));
  const partyIdByCode = new Map(coded.map((p) => [p.code as string, p.id]));
  const options = denmarkOptions(real);
  return {
    rows: denmarkRows(real, partyIdByCode, counts),
    layout: layoutFor(codes.sort()),
    options,
    filter: denmarkFilterFromQuery(query, options),
  };
}

/** Party ids of the municipalities that are on the map of Denmark (left out of the demo's own map). */
export async function codedMunicipalityIds(ctx: Ctx): Promise<Set<number>> {
  const rows = await ctx.db
    .select({ id: parties.id, code: parties.code })
    .from(parties)
    .where(and(eq(parties.type, "municipality"), isNotNull(parties.code)));
  const drawn = new Set(shippedPositions().map((p) => p.code));
  return new Set(rows.filter((r) => drawn.has(r.code as string)).map((r) => r.id));
}
