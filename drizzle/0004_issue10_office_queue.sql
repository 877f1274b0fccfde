CREATE TABLE "conversion_queue_counts" (
	"status" text PRIMARY KEY NOT NULL,
	"n" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pes" DROP CONSTRAINT "pes_status_check";--> statement-breakpoint
DROP INDEX "conversions_status_submitted_idx";--> statement-breakpoint
DROP INDEX "conversions_submitted_idx";--> statement-breakpoint
CREATE INDEX "users_cf_prefix_idx" ON "users" USING btree ("codice_fiscale" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_family_name_prefix_idx" ON "users" USING btree (lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "vouchers_number_prefix_idx" ON "vouchers" USING btree ("number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "conversions_protocol_prefix_idx" ON "conversions" USING btree ("protocol_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pes_provider_conversion_idx" ON "pes" USING btree ("provider_id","conversion_id") WHERE "pes"."conversion_id" is not null;--> statement-breakpoint
CREATE INDEX "conversions_status_submitted_idx" ON "conversions" USING btree ("status","submitted_at","id") WHERE "conversions"."submitted_at" is not null;--> statement-breakpoint
CREATE INDEX "conversions_submitted_idx" ON "conversions" USING btree ("submitted_at","id") WHERE "conversions"."submitted_at" is not null;--> statement-breakpoint
ALTER TABLE "pes" ADD CONSTRAINT "pes_status_check" CHECK ("pes"."status" in ('active', 'close_requested', 'closed', 'draft', 'awaiting_validation', 'validated', 'rejected', 'deleted', 'cancelled'));