-- persons.office_path mirrors offices.path of the person's office (scope checks match it by prefix,
-- ADR 0004). Filled here for existing people, then kept by triggers: whatever writes office_id
-- (API, transfers, bulk import) gets the path; an office whose path changes carries its people.
UPDATE persons p SET office_path = o.path FROM offices o WHERE o.id = p.office_id;
--> statement-breakpoint
-- The index is built after the backfill (one sort instead of 600,000 insertions).
CREATE INDEX "persons_office_path_idx" ON "persons" USING btree ("office_path" text_pattern_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION khru_person_office_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.office_path := (SELECT path FROM offices WHERE id = NEW.office_id);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_office_path BEFORE INSERT OR UPDATE OF office_id, office_path ON persons
  FOR EACH ROW EXECUTE FUNCTION khru_person_office_path();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION khru_office_path_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE persons p SET office_path = n.path
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE p.office_id = n.id AND n.path IS DISTINCT FROM o.path;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER offices_path_to_persons AFTER UPDATE ON offices
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_office_path_changed();
