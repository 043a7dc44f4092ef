ALTER TABLE "obligations" ADD COLUMN "matter_id" integer;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "obligations_matter_idx" ON "obligations" USING btree ("matter_id");