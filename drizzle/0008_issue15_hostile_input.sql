ALTER TABLE "conversions" DROP CONSTRAINT "conversions_voucher_id_unique";--> statement-breakpoint
DROP INDEX "documents_pes_unique";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "detached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "secrets" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "secrets_expire_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_totp" ADD COLUMN "enrolment_session" text;--> statement-breakpoint
ALTER TABLE "staff_totp" ADD COLUMN "failed_codes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_totp" ADD COLUMN "locked_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "conversions_voucher_active_unique" ON "conversions" USING btree ("voucher_id") WHERE "conversions"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "conversions_voucher_idx" ON "conversions" USING btree ("voucher_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_pes_unique" ON "documents" USING btree ("pes_id") WHERE "documents"."detached_at" is null;