import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { AppError } from "../../server/errors.ts";
import { bodies, dayBefore } from "../bodies/index.ts";
import { parties } from "../parties/index.ts";
import type { TReorganisationInput } from "./reorganisation.schemas.ts";
import { reorganisations, structureSuccessions } from "./reorganisation.tables.ts";

type Row = { id: number; name: string; validFrom: string | null; validTo: string | null };
export interface Node {
  kind: "body" | "party";
  row: Row & Record<string, unknown>;
}

const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }]);

/** The shape each kind of change must have (merge: many → one; split: one → many; …). */
export function checkShape(input: TReorganisationInput) {
  const links = input.links;
  const keys = links.map((l) => `${l.predecessor.kind}:${l.predecessor.id}`);
  if (new Set(keys).size !== keys.length) {
    throw invalid("links", "Hver forgænger må kun stå én gang.");
  }
  for (const [i, l] of links.entries()) {
    for (const s of l.successors) {
      if (s.kind !== l.predecessor.kind) {
        throw invalid(`links.${i}.successors`, "Et forum efterfølges af fora og en part af parter.");
      }
      if (s.id === l.predecessor.id) {
        throw invalid(`links.${i}.successors`, "Et forum eller en part kan ikke efterfølge sig selv.");
      }
      if (keys.includes(`${s.kind}:${s.id}`)) {
        throw invalid(`links.${i}.successors`, "En efterfølger kan ikke selv nedlægges i samme ændring.");
      }
    }
  }
  const successorSets = new Set(links.map((l) => l.successors.map((s) => `${s.kind}:${s.id}`).join(",")));
  const counts = links.map((l) => l.successors.length);
  const rule: Record<TReorganisationInput["kind"], [boolean, string]> = {
    merge: [
      links.length >= 2 && successorSets.size === 1 && counts[0] === 1,
      "En sammenlægning har mindst to forgængere og én fælles efterfølger.",
    ],
    split: [
      links.length === 1 && (counts[0] ?? 0) >= 2,
      "En opdeling har én forgænger og mindst to efterfølgere.",
    ],
    rename: [
      links.length === 1 && counts[0] === 1,
      "Et navneskift har én forgænger og én efterfølger med det nye navn.",
    ],
    close: [counts.every((c) => c === 0), "En nedlæggelse har ingen efterfølgere."],
    succession: [
      counts.every((c) => c >= 1),
      "Ved en videreførelse har hver forgænger mindst én efterfølger.",
    ],
  };
  const [ok, message] = rule[input.kind];
  if (!ok) {
    throw invalid("links", message);
  }
}

async function rowsOf(db: DbOrTx, kind: "body" | "party", ids: number[]) {
  const t = kind === "body" ? bodies : parties;
  const rows = ids.length > 0 ? await db.select().from(t).where(inArray(t.id, ids)) : [];
  return new Map(rows.map((r) => [r.id, r as Row & Record<string, unknown>]));
}

/** Loads predecessors and successors and checks they can take part on the effective date. */
export async function loadNodes(db: DbOrTx, input: TReorganisationInput) {
  const all = input.links.flatMap((l) => [l.predecessor, ...l.successors]);
  const maps = {
    body: await rowsOf(
      db,
      "body",
      all.filter((n) => n.kind === "body").map((n) => n.id),
    ),
    party: await rowsOf(
      db,
      "party",
      all.filter((n) => n.kind === "party").map((n) => n.id),
    ),
  };
  const day = input.effectiveDate;
  const out: { predecessor: Node; successors: Node[] }[] = [];
  for (const [i, l] of input.links.entries()) {
    const p = maps[l.predecessor.kind].get(l.predecessor.id);
    if (!p) {
      throw invalid(`links.${i}.predecessor`, "Forgængeren findes ikke.");
    }
    // Already set to end on the last day (e.g. the reference data's regions end on 31.12.2026): the
    // change carries that out; an end before the last day is a predecessor that is already gone.
    if (p.validTo && p.validTo < dayBefore(day)) {
      throw invalid(`links.${i}.predecessor`, `${p.name} er allerede nedlagt før ${day}.`);
    }
    const [earlier] = await db
      .select({ id: structureSuccessions.id })
      .from(structureSuccessions)
      .innerJoin(reorganisations, eq(reorganisations.id, structureSuccessions.reorganisationId))
      .where(
        and(
          eq(structureSuccessions.predecessorKind, l.predecessor.kind),
          eq(structureSuccessions.predecessorId, p.id),
          eq(reorganisations.status, "carried_out"),
        ),
      )
      .limit(1);
    if (earlier) {
      throw invalid(`links.${i}.predecessor`, `${p.name} er allerede videreført i en anden strukturændring.`);
    }
    const successors: Node[] = [];
    for (const s of l.successors) {
      const r = maps[s.kind].get(s.id);
      if (!r) {
        throw invalid(`links.${i}.successors`, "Efterfølgeren findes ikke.");
      }
      if ((r.validTo && r.validTo < day) || (r.validFrom && r.validFrom > day)) {
        throw invalid(`links.${i}.successors`, `${r.name} findes ikke på ikrafttrædelsesdagen ${day}.`);
      }
      successors.push({ kind: s.kind, row: r });
    }
    out.push({ predecessor: { kind: l.predecessor.kind, row: p }, successors });
  }
  return out;
}
