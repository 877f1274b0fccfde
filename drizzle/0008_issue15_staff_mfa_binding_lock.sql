ALTER TABLE "staff_totp" ADD COLUMN "enrolment_session" text;--> statement-breakpoint
ALTER TABLE "staff_totp" ADD COLUMN "failed_codes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_totp" ADD COLUMN "locked_at" timestamp with time zone;