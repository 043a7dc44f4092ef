/**
 * The public's e-mail alerts of a search, without an account: double opt-in (one confirmation mail,
 * nothing else until the link is confirmed), one-click unsubscribe in every mail, and limits on what
 * one address can be sent. Alerts go through the notifications' outbox (retries, never twice) and
 * carry public material only (publishedMatches reads as the public).
 */
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client.ts";
import { AppError } from "../../server/errors.ts";
import { formatDate } from "../../web/format.ts";
import { type Lang, t } from "../../web/i18n.ts";
import { assemble, notificationOutbox } from "../notifications/index.ts";
import { type PublishedHit, publishedMatches } from "./published.ts";
import type { TSavedFilters } from "./search.schemas.ts";
import { compileQuery, parseOrThrow } from "./search.service.ts";
import { searchSubscriptionDeliveries, searchSubscriptions } from "./search.tables.ts";
import { rowsOf } from "./sql.ts";

/** How many searches one address may follow. */
export const MAX_SEARCHES_PER_ADDRESS = 20;
/** How many confirmation mails one address may be sent in a day (whatever the searches). */
export const MAX_CONFIRMATIONS_PER_DAY = 3;
/** How far back a new subscription (or one after a long pause) looks for news. */
const LOOKBACK_DAYS = 7;
const MAX_PER_MAIL = 50;
const TOKEN_RE = /^[A-Za-z0-9_-]{20,64}$/;

export const ZSearchSubscribe = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Skriv en gyldig e-mailadresse.")),
});

type Row = typeof searchSubscriptions.$inferSelect;

/** A search's name in mails and pages: its words, or "alt nyt" for a search of filters only. */
export function searchName(lang: Lang, query: string): string {
  return query.trim() !== "" ? query.trim() : t(lang, "search.alert.everything");
}

/**
 * Asks for alerts of a search: a new (or unconfirmed) subscription is sent its confirmation link, at
 * most once an hour and at most MAX_CONFIRMATIONS_PER_DAY to one address; a confirmed one is left
 * alone. The answer is the same in every case, so the form does not tell who subscribes to what.
 */
export async function requestSearchSubscription(
  db: DbOrTx,
  input: { email: string; query: string; filters: TSavedFilters; locale: Lang },
  baseUrl: string,
): Promise<void> {
  parseOrThrow(input.query);
  const [counted] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from search_subscriptions where email = ${input.email}`),
  );
  const filters = input.filters as Record<string, unknown>;
  const match = and(
    eq(searchSubscriptions.email, input.email),
    eq(searchSubscriptions.query, input.query),
    sql`${searchSubscriptions.filters} = ${JSON.stringify(filters)}::jsonb`,
  );
  let [sub] = await db.select().from(searchSubscriptions).where(match);
  if (!sub) {
    if ((counted?.n ?? 0) >= MAX_SEARCHES_PER_ADDRESS) {
      return;
    }
    await db
      .insert(searchSubscriptions)
      .values({ email: input.email, query: input.query, filters, token: newToken(), locale: input.locale })
      .onConflictDoNothing();
    [sub] = await db.select().from(searchSubscriptions).where(match);
  }
  if (!sub || sub.confirmedAt) {
    return;
  }
  const [sentToday] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from notification_outbox
      where topic = 'search-confirm' and to_address = ${sub.email} and created_at > now() - interval '1 day'`),
  );
  if ((sentToday?.n ?? 0) >= MAX_CONFIRMATIONS_PER_DAY) {
    return;
  }
  const lang = input.locale;
  const name = searchName(lang, sub.query);
  const url = `${baseUrl}/soeg/abonnement/${sub.token}`;
  const mail = assemble(
    lang,
    t(lang, "search.alert.confirmSubject", { name }),
    [t(lang, "search.alert.confirmLead", { name })],
    [],
    { url, label: t(lang, "search.alert.confirmLink") },
    {},
  );
  await db
    .insert(notificationOutbox)
    .values({
      dedupeKey: `sc${sub.id}:${new Date().toISOString().slice(0, 13)}`,
      toAddress: sub.email,
      locale: lang,
      topic: "search-confirm",
      ...mail,
      url,
    })
    .onConflictDoNothing();
}

const newToken = () => randomBytes(24).toString("base64url");

/** The subscription of a confirmation or unsubscribe link, or null. */
export async function findSearchSubscription(db: DbOrTx, token: string): Promise<Row | null> {
  if (!TOKEN_RE.test(token)) {
    return null;
  }
  const [row] = await db.select().from(searchSubscriptions).where(eq(searchSubscriptions.token, token));
  return row ?? null;
}

/** Confirms a subscription (the second step of the opt-in); idempotent. */
export async function confirmSearchSubscription(db: DbOrTx, token: string): Promise<Row> {
  const sub = await findSearchSubscription(db, token);
  if (!sub) {
    throw new AppError("not_found", "Linket er ikke gyldigt længere.");
  }
  await db
    .update(searchSubscriptions)
    .set({ confirmedAt: new Date(), updatedAt: new Date(), version: sql`${searchSubscriptions.version} + 1` })
    .where(and(eq(searchSubscriptions.id, sub.id), isNull(searchSubscriptions.confirmedAt)));
  return sub;
}

