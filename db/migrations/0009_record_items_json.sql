CREATE TABLE "record_items_json" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"items" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "record_items_json" ADD CONSTRAINT "record_items_json_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;