import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { hitContext } from "./feed.ts";
import { indexMissingFileTexts } from "./file-text.ts";
import { type PublishedHit, publishedMatches } from "./published.ts";
import { escapeHtml } from "./search.present.ts";
import type { TSavedFilters } from "./search.schemas.ts";
import { compileQuery } from "./search.service.ts";
import { rowsOf } from "./sql.ts";

/** How far back a new saved search (or one after a long pause) looks for news. */
const LOOKBACK_DAYS = 7;
const MAX_PER_MAIL = 50;

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}
/** Sends one e-mail; nodemailer over SMTP in the server (mail.ts), anything in a test. */
export type SendMail = (mail: Mail) => Promise<void>;

export interface AlertRun {
  searches: number;
  mails: number;
  hits: number;
  failed: number;
}

interface SavedRow {
  id: number;
  name: string;
  query: string;
  filters: TSavedFilters;
  createdAt: string;
  email: string;
}

/** The e-mail of one saved search's news: titles, where they come from, and links into the meetings. */
export function alertMail(s: { name: string; email: string }, hits: PublishedHit[], baseUrl: string): Mail {
  const lines = hits.map((h) => `• ${h.title}\n  ${hitContext(h)}\n  ${baseUrl}${h.url}`);
  const items = hits.map(
    (h) =>
      `<li><a href="${escapeHtml(`${baseUrl}${h.url}`)}">${escapeHtml(h.title)}</a><br><small>${escapeHtml(hitContext(h))}</small></li>`,
  );
  const manage = `${baseUrl}/soeg`;
  return {
    to: s.email,
    subject: `Tværs: ${hits.length} ${hits.length === 1 ? "nyt resultat" : "nye resultater"} for »${s.name}«`,
    text: `Nyt offentligt materiale, der matcher din gemte søgning »${s.name}«:\n\n${lines.join("\n\n")}\n\nDine gemte søgninger: ${manage}\n`,
    html: `<p>Nyt offentligt materiale, der matcher din gemte søgning »${escapeHtml(s.name)}«:</p><ul>${items.join("")}</ul><p><a href="${escapeHtml(manage)}">Dine gemte søgninger</a></p>`,
  };
}

/**
 * Sends the alerts: for every saved search with e-mail alerts of an active user, the items and
 * attachments published since it was last run (public material only, at most a week back), each once
 * per level (agenda, minutes). Deliveries are recorded only after the mail was accepted, so a failed
 * send is retried by the next run. Run periodically by the server and by `tvaers alerts send`.
 */
export async function sendAlerts(
  db: Db,
  opts: {
    send: SendMail;
    baseUrl: string;
    now?: Date;
    onError?: (savedSearchId: number, err: unknown) => void;
  },
): Promise<AlertRun> {
  const now = opts.now ?? new Date();
  // Files stored by a process without search (an import from the command line) get their text now.
  await indexMissingFileTexts(db);
  const saved = rowsOf<SavedRow>(
    await db.execute(sql`select s.id, s.name, s.query, s.filters, s.created_at as "createdAt", u.email
      from saved_searches s join users u on u.id = s.user_id
      where s.email_alerts and u.active order by s.id`),
  );
  const run: AlertRun = { searches: saved.length, mails: 0, hits: 0, failed: 0 };
  const floor = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  for (const s of saved) {
    try {
      const q = await compileQuery(db, s.query);
      const created = new Date(s.createdAt);
      const hits = await publishedMatches(
        db,
        q,
        { ...s.filters },
        {
          since: created > floor ? created : floor,
          limit: MAX_PER_MAIL,
          notDeliveredTo: s.id,
        },
      );
      if (hits.length === 0) {
        continue;
      }
      await opts.send(alertMail(s, hits, opts.baseUrl));
      await db.transaction(async (tx) => {
        for (const h of hits) {
          await tx.execute(sql`insert into alert_deliveries (saved_search_id, document_id, level)
            values (${s.id}, ${h.id}, ${h.level}) on conflict do nothing`);
        }
        await tx.execute(
          sql`update saved_searches set last_sent_at = ${now.toISOString()}::timestamptz where id = ${s.id}`,
        );
      });
      run.mails++;
      run.hits += hits.length;
    } catch (err) {
      // One bad search (its query no longer parses, the mail server refused) must not stop the others.
      run.failed++;
      opts.onError?.(s.id, err);
    }
  }
  return run;
}
