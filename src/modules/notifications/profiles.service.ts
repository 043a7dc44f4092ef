/** "Mine notifikationer": a user's choices, language, personal calendar token, and the mails' unsubscribe. */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db/client.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { authorize, setUserLocale } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { newToken } from "./expand.ts";
import { notificationProfiles, publicSubscriptions } from "./notifications.tables.ts";
import { rowsOf } from "./rows.ts";
import { MODES, type Mode, TOPICS, type Topic } from "./topics.ts";

type Profile = typeof notificationProfiles.$inferSelect;

/** Body topics a user chooses per body (actions is one choice for all). */
export const BODY_TOPICS: readonly Topic[] = TOPICS.filter((t) => t !== "actions");
const SCOPE_RE = /^(?:\d{1,9}:(?:agenda|meeting|minutes|approval|secretariat)|actions|all)$/;

export const ZNotificationSettings = z.strictObject({
  locale: z.enum(["da", "en"]),
  settings: z.record(z.string().regex(SCOPE_RE), z.enum(MODES)),
});
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

function requireUser(ctx: Ctx): number {
  authorize(ctx.actor, ctx.actor.userId !== null, "Log ind for at se dine notifikationer.");
  return ctx.actor.userId as number;
}

/** The user's profile, made on first need. */
export async function getOwnProfile(ctx: Ctx): Promise<Profile> {
  const userId = requireUser(ctx);
  await ctx.db
    .insert(notificationProfiles)
    .values({ userId, unsubscribeToken: newToken() })
    .onConflictDoNothing();
  const [p] = await ctx.db.select().from(notificationProfiles).where(eq(notificationProfiles.userId, userId));
  return p as Profile;
}

/** The bodies the settings page offers: those the user has a role in today. */
export async function listOwnBodies(ctx: Ctx): Promise<Array<{ id: number; name: string }>> {
  const ids = [...ctx.actor.roles.keys()];
  if (ids.length === 0) {
    return [];
  }
  const rows = await ctx.db.select({ id: bodies.id, name: bodies.name }).from(bodies);
  return rows.filter((b) => ids.includes(b.id)).sort((a, b) => a.name.localeCompare(b.name, "da"));
}

/** Saves the choices (modes other than "immediately" are stored) and the language. */
export async function saveNotificationSettings(ctx: Ctx, input: TNotificationSettings): Promise<void> {
  const userId = requireUser(ctx);
  await getOwnProfile(ctx);
  const settings: Record<string, Mode> = {};
  for (const [key, mode] of Object.entries(input.settings)) {
    const bodyId = Number(key.split(":")[0]);
    // Only the user's own bodies (and "actions"); a choice for another body would be meaningless.
    if (mode !== "immediate" && key !== "all" && (key === "actions" || ctx.actor.roles.has(bodyId))) {
      settings[key] = mode;
    }
  }
  await ctx.db
    .update(notificationProfiles)
    .set({ settings, updatedAt: new Date(), version: sql`${notificationProfiles.version} + 1` })
    .where(eq(notificationProfiles.userId, userId));
  await setUserLocale(ctx.db, userId, input.locale);
}

/** A new secret for the personal calendar address; the old address stops working. */
export async function renewCalendarToken(ctx: Ctx): Promise<string> {
  const userId = requireUser(ctx);
  await getOwnProfile(ctx);
  const token = newToken();
  await ctx.db
    .update(notificationProfiles)
    .set({ calendarToken: token, updatedAt: new Date() })
    .where(eq(notificationProfiles.userId, userId));
  return token;
}

/** The user of a personal calendar address (active users only), with their person for the roles. */
export async function calendarOwnerUnchecked(
  db: DbOrTx,
  token: string,
): Promise<{ userId: number; bodyIds: number[] } | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) {
    return null;
  }
  const [row] = rowsOf<{ userId: number; bodyIds: number[] | null }>(
    await db.execute(sql`select u.id as "userId",
        array(select distinct m.body_id from memberships m where m.person_id = u.person_id
          and (m.to_date is null or m.to_date >= current_date - 400)) as "bodyIds"
      from notification_profiles p join users u on u.id = p.user_id and u.active
      where p.calendar_token = ${token}`),
  );
  return row ? { userId: row.userId, bodyIds: row.bodyIds ?? [] } : null;
}

export type UnsubscribeTarget =
  | { kind: "user"; userId: number; scope: string; bodyName: string | null; topic: string }
  | { kind: "subscription"; id: number; bodyName: string };

/** What an unsubscribe link stops, without changing anything (for the page that asks). */
export async function findUnsubscribeTarget(
  db: DbOrTx,
  token: string,
  scope: string | undefined,
): Promise<UnsubscribeTarget | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) {
    return null;
  }
  const [profile] = await db
    .select()
    .from(notificationProfiles)
    .where(eq(notificationProfiles.unsubscribeToken, token));
  if (profile) {
    const s = scope && SCOPE_RE.test(scope) ? scope : "all";
    const [bodyId, topic = s] = s.includes(":") ? s.split(":") : [null, s];
    const [body] = bodyId
      ? await db
          .select({ name: bodies.name })
          .from(bodies)
          .where(eq(bodies.id, Number(bodyId)))
      : [];
    return { kind: "user", userId: profile.userId, scope: s, bodyName: body?.name ?? null, topic };
  }
  const [sub] = rowsOf<{ id: number; bodyName: string }>(
    await db.execute(sql`select s.id, b.name as "bodyName" from public_subscriptions s join bodies b on b.id = s.body_id
      where s.token = ${token}`),
  );
  return sub ? { kind: "subscription", id: sub.id, bodyName: sub.bodyName } : null;
}

/** One-click unsubscribe (the mail's footer link and RFC 8058's POST): idempotent. */
export async function unsubscribe(db: DbOrTx, token: string, scope: string | undefined) {
  const target = await findUnsubscribeTarget(db, token, scope);
  if (!target) {
    throw new AppError("not_found", "Linket er ikke gyldigt længere.");
  }
  if (target.kind === "subscription") {
    await db.delete(publicSubscriptions).where(eq(publicSubscriptions.id, target.id));
  } else {
    await db.execute(sql`update notification_profiles
      set settings = settings || jsonb_build_object(${target.scope}::text, 'off'), updated_at = now()
      where user_id = ${target.userId}`);
  }
  return target;
}
