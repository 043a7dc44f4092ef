ALTER TABLE "obligation_addressees" ALTER COLUMN "body_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "obligation_addressees" ADD COLUMN "party_id" integer;--> statement-breakpoint
ALTER TABLE "obligation_addressees" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "obligation_addressees" ADD COLUMN "file_name" text;--> statement-breakpoint
ALTER TABLE "obligation_addressees" ADD COLUMN "mime_type" text;--> statement-breakpoint
ALTER TABLE "obligation_addressees" ADD COLUMN "size" bigint;--> statement-breakpoint
ALTER TABLE "obligation_addressees" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "obligations" ADD COLUMN "kind" text DEFAULT 'obligation' NOT NULL;--> statement-breakpoint
ALTER TABLE "obligations" ADD COLUMN "report_sha256" text;--> statement-breakpoint
ALTER TABLE "obligations" ADD COLUMN "report_file_name" text;--> statement-breakpoint
ALTER TABLE "obligations" ADD COLUMN "report_mime_type" text;--> statement-breakpoint
ALTER TABLE "obligations" ADD COLUMN "report_size" bigint;--> statement-breakpoint
ALTER TABLE "obligation_addressees" ADD CONSTRAINT "obligation_addressees_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_addressees" ADD CONSTRAINT "obligation_addressees_sha256_stored_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_report_sha256_stored_files_sha256_fk" FOREIGN KEY ("report_sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "obligation_addressees_party_uq" ON "obligation_addressees" USING btree ("obligation_id","party_id");--> statement-breakpoint
CREATE INDEX "obligation_addressees_party_idx" ON "obligation_addressees" USING btree ("party_id");--> statement-breakpoint
ALTER TABLE "obligation_addressees" ADD CONSTRAINT "obligation_addressees_body_or_party" CHECK (("obligation_addressees"."body_id" is null) <> ("obligation_addressees"."party_id" is null));