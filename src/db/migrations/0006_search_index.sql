-- Search index (modules/search): tsvector columns, GIN and trigram indexes, and the triggers that keep
-- search_documents in step with every write, in the writing transaction. Statement-level triggers with
-- transition tables, so that a bulk insert (import, restore, benchmark corpus) is indexed set-wise.
-- Visibility mirrors modules/meetings/visibility.ts: the public sees an open item's agenda text once
-- the agenda is published, and its decision once the minutes are; closed items and attachments never.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
ALTER TABLE search_documents
  ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector,
  ADD COLUMN tsv_agenda tsvector,
  ADD COLUMN public_full boolean NOT NULL DEFAULT false;
--> statement-breakpoint
COMMENT ON COLUMN search_documents.tsv IS 'all text, weighted: title A, decision B, summary C, other D';
--> statement-breakpoint
COMMENT ON COLUMN search_documents.tsv_agenda IS 'an item without its decision, only while the public sees the agenda but not the minutes';
--> statement-breakpoint
COMMENT ON COLUMN search_documents.public_full IS 'the public may search and see all of tsv';
--> statement-breakpoint
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
--> statement-breakpoint
CREATE INDEX search_documents_tsv_agenda_idx ON search_documents USING gin (tsv_agenda) WHERE tsv_agenda IS NOT NULL;
--> statement-breakpoint
CREATE INDEX search_terms_trgm_idx ON search_terms USING gin (term gin_trgm_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_public_level(item_access access, status meeting_status) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE WHEN item_access = 'closed' OR status = 'planned' THEN 0
               WHEN status = 'minutes_published' THEN 2 ELSE 1 END)::smallint
$$;
--> statement-breakpoint
-- An item's text other than title, summary and decision: the remaining sections, other sections,
-- recommendations and case numbers.
CREATE OR REPLACE FUNCTION search_item_other_text(sections jsonb, other_sections jsonb, recommendations jsonb, case_numbers jsonb)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(E'\n',
    (SELECT string_agg(value, E'\n') FROM jsonb_each_text(sections) WHERE key <> 'summary'),
    (SELECT string_agg(concat_ws(E'\n', o->>'heading', o->>'text'), E'\n') FROM jsonb_array_elements(other_sections) o),
    (SELECT string_agg(r, E'\n') FROM jsonb_array_elements_text(recommendations) r),
    (SELECT string_agg(c, ' ') FROM jsonb_array_elements_text(case_numbers) c))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_item_tsv(title text, decision text, sections jsonb, other_sections jsonb, recommendations jsonb, case_numbers jsonb)
RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('danish', title), 'A')
    || setweight(to_tsvector('danish', coalesce(decision, '')), 'B')
    || setweight(to_tsvector('danish', coalesce(sections->>'summary', '')), 'C')
    || setweight(to_tsvector('danish', search_item_other_text(sections, other_sections, recommendations, case_numbers)), 'D')
    || setweight(array_to_tsvector(ARRAY(SELECT lower(c) FROM jsonb_array_elements_text(case_numbers) c)), 'D')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_items(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents d WHERE d.source = 'item' AND d.source_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM agenda_items i WHERE i.id = d.source_id);
  INSERT INTO search_documents AS d (source, source_id, item_id, meeting_id, body_id, item_number, region, cluster,
      date, item_kind, outcome, public_level, public_full, title, published_at, tsv, tsv_agenda, updated_at)
  SELECT 'item', i.id, i.id, m.id, m.body_id, i.number, b.region, b.cluster, m.start, i.kind::text, i.outcome::text,
      l.lvl, l.lvl = 2 OR (l.lvl = 1 AND coalesce(i.decision_text, '') = ''), i.title,
      CASE WHEN l.lvl > 0 THEN now() END,
      search_item_tsv(i.title, i.decision_text, i.sections, i.other_sections, i.recommendations, i.case_numbers),
      CASE WHEN l.lvl = 1 AND coalesce(i.decision_text, '') <> ''
        THEN search_item_tsv(i.title, NULL, i.sections, i.other_sections, i.recommendations, i.case_numbers) END,
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
    tsv = excluded.tsv, tsv_agenda = excluded.tsv_agenda, updated_at = now();
