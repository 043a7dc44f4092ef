/** Counts and filters over initiatives: pure functions for the overview, the map and the tests. */
import {
  INITIATIVE_PHASES,
  INITIATIVE_RAGS,
  type InitiativePhase,
  type InitiativeRag,
} from "./initiatives.tables.ts";

export interface CountedInitiative {
  focusArea: string;
  phase: InitiativePhase;
  rag: InitiativeRag;
}

/** Counts per phase, per red/yellow/green and per focus area (as the regions' monitoring tables show). */
export function countInitiatives(list: CountedInitiative[]) {
  const byPhase = Object.fromEntries(INITIATIVE_PHASES.map((p) => [p, 0])) as Record<InitiativePhase, number>;
  const byRag = Object.fromEntries(INITIATIVE_RAGS.map((r) => [r, 0])) as Record<InitiativeRag, number>;
  const areas = new Map<string, { total: number; byRag: Record<InitiativeRag, number> }>();
  for (const i of list) {
    byPhase[i.phase]++;
    byRag[i.rag]++;
    const area = areas.get(i.focusArea) ?? { total: 0, byRag: { green: 0, yellow: 0, red: 0 } };
    area.total++;
    area.byRag[i.rag]++;
    areas.set(i.focusArea, area);
  }
  return {
    total: list.length,
    byPhase,
    byRag,
    byFocusArea: [...areas]
      .sort(([a], [b]) => a.localeCompare(b, "da"))
      .map(([focusArea, v]) => ({ focusArea, total: v.total, byRag: v.byRag })),
  };
}

/** Why a status needs a reason: yellow and red say what is wrong; stopping says why. Null when fine. */
export function statusReasonError(s: {
  phase: InitiativePhase;
  rag: InitiativeRag;
  reason: string | null | undefined;
}): string | null {
  const reason = s.reason?.trim() ?? "";
  if ((s.rag === "yellow" || s.rag === "red") && reason === "") {
    return "En gul eller rød status skal have en begrundelse.";
  }
  if (s.phase === "stopped" && reason === "") {
    return "Skriv, hvorfor indsatsen er stoppet.";
  }
  return null;
}

/** The status in force on a day: the latest change effective on or before it (the list in any order). */
export function statusOn<T extends { effectiveOn: string; id: number }>(changes: T[], day: string): T | null {
  let best: T | null = null;
  for (const c of changes) {
    if (
      c.effectiveOn <= day &&
      (!best || c.effectiveOn > best.effectiveOn || (c.effectiveOn === best.effectiveOn && c.id > best.id))
    ) {
      best = c;
    }
  }
  return best;
}
