/**
 * The mails of a written procedure (the invitation and the one reminder) and of a chair decision (to the
 * chair group), queued in the notifications outbox inside the act's transaction and sent after the commit
 * like every other mail. The dedupe key names the matter and the occasion, so a mail is queued once.
 * A closed matter's title stays out of the mail: the link leads to the workspace, behind the login.
 */
import { and, eq, inArray } from "drizzle-orm";
import { escapeHtml } from "#jsx/jsx-runtime";
import type { DbOrTx } from "../../db/client.ts";
import { formatDateTimeLong } from "../../web/format.ts";
import { type Lang, t } from "../../web/i18n.ts";
import { users } from "../auth/index.ts";
import { notificationOutbox } from "../notifications/index.ts";
import type { matters } from "./matters.tables.ts";
import { matterPath } from "./matters.urls.ts";

type MatterRow = typeof matters.$inferSelect;
export type MatterMail = "invite" | "remind" | "decide";

/** Queues one mail per person with an active user account; returns how many were queued. */
export async function queueMatterMails(
  db: DbOrTx,
  m: MatterRow,
  bodyName: string,
  occasion: MatterMail,
  personIds: readonly number[],
  baseUrl: string,
): Promise<number> {
  if (personIds.length === 0) {
    return 0;
  }
  const readers = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.personId, [...personIds]), eq(users.active, true)));
  const url = `${baseUrl}${matterPath(m.id)}`;
  const rows = readers.map((r) => {
    const lang: Lang = r.locale === "en" ? "en" : "da";
    const params = {
      body: bodyName,
      title: m.access === "closed" ? t(lang, "matters.mail.closedTitle") : m.title,
      deadline: m.deadline ? formatDateTimeLong(m.deadline, lang) : "",
    };
    const subject = t(lang, `matters.mail.${occasion}.subject`, params);
    const lead = t(lang, `matters.mail.${occasion}.lead`, params);
    const link = t(lang, "matters.mail.link");
    return {
      dedupeKey: `matter-${occasion}:${m.id}:${r.email.trim().toLowerCase()}`,
      userId: r.id,
      toAddress: r.email,
      locale: lang,
      topic: "approval",
      bodyId: m.bodyId,
      subject,
      text: `${lead}\n\n${link}: ${url}\n`,
      html: `<p>${escapeHtml(lead)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(link)}</a></p>`,
      url,
    } satisfies typeof notificationOutbox.$inferInsert;
  });
  if (rows.length === 0) {
    return 0;
  }
  const done = await db
    .insert(notificationOutbox)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notificationOutbox.id });
  return done.length;
}
