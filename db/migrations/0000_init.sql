CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_items" (
	"assignment_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	CONSTRAINT "assignment_items_assignment_id_item_key_pk" PRIMARY KEY("assignment_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "assignment_people" (
	"assignment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "assignment_people_assignment_id_person_id_pk" PRIMARY KEY("assignment_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"event_type" text NOT NULL,
	"actor_user_id" uuid,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"person_id" uuid,
	"payload" text NOT NULL,
	"prev_hash" char(64) NOT NULL,
	"hash" char(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" char(64) NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"category" text NOT NULL,
	"file_name" text NOT NULL,
	"person_id" uuid,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"kind" text NOT NULL,
	"confidence" text,
	"source" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"province_code" char(2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_abilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"field" text NOT NULL,
	"detail" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "person_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"house_no" text NOT NULL,
	"moo" text,
	"soi" text,
	"road" text,
	"tambon_code" char(6) NOT NULL,
	"postcode" char(5) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_decorations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_date" date NOT NULL,
	"decoration" text NOT NULL,
	"other_name" text,
	"gazette_volume" text,
	"gazette_section" text,
	"gazette_date" date,
	"page" text,
	"sequence" text
);
--> statement-breakpoint
CREATE TABLE "person_discipline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year_be" integer NOT NULL,
	"penalty" text NOT NULL,
	"offence" text NOT NULL,
	"reference" text,
	"note" text,
	"amends_id" uuid,
	"change_kind" text
);
--> statement-breakpoint
CREATE TABLE "person_education" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"level" text NOT NULL,
	"institution" text NOT NULL,
	"from_month" char(7) NOT NULL,
	"to_month" char(7),
	"degree" text,
	"major" text,
	"minor" text,
	"used_for_appointment" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_ethics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year_be" integer NOT NULL,
	"behaviour" text NOT NULL,
	"law" text,
	"result" text NOT NULL,
	"reference" text
);
--> statement-breakpoint
CREATE TABLE "person_family" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"relation" text NOT NULL,
	"prefix" text,
	"first_name" text NOT NULL,
	"middle_name" text,
	"last_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_leave" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"sick_times" integer NOT NULL,
	"sick_days" numeric(5, 1) NOT NULL,
	"personal_times" integer NOT NULL,
	"personal_days" numeric(5, 1) NOT NULL,
	"maternity_times" integer NOT NULL,
	"maternity_days" numeric(5, 1) NOT NULL,
	"paternity_times" integer NOT NULL,
	"paternity_days" numeric(5, 1) NOT NULL,
	"vacation_times" integer NOT NULL,
	"vacation_days" numeric(5, 1) NOT NULL,
	"ordination_times" integer NOT NULL,
	"ordination_days" numeric(5, 1) NOT NULL,
	"military_times" integer NOT NULL,
	"military_days" numeric(5, 1) NOT NULL,
	"study_domestic_times" integer NOT NULL,
	"study_domestic_days" numeric(5, 1) NOT NULL,
	"study_abroad_times" integer NOT NULL,
	"study_abroad_days" numeric(5, 1) NOT NULL,
	"international_org_times" integer NOT NULL,
	"international_org_days" numeric(5, 1) NOT NULL,
	"follow_spouse_times" integer NOT NULL,
	"follow_spouse_days" numeric(5, 1) NOT NULL,
	"rehabilitation_times" integer NOT NULL,
	"rehabilitation_days" numeric(5, 1) NOT NULL,
	"absent_times" integer NOT NULL,
	"absent_days" numeric(5, 1) NOT NULL,
	"late_times" integer NOT NULL,
	"late_days" numeric(5, 1) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"number" text NOT NULL,
	"issue_date" date,
	"expiry_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_martial_law" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"detail" text NOT NULL,
	"reference" text
);
--> statement-breakpoint
CREATE TABLE "person_names" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prefix" text NOT NULL,
	"rank_title" text,
	"first_name" text NOT NULL,
	"middle_name" text,
	"last_name" text NOT NULL,
	"effective_date" date NOT NULL,
	"reference" text
);
--> statement-breakpoint
CREATE TABLE "person_others" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"slot" integer NOT NULL,
	"year_be" integer NOT NULL,
	"document_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_research" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_month" char(7) NOT NULL,
	"to_month" char(7),
	"title" text NOT NULL,
	"organiser" text
);
--> statement-breakpoint
CREATE TABLE "person_service" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"effective_date" date NOT NULL,
	"position_title" text NOT NULL,
	"agency" text NOT NULL,
	"office_id" uuid,
	"standing" text DEFAULT 'none' NOT NULL,
	"position_number" text,
	"position_type" text,
	"rank_level" text,
	"salary_satang" bigint,
	"position_allowance_satang" bigint,
	"compensation_satang" bigint,
	"other_special_pay_satang" bigint,
	"reference_document" text,
	"mode" text DEFAULT 'current' NOT NULL,
	"note" text,
	"order_id" uuid
);
--> statement-breakpoint
CREATE TABLE "person_special_duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"detail" text NOT NULL,
	"reference" text
);
--> statement-breakpoint
CREATE TABLE "person_study_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_month" char(7) NOT NULL,
	"to_month" char(7),
	"place" text NOT NULL,
	"abroad" boolean DEFAULT false NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "person_training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_month" char(7) NOT NULL,
	"to_month" char(7),
	"course" text NOT NULL,
	"place" text,
	"organiser" text
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"national_id" char(13) NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"record_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"birth_date" date,
	"blood_group" text,
	"appointment_date" date,
	"subject_group" text,
	"office_id" uuid,
	"position_id" uuid,
	"display_name" text DEFAULT '' NOT NULL,
	"search_name" text DEFAULT '' NOT NULL,
	"current_standing" text,
	"current_position_title" text,
	"last_owner_review_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"position_number" text NOT NULL,
	"title" text NOT NULL,
	"position_type" text,
	"holder_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"office_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"last_reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reference" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" char(64) PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"auth_time" timestamp with time zone NOT NULL,
	"auth_method" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"national_id" char(13) NOT NULL,
	"person_id" uuid,
	"display_name" text NOT NULL,
	"password_hash" text,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignment_items" ADD CONSTRAINT "assignment_items_assignment_id_role_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."role_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_people" ADD CONSTRAINT "assignment_people_assignment_id_role_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."role_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_people" ADD CONSTRAINT "assignment_people_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_abilities" ADD CONSTRAINT "person_abilities_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_addresses" ADD CONSTRAINT "person_addresses_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_decorations" ADD CONSTRAINT "person_decorations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_discipline" ADD CONSTRAINT "person_discipline_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_education" ADD CONSTRAINT "person_education_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_ethics" ADD CONSTRAINT "person_ethics_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_family" ADD CONSTRAINT "person_family_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_leave" ADD CONSTRAINT "person_leave_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_licences" ADD CONSTRAINT "person_licences_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_martial_law" ADD CONSTRAINT "person_martial_law_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_others" ADD CONSTRAINT "person_others_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_photos" ADD CONSTRAINT "person_photos_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_research" ADD CONSTRAINT "person_research_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_service" ADD CONSTRAINT "person_service_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_special_duties" ADD CONSTRAINT "person_special_duties_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_study_visits" ADD CONSTRAINT "person_study_visits_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_training" ADD CONSTRAINT "person_training_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_people_person_idx" ON "assignment_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "audit_events_person_idx" ON "audit_events" USING btree ("person_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "documents_person_idx" ON "documents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "documents_sha_idx" ON "documents" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "offices_code_uq" ON "offices" USING btree ("code");--> statement-breakpoint
CREATE INDEX "offices_path_idx" ON "offices" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "offices_parent_idx" ON "offices" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "person_abilities_person_idx" ON "person_abilities" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_addresses_person_idx" ON "person_addresses" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_decorations_person_idx" ON "person_decorations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_discipline_person_idx" ON "person_discipline" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_education_person_idx" ON "person_education" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_ethics_person_idx" ON "person_ethics" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_family_person_idx" ON "person_family" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_leave_person_fy_uq" ON "person_leave" USING btree ("person_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "person_licences_person_idx" ON "person_licences" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_martial_law_person_idx" ON "person_martial_law" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_names_person_idx" ON "person_names" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_others_person_idx" ON "person_others" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_photos_slot_uq" ON "person_photos" USING btree ("person_id","slot");--> statement-breakpoint
CREATE INDEX "person_research_person_idx" ON "person_research" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_service_person_idx" ON "person_service" USING btree ("person_id","effective_date");--> statement-breakpoint
CREATE INDEX "person_special_duties_person_idx" ON "person_special_duties" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_study_visits_person_idx" ON "person_study_visits" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_training_person_idx" ON "person_training" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_national_id_uq" ON "persons" USING btree ("national_id");--> statement-breakpoint
CREATE INDEX "persons_office_idx" ON "persons" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "persons_search_name_idx" ON "persons" USING btree ("search_name" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "positions_office_number_uq" ON "positions" USING btree ("office_id","position_number");--> statement-breakpoint
CREATE UNIQUE INDEX "positions_holder_uq" ON "positions" USING btree ("holder_person_id");--> statement-breakpoint
CREATE INDEX "role_assignments_user_idx" ON "role_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "role_assignments_office_idx" ON "role_assignments" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_national_id_uq" ON "users" USING btree ("national_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_person_uq" ON "users" USING btree ("person_id");