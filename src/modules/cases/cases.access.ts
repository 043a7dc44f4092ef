/** Who may know a case exists, and what a reader may see of one consultation. */
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../auth/index.ts";
import { canEditBody, canReadClosed, isPrivileged } from "../auth/index.ts";
import { cases, consultations } from "./cases.tables.ts";

type CaseRow = typeof cases.$inferSelect;

/** Bodies whose closed material the actor may read; null means all. */
export function memberBodies(actor: Actor): number[] | null {
  return isPrivileged(actor) ? null : [...actor.roles.keys()];
}

/** SQL: the cases the actor may know of — open ones, and closed ones of a body the actor belongs to. */
export function visibleCasesWhere(actor: Actor): SQL | undefined {
  const bodies = memberBodies(actor);
  if (bodies === null) {
    return undefined;
  }
  if (bodies.length === 0) {
    return eq(cases.access, "open");
  }
  return or(
    eq(cases.access, "open"),
    inArray(cases.decidingBodyId, bodies),
    inArray(cases.awaitingBodyId, bodies),
    inArray(
      cases.id,
      sql`(select ${consultations.caseId} from ${consultations} where ${inArray(consultations.bodyId, bodies)})`,
    ),
  );
}

/** May the actor know this case exists? */
export function canSeeCase(actor: Actor, row: CaseRow, consultationBodyIds: number[]): boolean {
  if (row.access === "open") {
    return true;
  }
  const bodies = [row.decidingBodyId, row.awaitingBodyId, ...consultationBodyIds].filter(
    (b): b is number => b !== null,
  );
  return bodies.some((b) => canReadClosed(actor, b));
}

/** May the actor change this case? The secretariat of a body that handles it (or an admin). */
export function canEditCase(actor: Actor, row: CaseRow, consultationBodyIds: number[]): boolean {
  if (isPrivileged(actor)) {
    return true;
  }
  const bodies = [row.decidingBodyId, row.awaitingBodyId, ...consultationBodyIds].filter(
    (b): b is number => b !== null,
  );
  return bodies.some((b) => canEditBody(actor, b));
}

export const andAll = (...conditions: (SQL | undefined)[]) => and(...conditions);
