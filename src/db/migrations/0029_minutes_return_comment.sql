ALTER TABLE "meetings" ADD COLUMN "minutes_return_comment" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes_returned_at" timestamp with time zone;