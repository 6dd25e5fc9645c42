CREATE TABLE "document_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"purpose" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"issued_document_id" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"content_sha256" char(64) NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"issuer_key_id" text NOT NULL,
	"seal_key_id" text NOT NULL,
	"issuer_name" text NOT NULL,
	"reference" text NOT NULL,
	"record_version" integer,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid,
	"status_changed_at" timestamp with time zone,
	"status_reason" text
);
--> statement-breakpoint
CREATE INDEX "document_requests_person_idx" ON "document_requests" USING btree ("person_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_reference_uq" ON "issued_documents" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "issued_documents_sha_idx" ON "issued_documents" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "issued_documents_person_kind_idx" ON "issued_documents" USING btree ("person_id","kind");