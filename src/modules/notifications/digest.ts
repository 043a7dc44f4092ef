/**
 * Daily digests: mails a reader chose to get "once a day" wait in the outbox as `held`; once their
 * Danish day is over, each reader's held mails of that day become one mail (and are marked digested),
 * sent like any other.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { formatIsoDay, isoDayInDenmark } from "../../web/format.ts";
import { t } from "../../web/i18n.ts";
import { assemble } from "./compose.ts";
import { footerFor } from "./expand.ts";
import { rowsOf } from "./rows.ts";

interface Held {
  id: number;
  userId: number;
  toAddress: string;
  locale: string;
  subject: string;
  url: string | null;
  day: string;
  token: string | null;
}

/** Turns the held mails of past days into one digest per reader and day; returns the number made. */
export async function makeDigests(db: Db, opts: { baseUrl: string; now?: Date }): Promise<number> {
  const today = isoDayInDenmark(opts.now ?? new Date());
  const held = rowsOf<Held>(
    await db.execute(sql`select o.id, o.user_id as "userId", o.to_address as "toAddress", o.locale, o.subject, o.url,
        ((o.created_at at time zone 'Europe/Copenhagen')::date)::text as day, p.unsubscribe_token as token
      from notification_outbox o left join notification_profiles p on p.user_id = o.user_id
      where o.state = 'held' and o.user_id is not null
        and (o.created_at at time zone 'Europe/Copenhagen')::date < ${today}::date
      order by o.user_id, day, o.id`),
  );
  const groups = new Map<string, Held[]>();
  for (const h of held) {
    const key = `${h.userId}:${h.day}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  let made = 0;
  for (const [key, rows] of groups) {
    const first = rows[0] as Held;
    const lang = first.locale === "en" ? "en" : "da";
    const day = formatIsoDay(first.day, lang);
    const { footer, oneClick } = footerFor(
      {
        address: first.toAddress,
        locale: lang,
        actor: { userId: first.userId, name: null, isAdmin: false, system: false, roles: new Map() },
        userId: first.userId,
        subscriptionId: null,
        token: first.token ?? "",
        settings: {},
      },
      "all",
      "",
      opts.baseUrl,
    );
    const mail = assemble(
      lang,
      t(lang, "notify.subject.digest", { day }),
      [t(lang, "notify.lead.digest", { day })],
      rows.map((r) => (r.url ? `${r.subject} – ${r.url}` : r.subject)),
      { url: `${opts.baseUrl}/mine-notifikationer`, label: t(lang, "notify.settings.title") },
      { ...footer, memberOf: undefined },
    );
    await db.transaction(async (tx) => {
      const [digest] = rowsOf<{ id: number }>(
        await tx.execute(sql`insert into notification_outbox
            (dedupe_key, user_id, to_address, locale, topic, subject, text, html, url, unsubscribe_url)
          values (${`d${key}`}, ${first.userId}, ${first.toAddress}, ${lang}, 'digest', ${mail.subject}, ${mail.text},
            ${mail.html}, ${`${opts.baseUrl}/mine-notifikationer`}, ${oneClick})
          on conflict (dedupe_key) do nothing returning id`),
      );
      await tx.execute(sql`update notification_outbox set state = 'digested', digest_id = ${digest?.id ?? null}
        where id in (select (jsonb_array_elements_text(${JSON.stringify(rows.map((r) => r.id))}::jsonb))::int)
          and state = 'held'`);
    });
    made++;
  }
  return made;
}
