/** The change log of a published agenda: what each supplementary agenda added or changed, as a reader may see it. */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Actor } from "../auth/actor.ts";
import { type AgendaChange, agendaSupplements } from "./agenda-supplements.tables.ts";
import { agendaItems } from "./items.tables.ts";
import type { MeetingRow } from "./meetings.service.ts";
import { visibilityOf } from "./visibility.ts";

/**
 * The items added or changed since `since` (the agenda's or the last supplement's publication), in agenda
 * order. An item created after it is "added"; one saved after it (renumbering included) is "changed".
 */
export async function agendaChangesSince(
  db: DbOrTx,
  meetingId: number,
  since: Date,
): Promise<AgendaChange[]> {
  const items = await db
    .select({
      id: agendaItems.id,
      number: agendaItems.number,
      access: agendaItems.access,
      createdAt: agendaItems.createdAt,
      updatedAt: agendaItems.updatedAt,
    })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
  const changes: AgendaChange[] = [];
  for (const item of items) {
    const change = item.createdAt > since ? "added" : item.updatedAt > since ? "changed" : null;
    if (change) {
      changes.push({ itemId: item.id, number: item.number, change, closed: item.access === "closed" });
    }
  }
  return changes;
}

/** One published supplement as a reader sees it: the note only for the body's members. */
export interface AgendaSupplementView {
  publishedAt: Date;
  note: string | null;
  changes: { number: number; change: AgendaChange["change"]; closed: boolean }[];
}

/**
 * The supplements of a meeting, oldest first, for a reader who may see its agenda (else none). Lines name
 * item numbers only, so a closed item shows as a number to the public; the note, which may speak of closed
 * items, is the members' (as in the notices, `notifications/expand.ts`).
 */
export async function listAgendaSupplements(
  db: DbOrTx,
  actor: Actor,
  meeting: Pick<MeetingRow, "id" | "bodyId" | "status">,
): Promise<AgendaSupplementView[]> {
  const v = visibilityOf(actor, meeting);
  if (!v.agenda || meeting.status === "planned") {
    return [];
  }
  const rows = await db
    .select()
    .from(agendaSupplements)
    .where(eq(agendaSupplements.meetingId, meeting.id))
    .orderBy(asc(agendaSupplements.publishedAt), asc(agendaSupplements.id));
  return rows.map((r) => ({
    publishedAt: r.publishedAt,
    note: v.member ? r.note : null,
    changes: r.changes.map(({ number, change, closed }) => ({ number, change, closed })),
  }));
}
