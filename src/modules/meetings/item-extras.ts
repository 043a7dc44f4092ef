import type { Html } from "#jsx/jsx-runtime";
import type { PageCtx } from "../../web/page.ts";
import type { TItem } from "./items.schemas.ts";
import type { MeetingRow } from "./meetings.service.ts";

/**
 * What another module adds under an item on the public meeting page (the indicator snapshots the body
 * saw), without the meetings module importing that module: the module registers a function when its
 * pages are registered. It gets only the items this reader may see in full.
 */
export type ItemExtra = (ctx: PageCtx, meeting: MeetingRow, items: TItem[]) => Promise<Map<number, Html>>;

const extras = new Set<ItemExtra>();

export function registerItemExtra(extra: ItemExtra): void {
  extras.add(extra);
}

/** Every module's additions per item id, in the order the modules registered. */
export async function itemExtrasOf(
  ctx: PageCtx,
  meeting: MeetingRow,
  items: TItem[],
): Promise<Map<number, Html[]>> {
  const visible = items.filter((i) => !i.redacted);
  const out = new Map<number, Html[]>();
  if (visible.length === 0) {
    return out;
  }
  for (const extra of extras) {
    for (const [itemId, html] of await extra(ctx, meeting, visible)) {
      out.set(itemId, [...(out.get(itemId) ?? []), html]);
    }
  }
  return out;
}
