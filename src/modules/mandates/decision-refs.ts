/**
 * The agenda items behind mandate and agreement decisions, presented through the meetings module's
 * visibility rules: a closed item keeps its title and text to itself (only its number and meeting are
 * shown), and an item of an agenda the reader may not see yet is not shown at all.
 */
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db/client.ts";
import { AppError } from "../../server/errors.ts";
import type { Actor } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { agendaItems, canSeeItem, meetings, visibilityOf } from "../meetings/index.ts";

export interface ItemInfo {
  itemId: number;
  meetingId: number;
  meetingStart: Date;
  number: number;
  title: string;
  access: "open" | "closed";
  body: { id: number; name: string; shortName: string | null };
  meeting: { bodyId: number; status: (typeof meetings.$inferSelect)["status"] };
}

/** The items, with their meetings and bodies, in one query. */
export async function loadItemInfo(db: DbOrTx, itemIds: (number | null)[]): Promise<Map<number, ItemInfo>> {
  const ids = [...new Set(itemIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({
      itemId: agendaItems.id,
      meetingId: agendaItems.meetingId,
      number: agendaItems.number,
      title: agendaItems.title,
      access: agendaItems.access,
      start: meetings.start,
      status: meetings.status,
      bodyId: bodies.id,
      bodyName: bodies.name,
      bodyShortName: bodies.shortName,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(inArray(agendaItems.id, ids));
  return new Map(
    rows.map((r) => [
      r.itemId,
      {
        itemId: r.itemId,
        meetingId: r.meetingId,
        meetingStart: r.start,
        number: r.number,
        title: r.title,
        access: r.access,
        body: { id: r.bodyId, name: r.bodyName, shortName: r.bodyShortName },
        meeting: { bodyId: r.bodyId, status: r.status },
      },
    ]),
  );
}

/** Checks that an item a decision points to exists; returns it (400 on the field otherwise). */
export async function requireItem(db: DbOrTx, itemId: number, path = "itemId"): Promise<ItemInfo> {
  const info = (await loadItemInfo(db, [itemId])).get(itemId);
  if (!info) {
    const message = "Dagsordenspunktet findes ikke.";
    throw new AppError("validation_failed", message, [{ path, message }]);
  }
  return info;
}

export const ZDecisionRef = z
  .object({
    itemId: z.number().int(),
    meetingId: z.number().int(),
    meetingStart: z.string(),
    bodyId: z.number().int(),
    bodyName: z.string(),
    bodyShortName: z.string().nullable(),
    number: z.number().int(),
    title: z.string().nullable().describe("null for a closed item the reader may not see"),
    closed: z.boolean(),
  })
  .describe("dagsordenspunktet bag beslutningen, som læseren må se det");
export type TDecisionRef = z.infer<typeof ZDecisionRef>;

/** The item as the reader may see it: null before its agenda is public; a closed item without its title. */
export function presentDecisionRef(actor: Actor, item: ItemInfo | undefined): TDecisionRef | null {
  if (!item) {
    return null;
  }
  const v = visibilityOf(actor, item.meeting);
  if (!v.agenda) {
    return null;
  }
  return {
    itemId: item.itemId,
    meetingId: item.meetingId,
    meetingStart: item.meetingStart.toISOString(),
    bodyId: item.body.id,
    bodyName: item.body.name,
    bodyShortName: item.body.shortName,
    number: item.number,
    title: canSeeItem(v, item.access) ? item.title : null,
    closed: item.access === "closed",
  };
}
