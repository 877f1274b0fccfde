CREATE INDEX "pes_provider_updated_idx" ON "pes" USING btree ("provider_id","updated_at" DESC NULLS FIRST,"code");--> statement-breakpoint
CREATE INDEX "pes_provider_validation_idx" ON "pes" USING btree ("provider_id","status","validation_requested_at");--> statement-breakpoint
CREATE INDEX "pes_code_prefix_idx" ON "pes" USING btree ("code" text_pattern_ops);