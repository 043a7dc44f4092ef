/**
 * The initiative map's Denmark part: one row per municipality of the reference data with its regions
 * before and after 1 January 2027, its clusters and sundhedsråd, its party (when loaded) and how many
 * of the shown initiatives involve it; and the area filter (region, cluster, sundhedsråd). Pure.
 */
import { inPeriod, type ReferenceData } from "../reference/index.ts";

export const LAST_OLD_DAY = "2026-12-31";
export const FIRST_NEW_DAY = "2027-01-01";

export interface DenmarkRow {
  code: string;
  name: string;
  partyId: number | null;
  regionBefore: string;
  regionAfter: string;
  clusters: string[];
  councils: string[];
  /** "kind:code" of every area the municipality belongs to at some time */
  parents: Set<string>;
  count: number;
}

export interface DenmarkFilter {
  region?: string;
  cluster?: string;
  council?: string;
}

export interface DenmarkOptions {
  regions: { code: string; name: string }[];
  clusters: { code: string; name: string }[];
  councils: { code: string; name: string }[];
}

/** Query names of the area filter. */
export const DK_PARAMS = { region: "dk-region", cluster: "dk-klynge", council: "dk-sundhedsraad" } as const;

export function denmarkOptions(data: ReferenceData): DenmarkOptions {
  const of = (kind: string) =>
    data.areas
      .filter((a) => a.kind === kind)
      .map((a) => ({ code: a.code, name: a.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "da"));
  return { regions: of("region"), clusters: of("cluster"), councils: of("health_council") };
}

/** Reads the area filter; unknown codes are ignored. */
export function denmarkFilterFromQuery(q: Record<string, unknown>, o: DenmarkOptions): DenmarkFilter {
  const pick = (name: string, list: { code: string }[]) => {
    const v = q[name];
    return typeof v === "string" && list.some((x) => x.code === v) ? v : undefined;
  };
  const f: DenmarkFilter = {};
  const region = pick(DK_PARAMS.region, o.regions);
  const cluster = pick(DK_PARAMS.cluster, o.clusters);
  const council = pick(DK_PARAMS.council, o.councils);
  if (region) {
    f.region = region;
  }
  if (cluster) {
    f.cluster = cluster;
  }
  if (council) {
    f.council = council;
  }
  return f;
}

export function denmarkParams(f: DenmarkFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, name] of Object.entries(DK_PARAMS)) {
    const v = f[k as keyof DenmarkFilter];
    if (v) {
      out[name] = v;
    }
  }
  return out;
}

/** Does a municipality pass the area filter (membership at any time counts)? */
export function inDenmarkFilter(row: DenmarkRow, f: DenmarkFilter): boolean {
  const wanted = [
    f.region ? `region:${f.region}` : undefined,
    f.cluster ? `cluster:${f.cluster}` : undefined,
    f.council ? `health_council:${f.council}` : undefined,
  ];
  return wanted.every((k) => k === undefined || row.parents.has(k));
}

export function denmarkRows(
  data: ReferenceData,
  partyIdByCode: Map<string, number>,
  counts: Map<number, number>,
): DenmarkRow[] {
  const names = new Map(data.areas.map((a) => [`${a.kind}:${a.code}`, a.name]));
  const rows = new Map<string, DenmarkRow>();
  for (const a of data.areas) {
    if (a.kind === "municipality") {
      const partyId = partyIdByCode.get(a.code) ?? null;
      rows.set(a.code, {
        code: a.code,
        name: a.name,
        partyId,
        regionBefore: "",
        regionAfter: "",
        clusters: [],
        councils: [],
        parents: new Set(),
        count: partyId === null ? 0 : (counts.get(partyId) ?? 0),
      });
    }
  }
  for (const m of data.memberships) {
    const row = m.kind === "municipality" ? rows.get(m.code) : undefined;
    if (!row) {
      continue;
    }
    const name = names.get(`${m.parentKind}:${m.parentCode}`) ?? m.parentCode;
    row.parents.add(`${m.parentKind}:${m.parentCode}`);
    if (m.parentKind === "region") {
      if (inPeriod(LAST_OLD_DAY, m.validFrom, m.validTo)) {
        row.regionBefore = name;
      }
      if (inPeriod(FIRST_NEW_DAY, m.validFrom, m.validTo)) {
        row.regionAfter = name;
      }
    } else if (m.parentKind === "cluster") {
      row.clusters.push(name);
    } else if (m.parentKind === "health_council") {
      row.councils.push(name);
    }
  }
  return [...rows.values()].sort((a, b) => Number(a.code) - Number(b.code) || a.code.localeCompare(b.code));
}
