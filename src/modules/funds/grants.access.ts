/**
 * What a reader may see of a grant — closed is closed for money too:
 * - members of the fund's body see every grant;
 * - an approved (or rejected) grant linked to an agenda item is public once that meeting's minutes are:
 *   amounts of public funds are public, but a closed item keeps its title and text to itself (only
 *   its number is shown);
 * - a pending grant linked to an item is public only while that item is an open item of a public agenda:
 *   a grant pending at a closed item is not shown at all, not even as a sum;
 * - a grant without an item is the secretariat's public ledger entry and is shown.
 */
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Actor } from "../auth/index.ts";
import { canReadClosed } from "../auth/index.ts";
import { agendaItems, canSeeItem, meetings, visibilityOf } from "../meetings/index.ts";

export interface ItemInfo {
  itemId: number;
  meetingId: number;
  number: number;
  title: string;
  access: "open" | "closed";
  meeting: { bodyId: number; status: (typeof meetings.$inferSelect)["status"] };
}

/** The items grants point at, with their meetings, in one query. */
export async function loadItemInfo(db: DbOrTx, itemIds: number[]): Promise<Map<number, ItemInfo>> {
  const ids = [...new Set(itemIds)];
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
      bodyId: meetings.bodyId,
      status: meetings.status,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(inArray(agendaItems.id, ids));
  return new Map(
    rows.map((r) => [
      r.itemId,
      {
        itemId: r.itemId,
        meetingId: r.meetingId,
        number: r.number,
        title: r.title,
        access: r.access,
        meeting: { bodyId: r.bodyId, status: r.status },
      },
    ]),
  );
}

export interface GrantRef {
  status: "pending" | "approved" | "rejected";
  itemId: number | null;
}

/** May the reader see this grant (its title and amounts)? */
export function canSeeGrant(
  actor: Actor,
  fundBodyId: number,
  grant: GrantRef,
  item: ItemInfo | undefined,
): boolean {
  if (canReadClosed(actor, fundBodyId)) {
    return true;
  }
  if (grant.itemId === null) {
    return true;
  }
  if (!item) {
    return false;
  }
  const v = visibilityOf(actor, item.meeting);
  if (grant.status === "pending") {
    return canSeeItem(v, item.access);
  }
  return v.minutes;
}

/** The reference to the approving item as the reader may see it: a closed item keeps only its number. */
export function presentItemRef(actor: Actor, item: ItemInfo | undefined) {
  if (!item) {
    return null;
  }
  const v = visibilityOf(actor, item.meeting);
  if (!v.agenda) {
    return null;
  }
  const visible = canSeeItem(v, item.access);
  return {
    itemId: item.itemId,
    meetingId: item.meetingId,
    number: item.number,
    title: visible ? item.title : null,
    closed: item.access === "closed",
  };
}
