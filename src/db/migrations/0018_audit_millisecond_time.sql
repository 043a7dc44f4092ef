-- Audit times in whole milliseconds: an export carries times as JavaScript dates (milliseconds), so a
-- restored entry must have exactly the time its hash was computed over, or the chain would break.
CREATE OR REPLACE FUNCTION tvaers_audit_append(tbl text, act text, rid text, b jsonb, a jsonb)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  prev text;
  who text := coalesce(nullif(current_setting('tvaers.actor', true), ''), 'system');
  t timestamptz := date_trunc('milliseconds', clock_timestamp());
BEGIN
  PERFORM pg_advisory_xact_lock(7272710);
  SELECT hash INTO prev FROM audit_log ORDER BY id DESC LIMIT 1;
  prev := coalesce(prev, '');
  INSERT INTO audit_log (at, actor, table_name, row_id, action, before, after, prev_hash, hash)
  VALUES (t, who, tbl, rid, act, b, a, prev, tvaers_audit_hash(prev, tbl, act, rid, b, a, who, t));
END;
$$;
