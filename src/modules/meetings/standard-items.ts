/**
 * The standard items every new agenda starts with ("Godkendelse af dagsorden", "Godkendelse af referat",
 * "Eventuelt"), for every way a meeting is made: the workspace's form and a case sent on to a body
 * whose next meeting had to be created.
 */
import type { Ctx } from "../../server/context.ts";
import { createItem, listMeetingItems, reorderItems } from "./items.service.ts";
import { getMeetingRow } from "./meetings.service.ts";

/** Inserted, in this order, when a meeting is created; new items go before "Eventuelt". */
export const STANDARD_ITEMS = [
  {
    title: "Godkendelse af dagsorden",
    minutes: 5,
    recommendation: "Det indstilles, at dagsordenen godkendes.",
  },
  {
    title: "Godkendelse af referat",
    minutes: 5,
    recommendation: "Det indstilles, at referatet fra sidste møde godkendes.",
  },
  { title: "Eventuelt", minutes: 10, recommendation: "Ingen indstilling." },
] as const;

export const LAST_STANDARD_TITLE = "Eventuelt";

/** Adds the standard items to a meeting without items; returns how many were added. */
export async function insertStandardItems(ctx: Ctx, meetingId: number): Promise<number> {
  const meeting = await getMeetingRow(ctx.db, meetingId);
  const existing = await listMeetingItems(ctx, meeting);
  if (existing.length > 0) {
    return 0;
  }
  for (const s of STANDARD_ITEMS) {
    await createItem(ctx, {
      meetingId,
      title: s.title,
      kind: "standard",
      access: "open",
      durationMinutes: s.minutes,
      recommendations: [s.recommendation],
    });
  }
  return STANDARD_ITEMS.length;
}

/** Moves a new item above the closing standard item ("Eventuelt") when the agenda ends with it. */
export async function placeBeforeClosing(ctx: Ctx, meetingId: number, newId: number): Promise<void> {
  const items = await listMeetingItems(ctx, await getMeetingRow(ctx.db, meetingId));
  const ids = items.map((i) => i.id).filter((id) => id !== newId);
  const lastIndex = ids.length - 1;
  const last = items.find((i) => i.id === ids[lastIndex]);
  if (last && last.kind === "standard" && last.title === LAST_STANDARD_TITLE) {
    ids.splice(lastIndex, 0, newId);
    await reorderItems(ctx, meetingId, ids);
  }
}
