CREATE TABLE "protocol_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "protocol_counters_number_check" CHECK ("protocol_counters"."last_number" >= 0 and "protocol_counters"."last_number" <= 999999)
);
--> statement-breakpoint
CREATE TABLE "conversion_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversion_id" uuid NOT NULL,
	"protocol_number" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"dossier_sha256" text NOT NULL,
	"dossier" jsonb NOT NULL,
	"signature" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "conversion_submissions" ADD CONSTRAINT "conversion_submissions_conversion_id_conversions_id_fk" FOREIGN KEY ("conversion_id") REFERENCES "public"."conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversion_submissions_conversion_idx" ON "conversion_submissions" USING btree ("conversion_id","submitted_at");