ALTER TABLE "bodies" ADD COLUMN "agenda_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "agenda_approval_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "agenda_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "agenda_approved_by" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "agenda_return_comment" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "agenda_returned_at" timestamp with time zone;