import { eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../auth/index.ts";
import type { bodies } from "../bodies/index.ts";
import { funds, loadFundStatus } from "../funds/index.ts";
import type { Plan } from "./plan.types.ts";

type BodyRow = typeof bodies.$inferSelect;

/** What is left in a fund in øre, every grant counted (the system reads all of them). */
export async function fundRemaining(p: Plan, fundId: number): Promise<bigint> {
  const status = await loadFundStatus({ db: p.db, actor: SYSTEM_ACTOR }, fundId);
  return status.table.totals.remaining;
}

/** The body's funds move whole to the receiver: income, grants and carry-overs go along, every øre. */
export async function planFunds(p: Plan, from: BodyRow, to: BodyRow | null) {
  const rows = await p.db.select().from(funds).where(eq(funds.bodyId, from.id)).orderBy(funds.id);
  for (const f of rows) {
    const remaining = await fundRemaining(p, f.id);
    if (!to) {
      p.stay("funds", `${f.name} (${p.kroner(remaining)})`, "no_successor");
      continue;
    }
    p.funds.push({ fundId: f.id, name: f.name, remainingOre: remaining, to: to.name });
    p.move("funds", "fund", f.id, "body_id", from.id, to.id, f.name, p.kroner(remaining));
  }
  if (to) {
    const own = await p.db.select({ id: funds.id }).from(funds).where(eq(funds.bodyId, to.id));
    for (const f of own) {
      p.receiverFundIds.add(f.id);
    }
  }
}
