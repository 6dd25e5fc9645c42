CREATE TABLE "workflow_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"person_id" uuid NOT NULL,
	"office_id" uuid,
	"filed_by" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"status_since" timestamp with time zone DEFAULT now() NOT NULL,
	"step_due_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"reference" text,
	"signature_id" uuid,
	"due_date" date,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workflow_cases" ADD CONSTRAINT "workflow_cases_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_cases" ADD CONSTRAINT "workflow_cases_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_cases" ADD CONSTRAINT "workflow_cases_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_case_id_workflow_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."workflow_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_cases_person_idx" ON "workflow_cases" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "workflow_cases_open_idx" ON "workflow_cases" USING btree ("status") WHERE "workflow_cases"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_steps_case_seq_uq" ON "workflow_steps" USING btree ("case_id","seq");