ALTER TABLE "conversions" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "conversions" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversions_assigned_idx" ON "conversions" USING btree ("assigned_to","submitted_at","id") WHERE "conversions"."assigned_to" is not null;