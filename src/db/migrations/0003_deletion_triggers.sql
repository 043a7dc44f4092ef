-- Record every deleted row of the tables OParl publishes, whatever code path deleted it.
CREATE OR REPLACE FUNCTION tvaers_record_deletion() RETURNS trigger AS $$
BEGIN
  INSERT INTO deleted_objects (table_name, row_id) VALUES (TG_TABLE_NAME, OLD.id);
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER parties_record_deletion AFTER DELETE ON parties FOR EACH ROW EXECUTE FUNCTION tvaers_record_deletion();
--> statement-breakpoint
CREATE TRIGGER bodies_record_deletion AFTER DELETE ON bodies FOR EACH ROW EXECUTE FUNCTION tvaers_record_deletion();
--> statement-breakpoint
CREATE TRIGGER persons_record_deletion AFTER DELETE ON persons FOR EACH ROW EXECUTE FUNCTION tvaers_record_deletion();
--> statement-breakpoint
CREATE TRIGGER memberships_record_deletion AFTER DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION tvaers_record_deletion();
--> statement-breakpoint
CREATE TRIGGER meetings_record_deletion AFTER DELETE ON meetings FOR EACH ROW EXECUTE FUNCTION tvaers_record_deletion();
--> statement-breakpoint
CREATE TRIGGER agenda_items_record_deletion AFTER DELETE ON agenda_items FOR EACH ROW EXECUTE FUNCTION tvaers_record_deletion();
--> statement-breakpoint
CREATE TRIGGER attachments_record_deletion AFTER DELETE ON attachments FOR EACH ROW EXECUTE FUNCTION tvaers_record_deletion();
