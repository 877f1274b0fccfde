CREATE TABLE "local_feast_days" (
	"month_day" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_feast_days_month_day_check" CHECK ("local_feast_days"."month_day" ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
);
--> statement-breakpoint
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
ALTER TABLE "conversions" ADD COLUMN "decision_term_days" integer;--> statement-breakpoint
ALTER TABLE "conversions" ADD COLUMN "decision_days_used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conversions" ADD COLUMN "decision_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversions" ADD COLUMN "decision_suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversions" ADD COLUMN "integration_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pes" ADD COLUMN "close_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pes" ADD COLUMN "validation_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "measure_parameters" ADD COLUMN "close_term_working_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "measure_parameters" ADD COLUMN "validate_term_working_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "measure_parameters" ADD COLUMN "decision_term_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "measure_parameters" ADD COLUMN "integration_term_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "pes_reminders" ADD CONSTRAINT "pes_reminders_pes_id_pes_id_fk" FOREIGN KEY ("pes_id") REFERENCES "public"."pes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pes_reminders" ADD CONSTRAINT "pes_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_jobs_due_idx" ON "scheduled_jobs" USING btree ("run_after") WHERE "scheduled_jobs"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "conversions_decision_due_idx" ON "conversions" USING btree ("decision_due_at","id") WHERE "conversions"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "pes_provider_close_due_idx" ON "pes" USING btree ("provider_id","status","close_due_at");--> statement-breakpoint
CREATE INDEX "pes_provider_validation_due_idx" ON "pes" USING btree ("provider_id","status","validation_due_at");--> statement-breakpoint
CREATE INDEX "pes_close_due_idx" ON "pes" USING btree ("close_due_at") WHERE "pes"."status" = 'close_requested';--> statement-breakpoint
CREATE INDEX "pes_validation_due_idx" ON "pes" USING btree ("validation_due_at") WHERE "pes"."status" = 'awaiting_validation';--> statement-breakpoint
ALTER TABLE "measure_parameters" ADD CONSTRAINT "measure_parameters_terms_check" CHECK ("measure_parameters"."close_term_working_days" between 1 and 365 and "measure_parameters"."validate_term_working_days" between 1 and 365 and "measure_parameters"."decision_term_days" between 1 and 365 and "measure_parameters"."integration_term_days" between 1 and 365);