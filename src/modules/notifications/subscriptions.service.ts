/**
 * The public's subscriptions to a body's agendas and minutes, with double opt-in: a new address gets
 * one confirmation mail and nothing else until it is confirmed; each mail can remove it in one click.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db/client.ts";
import { AppError } from "../../server/errors.ts";
import { type Lang, t } from "../../web/i18n.ts";
import { bodies } from "../bodies/index.ts";
import { assemble } from "./compose.ts";
import { newToken } from "./expand.ts";
import { notificationOutbox, publicSubscriptions } from "./notifications.tables.ts";

export const ZSubscribe = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Skriv en gyldig e-mailadresse.")),
});

/**
 * Asks for a subscription: a new (or still unconfirmed) address is sent the confirmation link, at most
 * once an hour; a confirmed one is left alone. The answer is the same in every case, so the form does
 * not tell who subscribes.
 */
export async function requestSubscription(
  db: DbOrTx,
  input: { email: string; bodyId: number; locale: Lang },
  baseUrl: string,
): Promise<void> {
  const [body] = await db.select().from(bodies).where(eq(bodies.id, input.bodyId));
  if (!body) {
    throw new AppError("not_found", "Forummet findes ikke.");
  }
  await db
    .insert(publicSubscriptions)
    .values({ email: input.email, bodyId: body.id, token: newToken(), locale: input.locale })
    .onConflictDoNothing();
  const [sub] = await db
    .select()
    .from(publicSubscriptions)
    .where(and(eq(publicSubscriptions.email, input.email), eq(publicSubscriptions.bodyId, body.id)));
  if (!sub || sub.confirmedAt) {
    return;
  }
  const lang = input.locale;
  const url = `${baseUrl}/abonnement/${sub.token}`;
  const mail = assemble(
    lang,
    t(lang, "notify.subject.confirm", { body: body.name }),
    [t(lang, "notify.lead.confirm", { body: body.name })],
    [],
    { url, label: t(lang, "notify.confirmLink") },
    {},
  );
  const hour = new Date().toISOString().slice(0, 13);
  await db
    .insert(notificationOutbox)
    .values({
      dedupeKey: `c${sub.id}:${hour}`,
      subscriptionId: sub.id,
      toAddress: sub.email,
      locale: lang,
      topic: "confirm",
      bodyId: body.id,
      ...mail,
      url,
    })
    .onConflictDoNothing();
}

/** The subscription of a confirmation link, with its body's name. */
export async function findSubscription(db: DbOrTx, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) {
    return null;
  }
  const [row] = await db
    .select({
      id: publicSubscriptions.id,
      email: publicSubscriptions.email,
      bodyName: bodies.name,
      confirmedAt: publicSubscriptions.confirmedAt,
    })
    .from(publicSubscriptions)
    .innerJoin(bodies, eq(bodies.id, publicSubscriptions.bodyId))
    .where(eq(publicSubscriptions.token, token));
  return row ?? null;
}

/** Confirms a subscription (the second step of the opt-in); idempotent. */
export async function confirmSubscription(db: DbOrTx, token: string) {
  const sub = await findSubscription(db, token);
  if (!sub) {
    throw new AppError("not_found", "Linket er ikke gyldigt længere.");
  }
  await db
    .update(publicSubscriptions)
    .set({ confirmedAt: new Date(), updatedAt: new Date(), version: sql`${publicSubscriptions.version} + 1` })
    .where(and(eq(publicSubscriptions.id, sub.id), isNull(publicSubscriptions.confirmedAt)));
  return sub;
}
