-- The audit log: every change to every data table, chained by SHA-256, append-only.
-- Who: the transaction's `tvaers.actor` setting (set by the application for each transaction).
-- Bulk loads that are audited as one note (the demo, a restore) set `tvaers.audit_bulk` = 'on'.

CREATE OR REPLACE FUNCTION tvaers_audit_hash(prev text, tbl text, act text, rid text, b jsonb, a jsonb, who text, t timestamptz)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(
    prev || '|' || tbl || '|' || act || '|' || coalesce(rid, '') || '|' || coalesce(b::text, '') || '|' ||
    coalesce(a::text, '') || '|' || who || '|' || extract(epoch from t)::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Appends one entry to the chain; serialised by a transaction-level advisory lock so the chain never forks.
CREATE OR REPLACE FUNCTION tvaers_audit_append(tbl text, act text, rid text, b jsonb, a jsonb)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  prev text;
  who text := coalesce(nullif(current_setting('tvaers.actor', true), ''), 'system');
  t timestamptz := clock_timestamp();
BEGIN
  PERFORM pg_advisory_xact_lock(7272710);
  SELECT hash INTO prev FROM audit_log ORDER BY id DESC LIMIT 1;
  prev := coalesce(prev, '');
  INSERT INTO audit_log (at, actor, table_name, row_id, action, before, after, prev_hash, hash)
  VALUES (t, who, tbl, rid, act, b, a, prev, tvaers_audit_hash(prev, tbl, act, rid, b, a, who, t));
END;
$$;
--> statement-breakpoint
-- Row trigger; its arguments name columns left out of the log (secrets, bookkeeping).
CREATE OR REPLACE FUNCTION tvaers_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  b jsonb;
  a jsonb;
  -- without arguments TG_ARGV is null, and jsonb minus null is null
  hidden text[] := coalesce(TG_ARGV, ARRAY[]::text[]);
BEGIN
  IF current_setting('tvaers.audit_bulk', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    b := to_jsonb(OLD) - hidden;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    a := to_jsonb(NEW) - hidden;
  END IF;
  IF TG_OP = 'UPDATE' AND b = a THEN
    RETURN NULL;
  END IF;
  PERFORM tvaers_audit_append(TG_TABLE_NAME, lower(TG_OP), coalesce(a->>'id', b->>'id', a->>'sha256', b->>'sha256'), b, a);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tvaers_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND current_setting('tvaers.audit_bulk', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION tvaers_audit_refuse();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION tvaers_audit_refuse();
--> statement-breakpoint
-- Tables that are not audited, and why: the log itself; derived or transient data.
CREATE OR REPLACE FUNCTION tvaers_audit_excluded() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    'audit_log',          -- the log itself
    'sessions',           -- short-lived login secrets
    'pending_imports',    -- uploads waiting for review, expire in a day
    'search_documents',   -- derived search index
    'search_terms',       -- derived vocabulary
    'alert_deliveries',   -- bookkeeping of sent alerts
    'file_texts',         -- text extracted from stored files
    'stored_files',       -- immutable content by hash; attachments record which file they point to
    'deleted_objects'     -- tombstones derived from deletions, which are logged themselves
  ]
$$;
--> statement-breakpoint
-- Columns never copied into the log, per table.
CREATE OR REPLACE FUNCTION tvaers_audit_hidden_columns(tbl text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE tbl
    WHEN 'users' THEN ARRAY['password_hash']
    WHEN 'api_tokens' THEN ARRAY['token_hash', 'last_used_at']
    ELSE ARRAY[]::text[]
  END
$$;
--> statement-breakpoint
-- Puts the audit trigger on every data table that lacks it; run after each migration, so that tables
-- added later are audited without anyone remembering to.
CREATE OR REPLACE FUNCTION tvaers_audit_attach_all() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  r record;
  n integer := 0;
  args text;
BEGIN
  FOR r IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = current_schema() AND c.relkind = 'r'
      AND c.relname <> ALL (tvaers_audit_excluded())
      AND c.relname NOT LIKE '\_\_%'
      AND NOT EXISTS (SELECT 1 FROM pg_trigger tg WHERE tg.tgrelid = c.oid AND tg.tgname = c.relname || '_audit')
  LOOP
    SELECT string_agg(quote_literal(col), ', ') INTO args FROM unnest(tvaers_audit_hidden_columns(r.relname)) AS col;
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION tvaers_audit(%s)',
      r.relname || '_audit', r.relname, coalesce(args, ''));
    n := n + 1;
  END LOOP;
  RETURN n;
END;
$$;
--> statement-breakpoint
SELECT tvaers_audit_attach_all();
