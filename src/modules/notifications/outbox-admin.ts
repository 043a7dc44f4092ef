/** The admin's view of the outbox (state of every mail), and the test's and bench's question "is it empty?". */
import { desc, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { authorize, isPrivileged } from "../auth/index.ts";
import { notificationOutbox } from "./notifications.tables.ts";
import { rowsOf } from "./rows.ts";

export interface OutboxOverview {
  counts: Array<{ state: string; n: number }>;
  rows: Array<typeof notificationOutbox.$inferSelect>;
}

/** Counts by state and the latest 200 mails; admins only. */
export async function getOutboxOverview(ctx: Ctx): Promise<OutboxOverview> {
  authorize(ctx.actor, isPrivileged(ctx.actor), "Kun en administrator kan se de udgående mails.");
  const counts = rowsOf<{ state: string; n: number }>(
    await ctx.db.execute(
      sql`select state, count(*)::int as n from notification_outbox group by state order by state`,
    ),
  );
  const rows = await ctx.db.select().from(notificationOutbox).orderBy(desc(notificationOutbox.id)).limit(200);
  return { counts, rows };
}

/** Mails and events still waiting to be sent or expanded (held digest mails not counted). */
export async function countUnsentUnchecked(db: DbOrTx): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select ((select count(*) from notification_outbox where state in ('pending', 'sending'))
      + (select count(*) from notification_events where expanded_at is null))::int as n`),
  );
  return row?.n ?? 0;
}