END $$;
--> statement-breakpoint
-- Attachments: title and extracted file text (at most 200,000 characters: tsvector has a size limit).
-- A closed attachment, or any attachment of a closed item, is never public.
CREATE OR REPLACE FUNCTION search_sync_attachments(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents d WHERE d.source = 'attachment' AND d.source_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.id = d.source_id);
  INSERT INTO search_documents AS d (source, source_id, item_id, meeting_id, body_id, item_number, region, cluster,
      date, item_kind, outcome, public_level, public_full, title, published_at, tsv, tsv_agenda, updated_at)
  SELECT 'attachment', a.id, i.id, m.id, m.body_id, i.number, b.region, b.cluster, m.start, i.kind::text, NULL,
      l.lvl, l.lvl > 0, a.title, CASE WHEN l.lvl > 0 THEN now() END,
      setweight(to_tsvector('danish', a.title), 'A')
        || setweight(to_tsvector('danish', left(coalesce(ft.text, ''), 200000)), 'D'),
      NULL, now()
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
    tsv = excluded.tsv, updated_at = now();
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_bodies(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents d WHERE d.source = 'body' AND d.source_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM bodies b WHERE b.id = d.source_id);
  INSERT INTO search_documents AS d (source, source_id, body_id, region, cluster, public_level, public_full, title,
      published_at, tsv, updated_at)
  SELECT 'body', b.id, b.id, b.region, b.cluster, 2, true, b.name, now(),
      setweight(to_tsvector('danish', concat_ws(' ', b.name, b.short_name)), 'A')
        || setweight(array_to_tsvector(ARRAY(SELECT lower(b.short_name) WHERE b.short_name IS NOT NULL)), 'A')
        || setweight(to_tsvector('danish', coalesce(b.mandate_purpose, '')), 'C')
        || setweight(to_tsvector('danish', concat_ws(' ', b.region, b.cluster)), 'D'),
      now()
  FROM bodies b WHERE b.id = ANY(ids)
  ON CONFLICT (source, source_id) DO UPDATE SET
    region = excluded.region, cluster = excluded.cluster, title = excluded.title, tsv = excluded.tsv, updated_at = now();
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
  INSERT INTO search_documents AS d (source, source_id, public_level, public_full, title, published_at, tsv, updated_at)
  SELECT 'person', p.id, 2, true, p.name, now(),
      setweight(to_tsvector('danish', p.name), 'A') || setweight(to_tsvector('danish', coalesce(p.title, '')), 'B'),
      now()
  FROM persons p WHERE p.id = ANY(ids)
  ON CONFLICT (source, source_id) DO UPDATE SET title = excluded.title, tsv = excluded.tsv, updated_at = now();
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_on_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents d USING old_rows o WHERE d.source = 'item' AND d.source_id = o.id;
  ELSE
    PERFORM search_sync_items(ARRAY(SELECT id FROM new_rows));
    IF TG_OP = 'UPDATE' THEN
      -- The item's access and number carry over to its attachments.
      PERFORM search_sync_attachments(ARRAY(SELECT a.id FROM attachments a JOIN new_rows n ON n.id = a.item_id));
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_items_ins AFTER INSERT ON agenda_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_items();
--> statement-breakpoint
CREATE TRIGGER search_items_upd AFTER UPDATE ON agenda_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_items();
--> statement-breakpoint
CREATE TRIGGER search_items_del AFTER DELETE ON agenda_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_items();
--> statement-breakpoint
-- A meeting's status, body or date changes what its items show and to whom.
CREATE OR REPLACE FUNCTION search_on_meetings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed integer[];
BEGIN
  changed := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE o.status IS DISTINCT FROM n.status OR o.body_id IS DISTINCT FROM n.body_id OR o.start IS DISTINCT FROM n.start);
  IF cardinality(changed) > 0 THEN
    PERFORM search_sync_items(ARRAY(SELECT i.id FROM agenda_items i WHERE i.meeting_id = ANY(changed)));
    PERFORM search_sync_attachments(ARRAY(SELECT a.id FROM attachments a JOIN agenda_items i ON i.id = a.item_id
      WHERE i.meeting_id = ANY(changed)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_meetings_upd AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_meetings();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_on_attachments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents d USING old_rows o WHERE d.source = 'attachment' AND d.source_id = o.id;
  ELSE
    PERFORM search_sync_attachments(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_attachments_ins AFTER INSERT ON attachments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_attachments();
--> statement-breakpoint
CREATE TRIGGER search_attachments_upd AFTER UPDATE ON attachments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_attachments();
--> statement-breakpoint
CREATE TRIGGER search_attachments_del AFTER DELETE ON attachments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_attachments();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_on_file_texts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_sync_attachments(ARRAY(SELECT a.id FROM attachments a JOIN new_rows n ON n.sha256 = a.sha256));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_file_texts_ins AFTER INSERT ON file_texts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_file_texts();
--> statement-breakpoint
CREATE TRIGGER search_file_texts_upd AFTER UPDATE ON file_texts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_file_texts();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_on_bodies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents d USING old_rows o WHERE d.source = 'body' AND d.source_id = o.id;
  ELSE
    PERFORM search_sync_bodies(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_bodies_ins AFTER INSERT ON bodies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_bodies();
--> statement-breakpoint
CREATE TRIGGER search_bodies_upd AFTER UPDATE ON bodies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_bodies();
--> statement-breakpoint
CREATE TRIGGER search_bodies_del AFTER DELETE ON bodies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_bodies();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_on_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents d USING old_rows o WHERE d.source = 'person' AND d.source_id = o.id;
  ELSE
    PERFORM search_sync_persons(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_persons_ins AFTER INSERT ON persons REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_persons();
--> statement-breakpoint
CREATE TRIGGER search_persons_upd AFTER UPDATE ON persons REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_persons();
--> statement-breakpoint
CREATE TRIGGER search_persons_del AFTER DELETE ON persons REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_persons();
--> statement-breakpoint
-- The vocabulary: letters-only lexemes of 3+ characters, for compound expansion and typo correction.
-- Never shown to readers (it holds words of closed material too); only used to widen a query that
-- then runs against what the reader may see.
CREATE OR REPLACE FUNCTION search_collect_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_terms (term)
  SELECT DISTINCT w FROM new_rows r, unnest(tsvector_to_array(r.tsv)) w
  WHERE length(w) BETWEEN 3 AND 60 AND w ~ '^[a-zæøåäöüéèáà]+$'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_terms_ins AFTER INSERT ON search_documents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_collect_terms();
--> statement-breakpoint
CREATE TRIGGER search_terms_upd AFTER UPDATE ON search_documents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_collect_terms();
--> statement-breakpoint
-- Index what is already there.
SELECT search_sync_bodies(ARRAY(SELECT id FROM bodies));
--> statement-breakpoint
SELECT search_sync_persons(ARRAY(SELECT id FROM persons));
--> statement-breakpoint
SELECT search_sync_items(ARRAY(SELECT id FROM agenda_items));
--> statement-breakpoint
SELECT search_sync_attachments(ARRAY(SELECT id FROM attachments));
