ALTER TABLE "conversions" DROP CONSTRAINT "conversions_voucher_id_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "conversions_voucher_active_unique" ON "conversions" USING btree ("voucher_id") WHERE "conversions"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "conversions_voucher_idx" ON "conversions" USING btree ("voucher_id","created_at");