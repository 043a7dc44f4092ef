import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { parties } from "../parties/parties.tables.ts";
import { reorganisations, structureSuccessions } from "../reorganisation/reorganisation.tables.ts";
import { bodies } from "./bodies.tables.ts";

export type NodeKind = "body" | "party";

export interface SuccessionLink {
  kind: NodeKind;
  id: number;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  effectiveDate: string;
  reorganisationId: number | null;
  reorganisationTitle: string | null;
}

async function names(db: DbOrTx, kind: NodeKind, ids: number[]) {
  const map = new Map<number, { name: string; validFrom: string | null; validTo: string | null }>();
  if (ids.length === 0) {
    return map;
  }
  const t = kind === "body" ? bodies : parties;
  const rows = await db
    .select({ id: t.id, name: t.name, validFrom: t.validFrom, validTo: t.validTo })
    .from(t)
    .where(inArray(t.id, ids));
  for (const r of rows) {
    map.set(r.id, r);
  }
  return map;
}

async function links(db: DbOrTx, kind: NodeKind, id: number, side: "predecessors" | "successors") {
  const mine =
    side === "predecessors" ? structureSuccessions.successorId : structureSuccessions.predecessorId;
  const mineKind =
    side === "predecessors" ? structureSuccessions.successorKind : structureSuccessions.predecessorKind;
  const rows = await db
    .select({
      s: structureSuccessions,
      title: reorganisations.title,
    })
    .from(structureSuccessions)
    .leftJoin(reorganisations, eq(reorganisations.id, structureSuccessions.reorganisationId))
    .where(and(eq(mineKind, kind), eq(mine, id)))
    .orderBy(structureSuccessions.id);
  const out: SuccessionLink[] = [];
  for (const other of ["body", "party"] as const) {
    const picked = rows.filter(
      (r) => (side === "predecessors" ? r.s.predecessorKind : r.s.successorKind) === other,
    );
    const ids = picked.map((r) => (side === "predecessors" ? r.s.predecessorId : r.s.successorId));
    const named = await names(db, other, ids);
    for (const r of picked) {
      const otherId = side === "predecessors" ? r.s.predecessorId : r.s.successorId;
      const n = named.get(otherId);
      if (n) {
        out.push({
          kind: other,
          id: otherId,
          ...n,
          effectiveDate: r.s.effectiveDate,
          reorganisationId: r.s.reorganisationId,
          reorganisationTitle: r.title,
        });
      }
    }
  }
  return out;
}

/** The direct predecessors and successors of a body or party, with names and dates. */
export async function loadSuccession(db: DbOrTx, kind: NodeKind, id: number) {
  return {
    predecessors: await links(db, kind, id, "predecessors"),
    successors: await links(db, kind, id, "successors"),
  };
}

/** Bodies linked to this one over any number of changes, backwards or forwards. */
async function reachable(db: DbOrTx, bodyId: number, towards: "predecessors" | "successors") {
  const from =
    towards === "predecessors" ? structureSuccessions.successorId : structureSuccessions.predecessorId;
  const to =
    towards === "predecessors" ? structureSuccessions.predecessorId : structureSuccessions.successorId;
  const seen = new Set<number>([bodyId]);
  let frontier = [bodyId];
  while (frontier.length > 0) {
    const rows = await db
      .select({ id: to })
      .from(structureSuccessions)
      .where(
        and(
          eq(structureSuccessions.successorKind, "body"),
          eq(structureSuccessions.predecessorKind, "body"),
          inArray(from, frontier),
        ),
      );
    frontier = rows.map((r) => r.id).filter((id) => !seen.has(id));
    for (const id of frontier) {
      seen.add(id);
    }
  }
  seen.delete(bodyId);
  return [...seen];
}

/** Every body that came before this one, over any number of changes ("med forgængere"). */
export function predecessorBodyIds(db: DbOrTx, bodyId: number): Promise<number[]> {
  return reachable(db, bodyId, "predecessors");
}

/** Every body that continues this one (a closed body's calendar and feed follow them). */
export function successorBodyIds(db: DbOrTx, bodyId: number): Promise<number[]> {
  return reachable(db, bodyId, "successors");
}
