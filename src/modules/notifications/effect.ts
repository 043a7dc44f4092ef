import type { DomainEvent } from "../../lib/domain-events.ts";
import type { Ctx } from "../../server/context.ts";
import { notificationEvents } from "./notifications.tables.ts";
import { routeOf } from "./topics.ts";

/**
 * The notifications' reaction to a domain event, inside the act's transaction: one row that says what
 * happened (whatever the number of readers), so the request never waits for recipients or mail. The
 * outbox worker expands it after the commit; a rolled-back act leaves no row, so no mail.
 */
export async function recordNotificationEvent(ctx: Ctx, event: DomainEvent): Promise<void> {
  // The system actor's acts (the importer bringing in an archive, the demo loader) tell nobody.
  if (!routeOf(event) || ctx.actor.system) {
    return;
  }
  const { kind, ...payload } = event;
  await ctx.db.insert(notificationEvents).values({ kind, payload, actorUserId: ctx.actor.userId });
}
