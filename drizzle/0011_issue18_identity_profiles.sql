CREATE TABLE "identity_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"given_name" text,
	"family_name" text,
	"email" text,
	"mobile" text,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity_profiles" ADD CONSTRAINT "identity_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;