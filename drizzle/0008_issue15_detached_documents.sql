DROP INDEX "documents_pes_unique";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "detached_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_pes_unique" ON "documents" USING btree ("pes_id") WHERE "documents"."detached_at" is null;