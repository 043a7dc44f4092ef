import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { bodies } from "../bodies/index.ts";
import { parties } from "../parties/index.ts";
import { memberships } from "../people/index.ts";
import type { MapRegion } from "./map.ts";

/**
 * The map's geography from the data itself: regions from the parties, and each municipality's cluster
 * from where its representatives sit (memberships of bodies that belong to a cluster). A municipality
 * with no cluster body yet is drawn under "Uden klynge".
 */
export async function loadGeography(ctx: Ctx): Promise<MapRegion[]> {
  const municipalities = await ctx.db
    .select({ id: parties.id, name: parties.name, region: parties.region, code: parties.municipalityCode })
    .from(parties)
    .where(eq(parties.type, "municipality"))
    .orderBy(asc(parties.name));
  const seats = await ctx.db
    .selectDistinct({ partyId: memberships.partyId, cluster: bodies.cluster })
    .from(memberships)
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .where(and(isNotNull(bodies.cluster), isNotNull(memberships.partyId)));
  const clusterOf = new Map<number, string>();
  for (const s of seats) {
    if (s.partyId !== null && s.cluster && !clusterOf.has(s.partyId)) {
      clusterOf.set(s.partyId, s.cluster);
    }
  }
  const regions = new Map<string, Map<string, { partyId: number; name: string }[]>>();
  for (const m of municipalities) {
    const region = m.region ?? "Uden region";
    const cluster = clusterOf.get(m.id) ?? "Uden klynge";
    const clusters = regions.get(region) ?? new Map();
    clusters.set(cluster, [...(clusters.get(cluster) ?? []), { partyId: m.id, name: m.name }]);
    regions.set(region, clusters);
  }
  return [...regions]
    .sort(([a], [b]) => a.localeCompare(b, "da"))
    .map(([name, clusters]) => ({
      name,
      clusters: [...clusters]
        .sort(([a], [b]) => a.localeCompare(b, "da"))
        .map(([cluster, ms]) => ({ name: cluster, municipalities: ms })),
    }));
}
