CREATE TABLE "pes_reminders" (
	"pes_id" uuid NOT NULL,
	"day" text NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pes_reminders_pes_id_day_pk" PRIMARY KEY("pes_id","day"),
	CONSTRAINT "pes_reminders_day_check" CHECK ("pes_reminders"."day" ~ '^\d{4}-\d{2}-\d{2}$')
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"outcome" jsonb,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_jobs_key_unique" UNIQUE("key"),
	CONSTRAINT "scheduled_jobs_status_check" CHECK ("scheduled_jobs"."status" in ('pending', 'done', 'failed')),
	CONSTRAINT "scheduled_jobs_kind_check" CHECK ("scheduled_jobs"."kind" in ('plan_daily', 'provider_digest', 'office_digest', 'family_integration_reminder', 'family_office_term_passed'))
);
--> statement-breakpoint
ALTER TABLE "pes_reminders" ADD CONSTRAINT "pes_reminders_pes_id_pes_id_fk" FOREIGN KEY ("pes_id") REFERENCES "public"."pes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pes_reminders" ADD CONSTRAINT "pes_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_jobs_due_idx" ON "scheduled_jobs" USING btree ("run_after") WHERE "scheduled_jobs"."status" = 'pending';