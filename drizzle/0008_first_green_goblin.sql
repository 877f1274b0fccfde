ALTER TABLE "notification_outbox" ADD COLUMN "secrets" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "secrets_expire_at" timestamp with time zone;