-- ADR 0111: at most one open move or transfer per person. Registers that already hold several
-- (issue 17: transfer-out accepted three times) keep the earliest open and close the later ones
-- as duplicates, each with a step saying so, before the index is built.
WITH ranked AS (
  SELECT id, status, row_number() OVER (PARTITION BY person_id ORDER BY created_at, id) AS n
  FROM "workflow_cases" WHERE kind IN ('move', 'transfer') AND closed_at IS NULL
), dup AS (
  UPDATE "workflow_cases" c SET status = 'duplicate', closed_at = now(), version = c.version + 1
  FROM ranked r WHERE r.id = c.id AND r.n > 1
  RETURNING c.id, r.status AS from_status, c.filed_by
)
INSERT INTO "workflow_steps" (case_id, seq, action, from_status, to_status, actor_user_id, actor_role, decision, reason)
SELECT d.id, (SELECT coalesce(max(seq), 0) + 1 FROM "workflow_steps" s WHERE s.case_id = d.id), 'closeDuplicate',
  d.from_status, 'duplicate', d.filed_by, 'system', 'closeDuplicate',
  'ปิดเป็นเรื่องซ้ำ: มีเรื่องย้ายหรือโอนของบุคคลนี้ที่เปิดก่อนอยู่แล้ว (ADR 0111)'
FROM dup d;--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_cases_one_open_transfer" ON "workflow_cases" USING btree ("person_id") WHERE "workflow_cases"."kind" in ('move', 'transfer') and "workflow_cases"."closed_at" is null;
