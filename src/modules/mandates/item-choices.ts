import type { PageCtx } from "../../web/page.ts";
import { type ItemChoice, itemLabel } from "../../web/secretariat-forms.tsx";
import { getMeetingRow, listBodyMeetings, listMeetingItems } from "../meetings/index.ts";

/** The items of the latest meetings of some bodies, as choices for "the decision behind". */
export async function itemChoices(
  ctx: PageCtx,
  bodyIds: (number | null)[],
  perBody = 6,
): Promise<ItemChoice[]> {
  const out: ItemChoice[] = [];
  for (const bodyId of [...new Set(bodyIds.filter((id): id is number => id !== null))]) {
    const meetings = (await listBodyMeetings(ctx.svc, bodyId)).filter((m) => !m.cancelled).slice(-perBody);
    for (const m of meetings.reverse()) {
      const row = await getMeetingRow(ctx.svc.db, m.id);
      for (const i of await listMeetingItems(ctx.svc, row)) {
        out.push({
          id: i.id,
          label: itemLabel(ctx, m.bodyShortName ?? m.bodyName, m.start, i.number, i.title),
        });
      }
    }
  }
  return out;
}
