-- Narrow rows for the search index (see docs/search.md, "Figures"): the big tsvectors move out of line
-- (toast_tuple_target, EXTERNAL storage), so a query that matches many documents reads a narrow heap
-- for facets and visibility; ranking uses tsv_rank, a small inline vector of the title (A), the decision
-- (B, left out while only the agenda is public) and the start of the summary (C).
ALTER TABLE search_documents SET (toast_tuple_target = 128);
--> statement-breakpoint
ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE EXTERNAL, ALTER COLUMN tsv_agenda SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE search_documents ADD COLUMN tsv_rank tsvector NOT NULL DEFAULT ''::tsvector;
--> statement-breakpoint
ALTER TABLE search_documents ALTER COLUMN tsv_rank SET STORAGE MAIN;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_items(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents d WHERE d.source = 'item' AND d.source_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM agenda_items i WHERE i.id = d.source_id);
  INSERT INTO search_documents AS d (source, source_id, item_id, meeting_id, body_id, item_number, region, cluster,
      date, item_kind, outcome, public_level, public_full, title, published_at, tsv, tsv_agenda, tsv_rank, updated_at)
  SELECT 'item', i.id, i.id, m.id, m.body_id, i.number, b.region, b.cluster, m.start, i.kind::text, i.outcome::text,
      l.lvl, l.lvl = 2 OR (l.lvl = 1 AND coalesce(i.decision_text, '') = ''), i.title,
      CASE WHEN l.lvl > 0 THEN now() END,
      search_item_tsv(i.title, i.decision_text, i.sections, i.other_sections, i.recommendations, i.case_numbers),
      CASE WHEN l.lvl = 1 AND coalesce(i.decision_text, '') <> ''
        THEN search_item_tsv(i.title, NULL, i.sections, i.other_sections, i.recommendations, i.case_numbers) END,
      setweight(to_tsvector('danish', i.title), 'A')
        || CASE WHEN l.lvl = 1 AND coalesce(i.decision_text, '') <> '' THEN ''::tsvector
                ELSE setweight(to_tsvector('danish', left(coalesce(i.decision_text, ''), 500)), 'B') END
        || setweight(to_tsvector('danish', left(coalesce(i.sections->>'summary', ''), 500)), 'C'),
      now()
  FROM agenda_items i
  JOIN meetings m ON m.id = i.meeting_id
  JOIN bodies b ON b.id = m.body_id
  CROSS JOIN LATERAL (SELECT search_public_level(i.access, m.status) AS lvl) l
  WHERE i.id = ANY(ids)
  ON CONFLICT (source, source_id) DO UPDATE SET
    item_id = excluded.item_id, meeting_id = excluded.meeting_id, body_id = excluded.body_id,
    item_number = excluded.item_number, region = excluded.region, cluster = excluded.cluster, date = excluded.date,
    item_kind = excluded.item_kind, outcome = excluded.outcome, public_level = excluded.public_level,
    public_full = excluded.public_full, title = excluded.title,
    published_at = CASE WHEN excluded.public_level > d.public_level THEN now() ELSE d.published_at END,
    tsv = excluded.tsv, tsv_agenda = excluded.tsv_agenda, tsv_rank = excluded.tsv_rank, updated_at = now();
