ALTER TABLE "deleted_objects" ADD COLUMN "created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deleted_objects" ADD COLUMN "parents" jsonb;--> statement-breakpoint
CREATE INDEX "deleted_objects_parents_idx" ON "deleted_objects" USING gin ("parents");--> statement-breakpoint
-- A tombstone keeps the deleted row's created_at (OParl keeps `created` on deleted objects) and its
-- parents' ids, so OParl can raise a parent's `modified` when an embedded object goes.
CREATE OR REPLACE FUNCTION tvaers_record_deletion() RETURNS trigger AS $$
DECLARE
  old_row jsonb := to_jsonb(OLD);
BEGIN
  INSERT INTO deleted_objects (table_name, row_id, created_at, parents)
  VALUES (
    TG_TABLE_NAME,
    OLD.id,
    (old_row ->> 'created_at')::timestamptz,
    jsonb_strip_nulls(jsonb_build_object(
      'person_id', old_row -> 'person_id',
      'body_id', old_row -> 'body_id',
      'meeting_id', old_row -> 'meeting_id',
      'item_id', old_row -> 'item_id',
      'case_id', old_row -> 'case_id'
    ))
  );
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
