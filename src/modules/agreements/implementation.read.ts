/**
 * The implementation matrix (issue 22.3): parties × agreements in force, each cell the newest recorded
 * change (or "not started" for a party of the agreement without one). A party belongs to an agreement
 * when it sits in the owner group today or has a recorded state. The matrix is as public as the
 * agreements in force it is about (docs/implementation.md).
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { todayInDenmark } from "../auth/index.ts";
import { parties } from "../parties/index.ts";
import { memberships } from "../people/index.ts";
import { referenceAreas, referenceMemberships } from "../reference/index.ts";
import { IN_FORCE } from "./agreements.rules.ts";
import {
  agreements,
  IMPLEMENTATION_STATES,
  type ImplementationState,
  implementationChanges,
} from "./agreements.tables.ts";
import type { TMatrix, TMatrixCell, TMatrixQuery } from "./implementation.schemas.ts";

export type ChangeRow = typeof implementationChanges.$inferSelect;

export function presentCell(row: ChangeRow): TMatrixCell {
  return {
    agreementId: row.agreementId,
    partyId: row.partyId,
    state: row.state,
    since: row.since,
    plannedOn: row.plannedOn,
    reason: row.reason,
    note: row.note,
    changedBy: row.changedBy,
    changedAt: row.createdAt.toISOString(),
  };
}

export const emptyCell = (agreementId: number, partyId: number): TMatrixCell => ({
  agreementId,
  partyId,
  state: "not_started",
  since: null,
  plannedOn: null,
  reason: "",
  note: "",
  changedBy: "",
  changedAt: null,
});

/** The newest change of each cell of these agreements. */
export async function newestChanges(db: DbOrTx, agreementIds: number[]): Promise<ChangeRow[]> {
  if (agreementIds.length === 0) {
    return [];
  }
  return db
    .selectDistinctOn([implementationChanges.agreementId, implementationChanges.partyId])
    .from(implementationChanges)
    .where(inArray(implementationChanges.agreementId, agreementIds))
    .orderBy(
      implementationChanges.agreementId,
      implementationChanges.partyId,
      desc(implementationChanges.id),
    );
}

/** The municipality codes of a cluster or sundhedsråd in the reference data (any period). */
async function municipalityCodesOf(db: DbOrTx, kind: "cluster" | "health_council", code: string) {
  const child = alias(referenceAreas, "child");
  const rows = await db
    .selectDistinct({ code: child.code })
    .from(referenceMemberships)
    .innerJoin(referenceAreas, eq(referenceAreas.id, referenceMemberships.parentId))
    .innerJoin(child, eq(child.id, referenceMemberships.areaId))
    .where(and(eq(referenceAreas.kind, kind), eq(referenceAreas.code, code), eq(child.kind, "municipality")));
  return new Set(rows.map((r) => r.code));
}

/** The clusters and sundhedsråd a reader can filter by. */
export async function areaChoices({ db }: Ctx) {
  const rows = await db
    .select({ kind: referenceAreas.kind, code: referenceAreas.code, name: referenceAreas.name })
    .from(referenceAreas)
    .where(inArray(referenceAreas.kind, ["cluster", "health_council"]))
    .orderBy(asc(referenceAreas.name));
  return {
    clusters: rows.filter((r) => r.kind === "cluster").map(({ code, name }) => ({ code, name })),
    councils: rows.filter((r) => r.kind === "health_council").map(({ code, name }) => ({ code, name })),
  };
}

/** The matrix as the filters ask for it. */
export async function loadMatrix({ db }: Ctx, query: TMatrixQuery): Promise<TMatrix> {
  const inForce = await db
    .select({
      id: agreements.id,
      title: agreements.title,
      status: agreements.status,
      ownerBodyId: agreements.ownerBodyId,
    })
    .from(agreements)
    .where(inArray(agreements.status, [...IN_FORCE]))
    .orderBy(asc(agreements.title), asc(agreements.id));
  const ids = inForce.map((a) => a.id);
  const changes = await newestChanges(db, ids);
  const today = todayInDenmark();
  const ownerBodies = [...new Set(inForce.map((a) => a.ownerBodyId))];
  const seats = ownerBodies.length
    ? await db
        .selectDistinct({ bodyId: memberships.bodyId, partyId: memberships.partyId })
        .from(memberships)
        .where(
          and(
            inArray(memberships.bodyId, ownerBodies),
            isNotNull(memberships.partyId),
            or(isNull(memberships.from), lte(memberships.from, today)),
            or(isNull(memberships.to), gte(memberships.to, today)),
          ),
        )
    : [];
  const members = new Map<number, Set<number>>();
  for (const a of inForce) {
    const set = new Set<number>();
    for (const s of seats) {
      if (s.bodyId === a.ownerBodyId && s.partyId !== null) {
        set.add(s.partyId);
      }
    }
    members.set(a.id, set);
  }
  for (const c of changes) {
    members.get(c.agreementId)?.add(c.partyId);
  }
  const partyIds = [...new Set([...members.values()].flatMap((s) => [...s]))];
  let partyRows = partyIds.length
    ? await db
        .select({
          id: parties.id,
          name: parties.name,
          type: parties.type,
          region: parties.region,
          code: sql<string | null>`coalesce(${parties.municipalityCode}, ${parties.code})`,
        })
        .from(parties)
        .where(inArray(parties.id, partyIds))
    : [];
  const typeOrder = (t: string) => ["region", "municipality", "general_practice"].indexOf(t) + 1 || 9;
  partyRows.sort((x, y) => typeOrder(x.type) - typeOrder(y.type) || x.name.localeCompare(y.name, "da"));
  const choices = {
    regions: [...new Set(partyRows.flatMap((p) => (p.region ? [p.region] : [])))].sort((x, y) =>
      x.localeCompare(y, "da"),
    ),
    parties: partyRows.map(({ id, name }) => ({ id, name })),
    agreements: inForce.map(({ id, title }) => ({ id, title })),
  };
  if (query.partyId) {
    partyRows = partyRows.filter((p) => p.id === query.partyId);
  }
  if (query.region) {
    partyRows = partyRows.filter((p) => p.region === query.region);
  }
  for (const [kind, code] of [
    ["cluster", query.cluster],
    ["health_council", query.council],
  ] as const) {
    if (code) {
      const codes = await municipalityCodesOf(db, kind, code);
      partyRows = partyRows.filter((p) => p.type === "municipality" && p.code !== null && codes.has(p.code));
    }
  }
  const shown = new Set(partyRows.map((p) => p.id));
  const newest = new Map(changes.map((c) => [`${c.agreementId}:${c.partyId}`, c]));
  const cells: TMatrixCell[] = [];
  const counts = Object.fromEntries(IMPLEMENTATION_STATES.map((s) => [s, 0])) as Record<
    ImplementationState,
    number
  >;
  for (const a of inForce) {
    if (query.agreementId && a.id !== query.agreementId) {
      continue;
    }
    for (const partyId of members.get(a.id) ?? []) {
      if (shown.has(partyId)) {
        const row = newest.get(`${a.id}:${partyId}`);
        const cell = row ? presentCell(row) : emptyCell(a.id, partyId);
        counts[cell.state] += 1;
        cells.push(cell);
      }
    }
  }
  return {
    agreements: inForce
      .filter((a) => cells.some((c) => c.agreementId === a.id) || query.agreementId === a.id)
      .map(({ id, title, status }) => ({ id, title, status })),
    parties: partyRows.map(({ id, name, type, region }) => ({ id, name, type, region })),
    cells,
    counts,
    choices,
  };
}
