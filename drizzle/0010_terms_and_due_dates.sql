CREATE TABLE "local_feast_days" (
	"month_day" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_feast_days_month_day_check" CHECK ("local_feast_days"."month_day" ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
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
CREATE INDEX "conversions_decision_due_idx" ON "conversions" USING btree ("decision_due_at","id") WHERE "conversions"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "pes_provider_close_due_idx" ON "pes" USING btree ("provider_id","status","close_due_at");--> statement-breakpoint
CREATE INDEX "pes_provider_validation_due_idx" ON "pes" USING btree ("provider_id","status","validation_due_at");--> statement-breakpoint
CREATE INDEX "pes_close_due_idx" ON "pes" USING btree ("close_due_at") WHERE "pes"."status" = 'close_requested';--> statement-breakpoint
CREATE INDEX "pes_validation_due_idx" ON "pes" USING btree ("validation_due_at") WHERE "pes"."status" = 'awaiting_validation';--> statement-breakpoint
ALTER TABLE "measure_parameters" ADD CONSTRAINT "measure_parameters_terms_check" CHECK ("measure_parameters"."close_term_working_days" between 1 and 365 and "measure_parameters"."validate_term_working_days" between 1 and 365 and "measure_parameters"."decision_term_days" between 1 and 365 and "measure_parameters"."integration_term_days" between 1 and 365);