import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { PUBLIC_ACTOR } from "../auth/index.ts";
import { hitUrl, snippetHtml } from "./search.present.ts";
import { filterConditions, matchCondition, readerOf, type SearchFilters } from "./search.sql.ts";
import { rowsOf } from "./sql.ts";

export interface PublishedHit {
  id: number;
  source: "item" | "attachment";
  sourceId: number;
  meetingId: number;
  itemNumber: number;
  title: string;
  bodyName: string | null;
  date: Date | null;
  /** 1: the agenda was published, 2: the minutes were */
  level: number;
  publishedAt: Date;
  snippet: string | null;
  url: string;
}

const HEADLINE = `StartSel=\uE000, StopSel=\uE001, MaxWords=30, MinWords=12, MaxFragments=1`;

/**
 * Items and attachments that became public, newest first, matching a query as the public sees it:
 * feeds and alerts carry public material only, whoever asks (an e-mail or a feed reader is not a
 * place for closed material).
 */
export async function publishedMatches(
  db: DbOrTx,
  q: SQL | null,
  filters: SearchFilters,
  opts: { since?: Date; limit: number; notDeliveredTo?: number; notAnnouncedTo?: number },
): Promise<PublishedHit[]> {
  const r = readerOf(PUBLIC_ACTOR);
  const conditions = [
    sql`d.source in ('item', 'attachment')`,
    sql`d.published_at is not null`,
    sql`d.public_level > 0`,
    matchCondition(r, q),
    ...filterConditions(r, filters),
  ];
  if (opts.since) {
    conditions.push(sql`d.published_at > ${opts.since.toISOString()}::timestamptz`);
  }
  if (opts.notDeliveredTo !== undefined) {
    conditions.push(sql`not exists (select 1 from alert_deliveries ad
      where ad.saved_search_id = ${opts.notDeliveredTo} and ad.document_id = d.id and ad.level = d.public_level)`);
  }
  if (opts.notAnnouncedTo !== undefined) {
    conditions.push(sql`not exists (select 1 from search_subscription_deliveries sd
      where sd.subscription_id = ${opts.notAnnouncedTo} and sd.document_id = d.id and sd.level = d.public_level)`);
  }
  const snippet =
    q === null
      ? sql`null::text`
      : sql`case
          when d.source = 'item' then ts_headline('danish', concat_ws(E'\\n', i.sections->>'summary',
              case when d.public_level = 2 then i.decision_text end,
              search_item_other_text(i.sections, i.other_sections, i.recommendations, i.case_numbers)), ${q}, ${HEADLINE})
          else ts_headline('danish', left(ft.text, 20000), ${q}, ${HEADLINE})
        end`;
  const rows = rowsOf<
    Omit<PublishedHit, "url" | "date" | "publishedAt"> & { date: string | null; publishedAt: string }
  >(
    await db.execute(sql`
      select d.id, d.source, d.source_id as "sourceId", d.meeting_id as "meetingId", d.item_number as "itemNumber",
        d.title, b.name as "bodyName", d.date, d.public_level as level, d.published_at as "publishedAt",
        ${snippet} as snippet
      from search_documents d
      left join bodies b on b.id = d.body_id
      left join agenda_items i on d.source = 'item' and i.id = d.source_id
      left join attachments a on d.source = 'attachment' and a.id = d.source_id
      left join file_texts ft on ft.sha256 = a.sha256
      where ${sql.join(conditions, sql` and `)}
      order by d.published_at desc, d.id desc
      limit ${opts.limit}`),
  );
  return rows.map((h) => ({
    ...h,
    date: h.date ? new Date(h.date) : null,
    publishedAt: new Date(h.publishedAt),
    snippet: h.snippet ? snippetHtml(h.snippet) : null,
    url: hitUrl(h),
  }));
}
