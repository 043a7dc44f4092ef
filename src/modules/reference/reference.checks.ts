import type { ReferenceData } from "./reference.data.ts";
import type { AreaKind } from "./reference.tables.ts";

/** Is the day inside the period (both ends included, null = open)? */
export function inPeriod(day: string, from: string | null, to: string | null): boolean {
  return (from === null || from <= day) && (to === null || day <= to);
}

/** The parents of one kind that each municipality has on a day, by municipality code. */
export function parentsOn(data: ReferenceData, day: string, parentKind: AreaKind): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of data.areas) {
    if (a.kind === "municipality" && inPeriod(day, a.validFrom, a.validTo)) {
      out.set(a.code, []);
    }
  }
  for (const m of data.memberships) {
    if (m.kind === "municipality" && m.parentKind === parentKind && inPeriod(day, m.validFrom, m.validTo)) {
      out.get(m.code)?.push(m.parentCode);
    }
  }
  return out;
}

/**
 * The rules every load must keep (Danish messages): no two memberships of the same pair overlap in
 * time, and no municipality is in two regions (or two sundhedsråd) on the same day. Clusters may
 * overlap: Københavns Kommune took part in two clusters (docs/reference-data.md).
 */
export function consistencyProblems(data: ReferenceData): string[] {
  const problems: string[] = [];
  const byArea = new Map<string, ReferenceData["memberships"]>();
  for (const m of data.memberships) {
    const key = `${m.kind}:${m.code}`;
    byArea.set(key, [...(byArea.get(key) ?? []), m]);
  }
  for (const [key, list] of byArea) {
    for (const kind of ["region", "health_council"] as const) {
      const ms = list
        .filter((m) => m.parentKind === kind)
        .sort((a, b) => ((a.validFrom ?? "") < (b.validFrom ?? "") ? -1 : 1));
      for (let i = 1; i < ms.length; i++) {
        const prev = ms[i - 1];
        const cur = ms[i];
        if (
          prev &&
          cur &&
          (prev.validTo === null ||
            (cur.validFrom !== null && cur.validFrom <= prev.validTo) ||
            cur.validFrom === null)
        ) {
          problems.push(
            `${key.replace(":", " ")} hører under to områder af typen ${kind} på samme tid (${prev.parentCode} og ${cur.parentCode}).`,
          );
        }
      }
    }
  }
  return problems;
}
