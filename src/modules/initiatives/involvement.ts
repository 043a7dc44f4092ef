/**
 * Which municipalities an initiative involves, for the map and the municipality filter: the parties
 * named on it; without named municipalities, every municipality of its clusters, or of its region when
 * it is carried out jointly or in parallel across the region. Pure.
 */
import type { MapRegion } from "./map.ts";

export function involvedMunicipalities(
  i: { partyIds: number[]; clusters: string[]; region: string | null },
  geography: MapRegion[],
): Set<number> {
  const all = geography.flatMap((r) =>
    r.clusters.flatMap((c) => c.municipalities.map((m) => ({ ...m, cluster: c.name, region: r.name }))),
  );
  const municipalIds = new Set(all.map((m) => m.partyId));
  const named = i.partyIds.filter((id) => municipalIds.has(id));
  if (named.length > 0) {
    return new Set(named);
  }
  if (i.clusters.length > 0) {
    return new Set(all.filter((m) => i.clusters.includes(m.cluster)).map((m) => m.partyId));
  }
  return new Set(all.filter((m) => i.region === null || m.region === i.region).map((m) => m.partyId));
}

/** Per municipality, how many of the initiatives involve it. */
export function countPerMunicipality(
  list: { partyIds: number[]; clusters: string[]; region: string | null }[],
  geography: MapRegion[],
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const i of list) {
    for (const id of involvedMunicipalities(i, geography)) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}
