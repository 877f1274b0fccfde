CREATE TABLE "provider_bands" (
	"provider_id" uuid NOT NULL,
	"band" text NOT NULL,
	CONSTRAINT "provider_bands_provider_id_band_pk" PRIMARY KEY("provider_id","band"),
	CONSTRAINT "provider_bands_band_check" CHECK ("provider_bands"."band" in ('A', 'B', 'C'))
);
--> statement-breakpoint
CREATE TABLE "provider_measures" (
	"provider_id" uuid NOT NULL,
	"measure" text NOT NULL,
	CONSTRAINT "provider_measures_provider_id_measure_pk" PRIMARY KEY("provider_id","measure"),
	CONSTRAINT "provider_measures_measure_check" CHECK ("provider_measures"."measure" in ('babysitting_covid', 'summer_covid'))
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"tax_code" text NOT NULL,
	"email" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_key" text NOT NULL,
	"ip" text NOT NULL,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_reset_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"codice_fiscale" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text NOT NULL,
	"mobile" text,
	"role" text NOT NULL,
	"provider_id" uuid,
	"password_hash" text NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_codice_fiscale_unique" UNIQUE("codice_fiscale"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('family', 'provider', 'office')),
	CONSTRAINT "users_provider_staff_check" CHECK (("users"."role" = 'provider') = ("users"."provider_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"voucher_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"codice_fiscale" text NOT NULL,
	"birth_date" date NOT NULL,
	"disability" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"holder_id" uuid NOT NULL,
	"total_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"assigned_on" date NOT NULL,
	"employer_name" text NOT NULL,
	"employer_tax_code" text NOT NULL,
	"employer_address" text NOT NULL,
	"employer_sector" text NOT NULL,
	"two_parent_household" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vouchers_number_unique" UNIQUE("number"),
	CONSTRAINT "vouchers_total_check" CHECK ("vouchers"."total_cents" >= 0),
	CONSTRAINT "vouchers_status_check" CHECK ("vouchers"."status" in ('assigned', 'concluded'))
);
--> statement-breakpoint
CREATE TABLE "conversions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"voucher_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"employment_condition" text,
	"declarations" jsonb,
	"employer_confirmed_at" timestamp with time zone,
	"protocol_number" text,
	"submitted_at" timestamp with time zone,
	"signature" jsonb,
	"otp_failed_total" integer DEFAULT 0 NOT NULL,
	"otp_locked" text,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversions_voucher_id_unique" UNIQUE("voucher_id"),
	CONSTRAINT "conversions_protocol_number_unique" UNIQUE("protocol_number"),
	CONSTRAINT "conversions_status_check" CHECK ("conversions"."status" in ('draft', 'awaiting_validation', 'ready_to_submit', 'submitted', 'approved', 'rejected', 'returned')),
	CONSTRAINT "conversions_otp_failed_check" CHECK ("conversions"."otp_failed_total" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"voucher_id" uuid NOT NULL,
	"conversion_id" uuid,
	"provider_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"band" text,
	"hours" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"used_cents" bigint,
	"hours_used" integer,
	"hourly_rate_cents" bigint,
	"status" text NOT NULL,
	"rejection_reason" text,
	"close_requested_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"validation_requested_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pes_code_unique" UNIQUE("code"),
	CONSTRAINT "pes_amount_check" CHECK ("pes"."amount_cents" >= 0),
	CONSTRAINT "pes_used_check" CHECK ("pes"."used_cents" is null or ("pes"."used_cents" >= 0 and "pes"."used_cents" <= "pes"."amount_cents")),
	CONSTRAINT "pes_hours_check" CHECK ("pes"."hours" >= 0),
	CONSTRAINT "pes_hours_used_check" CHECK ("pes"."hours_used" is null or ("pes"."hours_used" >= 0 and "pes"."hours_used" <= "pes"."hours")),
	CONSTRAINT "pes_kind_check" CHECK ("pes"."kind" in ('standard', 'babysitting_covid', 'summer_covid')),
	CONSTRAINT "pes_band_check" CHECK ("pes"."band" is null or "pes"."band" in ('A', 'B', 'C')),
	CONSTRAINT "pes_status_check" CHECK ("pes"."status" in ('active', 'close_requested', 'closed', 'draft', 'awaiting_validation', 'validated', 'rejected')),
	CONSTRAINT "pes_new_has_conversion_check" CHECK (("pes"."kind" = 'standard') = ("pes"."conversion_id" is null)),
	CONSTRAINT "pes_closed_has_used_check" CHECK ("pes"."status" <> 'closed' or "pes"."used_cents" is not null)
);
--> statement-breakpoint
CREATE TABLE "pes_children" (
	"pes_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	CONSTRAINT "pes_children_pes_id_child_id_pk" PRIMARY KEY("pes_id","child_id")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pes_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "documents_size_check" CHECK ("documents"."size_bytes" > 0 and "documents"."size_bytes" <= 2097152)
);
--> statement-breakpoint
CREATE TABLE "otp_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversion_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"dossier_sha256" text NOT NULL,
	"masked_mobile" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "otp_codes_failed_check" CHECK ("otp_codes"."failed_attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"delivered_via" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_outbox_channel_check" CHECK ("notification_outbox"."channel" in ('email', 'sms')),
	CONSTRAINT "notification_outbox_status_check" CHECK ("notification_outbox"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "measure_parameters" (
	"measure" text PRIMARY KEY NOT NULL,
	"legal_reference" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"hourly_cap_one_child_cents" bigint,
	"hourly_cap_multi_child_cents" bigint,
	"copay_basis_points" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_parameters_measure_check" CHECK ("measure_parameters"."measure" in ('babysitting_covid', 'summer_covid')),
	CONSTRAINT "measure_parameters_window_check" CHECK ("measure_parameters"."opens_on" <= "measure_parameters"."closes_on"),
	CONSTRAINT "measure_parameters_copay_check" CHECK ("measure_parameters"."copay_basis_points" between 0 and 10000),
	CONSTRAINT "measure_parameters_caps_check" CHECK (coalesce("measure_parameters"."hourly_cap_one_child_cents", 0) >= 0 and coalesce("measure_parameters"."hourly_cap_multi_child_cents", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "provider_bands" ADD CONSTRAINT "provider_bands_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_measures" ADD CONSTRAINT "provider_measures_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pes" ADD CONSTRAINT "pes_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pes" ADD CONSTRAINT "pes_conversion_id_conversions_id_fk" FOREIGN KEY ("conversion_id") REFERENCES "public"."conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pes" ADD CONSTRAINT "pes_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pes_children" ADD CONSTRAINT "pes_children_pes_id_pes_id_fk" FOREIGN KEY ("pes_id") REFERENCES "public"."pes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pes_children" ADD CONSTRAINT "pes_children_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_pes_id_pes_id_fk" FOREIGN KEY ("pes_id") REFERENCES "public"."pes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otp_codes" ADD CONSTRAINT "otp_codes_conversion_id_conversions_id_fk" FOREIGN KEY ("conversion_id") REFERENCES "public"."conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_account_idx" ON "login_attempts" USING btree ("account_key","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_provider_idx" ON "users" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "children_voucher_position_idx" ON "children" USING btree ("voucher_id","position");--> statement-breakpoint
CREATE INDEX "vouchers_holder_idx" ON "vouchers" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "conversions_status_submitted_idx" ON "conversions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "conversions_submitted_idx" ON "conversions" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "pes_voucher_idx" ON "pes" USING btree ("voucher_id");--> statement-breakpoint
CREATE INDEX "pes_conversion_idx" ON "pes" USING btree ("conversion_id");--> statement-breakpoint
CREATE INDEX "pes_provider_status_idx" ON "pes" USING btree ("provider_id","status","close_requested_at");--> statement-breakpoint
CREATE INDEX "pes_children_child_idx" ON "pes_children" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "documents_pes_idx" ON "documents" USING btree ("pes_id");--> statement-breakpoint
CREATE INDEX "otp_codes_conversion_idx" ON "otp_codes" USING btree ("conversion_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "notification_outbox_due_idx" ON "notification_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notification_outbox_created_idx" ON "notification_outbox" USING btree ("created_at");