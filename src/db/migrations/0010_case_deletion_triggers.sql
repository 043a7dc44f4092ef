-- OParl publishes cases (Paper) and consultations: record their deletions too.
CREATE TRIGGER cases_record_deletion AFTER DELETE ON cases FOR EACH ROW EXECUTE FUNCTION tvaers_record_deletion();
--> statement-breakpoint
CREATE TRIGGER consultations_record_deletion AFTER DELETE ON consultations FOR EACH ROW EXECUTE FUNCTION tvaers_record_deletion();