END $$;
--> statement-breakpoint
-- Attachments: title and extracted file text (at most 200,000 characters: tsvector has a size limit).
-- A closed attachment, or any attachment of a closed item, is never public.
CREATE OR REPLACE FUNCTION search_sync_attachments(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents d WHERE d.source = 'attachment' AND d.source_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.id = d.source_id);
  INSERT INTO search_documents AS d (source, source_id, item_id, meeting_id, body_id, item_number, region, cluster,
      date, item_kind, outcome, public_level, public_full, title, published_at, tsv, tsv_agenda, tsv_rank, updated_at)
  SELECT 'attachment', a.id, i.id, m.id, m.body_id, i.number, b.region, b.cluster, m.start, i.kind::text, NULL,
      l.lvl, l.lvl > 0, a.title, CASE WHEN l.lvl > 0 THEN now() END,
      setweight(to_tsvector('danish', a.title), 'A')
        || setweight(to_tsvector('danish', left(coalesce(ft.text, ''), 200000)), 'D'),
      NULL, setweight(to_tsvector('danish', a.title), 'A'), now()
  FROM attachments a
  JOIN agenda_items i ON i.id = a.item_id
  JOIN meetings m ON m.id = i.meeting_id
  JOIN bodies b ON b.id = m.body_id
  LEFT JOIN file_texts ft ON ft.sha256 = a.sha256
  CROSS JOIN LATERAL (SELECT CASE WHEN a.access = 'closed' THEN 0::smallint
                                  ELSE search_public_level(i.access, m.status) END AS lvl) l
  WHERE a.id = ANY(ids)
  ON CONFLICT (source, source_id) DO UPDATE SET
    item_id = excluded.item_id, meeting_id = excluded.meeting_id, body_id = excluded.body_id,
    item_number = excluded.item_number, region = excluded.region, cluster = excluded.cluster, date = excluded.date,
    item_kind = excluded.item_kind, public_level = excluded.public_level, public_full = excluded.public_full,
    title = excluded.title,
    published_at = CASE WHEN excluded.public_level > d.public_level THEN now() ELSE d.published_at END,
    tsv = excluded.tsv, tsv_rank = excluded.tsv_rank, updated_at = now();
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_bodies(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents d WHERE d.source = 'body' AND d.source_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM bodies b WHERE b.id = d.source_id);
  INSERT INTO search_documents AS d (source, source_id, body_id, region, cluster, public_level, public_full, title,
      published_at, tsv, tsv_rank, updated_at)
  SELECT 'body', b.id, b.id, b.region, b.cluster, 2, true, b.name, now(),
      setweight(to_tsvector('danish', concat_ws(' ', b.name, b.short_name)), 'A')
        || setweight(array_to_tsvector(ARRAY(SELECT lower(b.short_name) WHERE b.short_name IS NOT NULL)), 'A')
        || setweight(to_tsvector('danish', coalesce(b.mandate_purpose, '')), 'C')
        || setweight(to_tsvector('danish', concat_ws(' ', b.region, b.cluster)), 'D'),
      setweight(to_tsvector('danish', concat_ws(' ', b.name, b.short_name)), 'A'),
      now()
  FROM bodies b WHERE b.id = ANY(ids)
  ON CONFLICT (source, source_id) DO UPDATE SET
    region = excluded.region, cluster = excluded.cluster, title = excluded.title, tsv = excluded.tsv,
    tsv_rank = excluded.tsv_rank, updated_at = now();
  -- A body's region and cluster are filters on everything held in it.
  UPDATE search_documents d SET region = b.region, cluster = b.cluster
  FROM bodies b
  WHERE b.id = ANY(ids) AND d.body_id = b.id AND d.source <> 'body'
    AND (d.region IS DISTINCT FROM b.region OR d.cluster IS DISTINCT FROM b.cluster);
END $$;
--> statement-breakpoint
-- Persons: name and job title are public (e-mail addresses are not indexed).
CREATE OR REPLACE FUNCTION search_sync_persons(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents d WHERE d.source = 'person' AND d.source_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = d.source_id);
  INSERT INTO search_documents AS d (source, source_id, public_level, public_full, title, published_at, tsv, tsv_rank, updated_at)
  SELECT 'person', p.id, 2, true, p.name, now(),
      setweight(to_tsvector('danish', p.name), 'A') || setweight(to_tsvector('danish', coalesce(p.title, '')), 'B'),
      setweight(to_tsvector('danish', p.name), 'A'),
      now()
  FROM persons p WHERE p.id = ANY(ids)
  ON CONFLICT (source, source_id) DO UPDATE SET title = excluded.title, tsv = excluded.tsv, tsv_rank = excluded.tsv_rank, updated_at = now();
END $$;
--> statement-breakpoint
-- Rewrite what is there: new storage applies to new row versions.
SELECT search_sync_bodies(ARRAY(SELECT id FROM bodies));
--> statement-breakpoint
SELECT search_sync_persons(ARRAY(SELECT id FROM persons));
--> statement-breakpoint
SELECT search_sync_items(ARRAY(SELECT id FROM agenda_items));
--> statement-breakpoint
SELECT search_sync_attachments(ARRAY(SELECT id FROM attachments));
