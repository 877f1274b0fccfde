DROP INDEX "documents_pes_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "documents_pes_unique" ON "documents" USING btree ("pes_id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_sha256_check" CHECK ("documents"."sha256" ~ '^[0-9a-f]{64}$');