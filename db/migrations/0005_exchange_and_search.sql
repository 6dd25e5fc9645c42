CREATE TABLE "import_batches" (
	"import_id" uuid NOT NULL,
	"batch_no" integer NOT NULL,
	"imported" integer NOT NULL,
	"rejected" integer NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_batches_import_id_batch_no_pk" PRIMARY KEY("import_id","batch_no")
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"import_id" uuid NOT NULL,
	"batch_no" integer NOT NULL,
	"seq" integer NOT NULL,
	"sheet" text NOT NULL,
	"row_no" integer NOT NULL,
	"national_id" text,
	"field" text,
	"message" text NOT NULL,
	CONSTRAINT "import_errors_import_id_batch_no_seq_pk" PRIMARY KEY("import_id","batch_no","seq")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"created_by" uuid,
	"total_people" integer,
	"imported_people" integer DEFAULT 0 NOT NULL,
	"rejected_people" integer DEFAULT 0 NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (khru_grams(search_name)) STORED;--> statement-breakpoint
CREATE INDEX "import_errors_import_idx" ON "import_errors" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "persons_search_grams_idx" ON "persons" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "persons_position_title_idx" ON "persons" USING btree ("current_position_title" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_standing_idx" ON "persons" USING btree ("current_standing");