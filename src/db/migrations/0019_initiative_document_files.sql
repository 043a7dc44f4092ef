ALTER TABLE "initiative_documents" ALTER COLUMN "url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD COLUMN "file_name" text;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD COLUMN "mime_type" text;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD COLUMN "size" bigint;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD CONSTRAINT "initiative_documents_sha256_stored_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD CONSTRAINT "initiative_documents_link_or_file" CHECK (("initiative_documents"."url" is null) <> ("initiative_documents"."sha256" is null));