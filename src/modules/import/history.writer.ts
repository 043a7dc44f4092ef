import { eq } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { isPrivileged } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { type HistoryStop, matchBody, recordCaseHistory } from "../cases/index.ts";
import { agendaItems, getMeetingRow } from "../meetings/index.ts";
import type { ImportResult } from "./import.schemas.ts";
import { resolveBody } from "./resolve.ts";

/**
 * The case histories a document tells (FirstAgenda's "Sagsforløb", stacked decisions), written as
 * consultations of one case across bodies by the cases module's `recordCaseHistory`. Earlier bodies
 * are found by name (the folded name or short name); an admin's import creates the ones Tværs does
 * not know yet, as it does for the meeting's own body; for anyone else such stops are left out and
 * named in the result.
 */
export async function writeCaseHistories(
  ctx: Ctx,
  meetingId: number,
  result: ImportResult,
): Promise<{ cases: number; stops: number; unknownBodies: string[] }> {
  const told = result.items.filter((i) => (i.caseHistory?.length ?? 0) > 0);
  if (told.length === 0) {
    return { cases: 0, stops: 0, unknownBodies: [] };
  }
  const meeting = await getMeetingRow(ctx.db, meetingId);
  const rows = await ctx.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  const known = await ctx.db
    .select({ id: bodies.id, name: bodies.name, shortName: bodies.shortName })
    .from(bodies);
  const unknown = new Set<string>();
  const bodyOf = async (name: string): Promise<number | null> => {
    const found = matchBody(name, known);
    if (found) {
      return found.id;
    }
    if (!isPrivileged(ctx.actor)) {
      unknown.add(name);
      return null;
    }
    const created = await resolveBody(ctx, { name });
    known.push({ id: created.id, name: created.name, shortName: null });
    return created.id;
  };
  let cases = 0;
  let stops = 0;
  for (const told1 of told) {
    const item = rows.find((r) => r.number === told1.number);
    if (!item) {
      continue;
    }
    const list: HistoryStop[] = [];
    for (const h of told1.caseHistory ?? []) {
      const bodyId = await bodyOf(h.body);
      if (bodyId !== null) {
        list.push({ bodyId, date: h.date, itemNumber: h.itemNumber, decision: h.decision });
      }
    }
    const done = await recordCaseHistory(ctx, {
      item,
      meeting,
      caseNumbers: told1.caseNumbers,
      stops: list,
    });
    cases++;
    stops += done.linked + done.kept;
  }
  return { cases, stops, unknownBodies: [...unknown] };
}
