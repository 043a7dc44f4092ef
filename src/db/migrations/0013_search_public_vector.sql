-- The public's search vector, cut into month buckets (see docs/search.md, "How a search stays fast"):
-- tsv_pub holds exactly what the public may match — the full text where the public sees all of it
-- (public_full), the agenda without the decision while only the agenda is public (tsv_agenda), nothing
-- for closed or unpublished material — with every lexeme prefixed by the month of the meeting
-- ("202611|demens"; "0|…" for bodies and persons, which have no date). Beside the text: the title's
-- lexemes ("202611!demens"), and the filters as tokens ("202611|:v" visible, ":t:item", ":k:decision",
-- ":o:approved" only with public minutes, ":r:<region>", ":c:<cluster>", ":b:<body id>"). A search
-- asks the GIN index for the newest months first and stops once it has enough, so its work is bounded
-- by what it shows, not by how many documents match; visibility needs no heap row at all.
-- Stripped (no positions): phrases are checked again on the candidates' own vectors.
CREATE OR REPLACE FUNCTION search_public_vector(d timestamptz, source text, body_id integer, region text,
  cluster text, item_kind text, outcome text, public_level smallint, public_full boolean, tsv tsvector,
  tsv_agenda tsvector, tsv_rank tsvector)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN public_level = 0 THEN ''::tsvector ELSE array_to_tsvector(ARRAY(
      SELECT b.m || '|' || l FROM unnest(tsvector_to_array(
        CASE WHEN public_full THEN tsv ELSE coalesce(tsv_agenda, ''::tsvector) END)) l
      UNION ALL
      SELECT b.m || '!' || l FROM unnest(tsvector_to_array(ts_filter(tsv_rank, '{a}'))) l
      UNION ALL
      SELECT b.m || '|:' || t FROM unnest(ARRAY['v', 't:' || source, 'k:' || item_kind,
        'o:' || CASE WHEN public_level = 2 THEN outcome END, 'r:' || lower(region), 'c:' || lower(cluster),
        'b:' || body_id]) t
      WHERE t IS NOT NULL)) END
  FROM (SELECT coalesce((extract(year FROM d AT TIME ZONE 'UTC') * 100
    + extract(month FROM d AT TIME ZONE 'UTC'))::int::text, '0') AS m) b
$$;
--> statement-breakpoint
ALTER TABLE search_documents ADD COLUMN tsv_pub tsvector GENERATED ALWAYS AS (search_public_vector(date, source,
  body_id, region, cluster, item_kind, outcome, public_level, public_full, tsv, tsv_agenda, tsv_rank)) STORED;
--> statement-breakpoint
ALTER TABLE search_documents ALTER COLUMN tsv_pub SET STORAGE EXTERNAL;
--> statement-breakpoint
COMMENT ON COLUMN search_documents.tsv_pub IS 'what the public may match, by month: "YYYYMM|lexeme", "YYYYMM!title lexeme", "YYYYMM|:filter"';
--> statement-breakpoint
CREATE INDEX search_documents_tsv_pub_idx ON search_documents USING gin (tsv_pub);
--> statement-breakpoint
CREATE INDEX search_documents_date_idx ON search_documents USING btree (date);