/** Ends a subscription (one click, no login): the row and what it announced are deleted. */
export async function unsubscribeSearch(db: DbOrTx, token: string): Promise<Row> {
  const sub = await findSearchSubscription(db, token);
  if (!sub) {
    throw new AppError("not_found", "Linket er ikke gyldigt længere.");
  }
  await db.delete(searchSubscriptions).where(eq(searchSubscriptions.id, sub.id));
  return sub;
}

/** One click from a mail program (RFC 8058): ends the subscription if it still exists; idempotent. */
export async function unsubscribeSearchOneClick(db: DbOrTx, token: string): Promise<void> {
  await db.delete(searchSubscriptions).where(eq(searchSubscriptions.token, token));
}

/** The alert mail of one subscription in its language: each hit with where it comes from and its link. */
export function publicAlertMail(sub: Row, hits: PublishedHit[], baseUrl: string) {
  const lang: Lang = sub.locale === "en" ? "en" : "da";
  const name = searchName(lang, sub.query);
  const line = (h: PublishedHit) =>
    [
      h.title,
      [
        h.source === "attachment" ? t(lang, "search.alert.attachment") : null,
        h.bodyName,
        h.date ? formatDate(h.date, lang) : null,
        t(lang, h.level === 2 ? "search.alert.minutes" : "search.alert.agenda"),
      ]
        .filter(Boolean)
        .join(" · "),
      `${baseUrl}${h.url}`,
    ].join(" – ");
  return assemble(
    lang,
    t(lang, "search.alert.subject", { count: hits.length, name }),
    [t(lang, "search.alert.lead", { name })],
    hits.map(line),
    {
      url: `${baseUrl}/soeg?${new URLSearchParams(searchQueryOf(sub)).toString()}`,
      label: t(lang, "search.alert.open"),
    },
    {
      unsubscribeUrl: `${baseUrl}/soeg/afmeld/${sub.token}`,
      subscriberOf: t(lang, "search.alert.subscriberOf", { name }),
    },
  );
}

function searchQueryOf(sub: Row): Record<string, string> {
  const out: Record<string, string> = sub.query ? { q: sub.query } : {};
  for (const [k, v] of Object.entries(sub.filters)) {
    if (v !== undefined && v !== null) {
      out[k] = Array.isArray(v) ? v.join(",") : String(v);
    }
  }
  return out;
}

/**
 * Queues the alerts of every confirmed subscription: the public items and attachments published
 * since it was confirmed (at most a week back) and not yet announced to it, one mail each. The mail
 * and the record of what it announced are written in one transaction, so a second run queues nothing.
 */
export async function queuePublicSearchAlerts(
  db: Db,
  opts: { baseUrl: string; now?: Date; onError?: (subscriptionId: number, err: unknown) => void },
): Promise<{ subscriptions: number; mails: number; hits: number }> {
  const now = opts.now ?? new Date();
  const floor = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  const subs = await db
    .select()
    .from(searchSubscriptions)
    .where(sql`${searchSubscriptions.confirmedAt} is not null`)
    .orderBy(searchSubscriptions.id);
  const run = { subscriptions: subs.length, mails: 0, hits: 0 };
  for (const sub of subs) {
    try {
      const since = sub.confirmedAt && sub.confirmedAt > floor ? sub.confirmedAt : floor;
      const hits = await publishedMatches(
        db,
        await compileQuery(db, sub.query),
        { ...(sub.filters as TSavedFilters) },
        {
          since,
          limit: MAX_PER_MAIL,
          notAnnouncedTo: sub.id,
        },
      );
      if (hits.length === 0) {
        continue;
      }
      const mail = publicAlertMail(sub, hits, opts.baseUrl);
      await db.transaction(async (tx) => {
        await tx.insert(notificationOutbox).values({
          dedupeKey: `sa${sub.id}:${now.toISOString()}:${hits[0]?.id}`,
          toAddress: sub.email,
          locale: sub.locale,
          topic: "search",
          ...mail,
          url: `${opts.baseUrl}/soeg`,
          unsubscribeUrl: `${opts.baseUrl}/api/v1/search/subscriptions/${sub.token}/unsubscribe`,
        });
        await tx
          .insert(searchSubscriptionDeliveries)
          .values(hits.map((h) => ({ subscriptionId: sub.id, documentId: h.id, level: h.level })))
          .onConflictDoNothing();
        await tx
          .update(searchSubscriptions)
          .set({ lastSentAt: now })
          .where(eq(searchSubscriptions.id, sub.id));
      });
      run.mails++;
      run.hits += hits.length;
    } catch (err) {
      // One subscription whose query no longer parses must not stop the others.
      opts.onError?.(sub.id, err);
    }
  }
  return run;
}
