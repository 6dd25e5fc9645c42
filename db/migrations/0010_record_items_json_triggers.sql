-- Read model of the full record (ADR 0108): any change to a record item removes that person's
-- cached items JSON in the same transaction. The change first takes FOR NO KEY UPDATE on the
-- person (in id order), which waits for a reader that is filling the cache under FOR SHARE, so a
-- fill computed from an older snapshot can never be stored after the change: either the reader
-- fills before (and the change then removes it) or after (and sees the change).
-- A bulk import of NEW people sets khru.new_people_only = on for its transaction: nobody can have
-- cached a person who did not exist, so there is nothing to remove or to lock.
CREATE OR REPLACE FUNCTION khru_record_items_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('khru.new_people_only', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM persons p WHERE p.id IN (SELECT person_id FROM new_rows) ORDER BY p.id FOR NO KEY UPDATE OF p;
    DELETE FROM record_items_json WHERE person_id IN (SELECT person_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM persons p WHERE p.id IN (SELECT person_id FROM old_rows) ORDER BY p.id FOR NO KEY UPDATE OF p;
    DELETE FROM record_items_json WHERE person_id IN (SELECT person_id FROM old_rows);
  ELSE
    PERFORM 1 FROM persons p
      WHERE p.id IN (SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows)
      ORDER BY p.id FOR NO KEY UPDATE OF p;
    DELETE FROM record_items_json
      WHERE person_id IN (SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_names_rm_ins AFTER INSERT ON person_names REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_names_rm_upd AFTER UPDATE ON person_names REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_names_rm_del AFTER DELETE ON person_names REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_family_rm_ins AFTER INSERT ON person_family REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_family_rm_upd AFTER UPDATE ON person_family REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_family_rm_del AFTER DELETE ON person_family REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_addresses_rm_ins AFTER INSERT ON person_addresses REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_addresses_rm_upd AFTER UPDATE ON person_addresses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_addresses_rm_del AFTER DELETE ON person_addresses REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_licences_rm_ins AFTER INSERT ON person_licences REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_licences_rm_upd AFTER UPDATE ON person_licences REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_licences_rm_del AFTER DELETE ON person_licences REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_education_rm_ins AFTER INSERT ON person_education REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_education_rm_upd AFTER UPDATE ON person_education REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_education_rm_del AFTER DELETE ON person_education REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_service_rm_ins AFTER INSERT ON person_service REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_service_rm_upd AFTER UPDATE ON person_service REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_service_rm_del AFTER DELETE ON person_service REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_training_rm_ins AFTER INSERT ON person_training REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_training_rm_upd AFTER UPDATE ON person_training REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_training_rm_del AFTER DELETE ON person_training REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_research_rm_ins AFTER INSERT ON person_research REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_research_rm_upd AFTER UPDATE ON person_research REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_research_rm_del AFTER DELETE ON person_research REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_study_visits_rm_ins AFTER INSERT ON person_study_visits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_study_visits_rm_upd AFTER UPDATE ON person_study_visits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_study_visits_rm_del AFTER DELETE ON person_study_visits REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_abilities_rm_ins AFTER INSERT ON person_abilities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_abilities_rm_upd AFTER UPDATE ON person_abilities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_abilities_rm_del AFTER DELETE ON person_abilities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_special_duties_rm_ins AFTER INSERT ON person_special_duties REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_special_duties_rm_upd AFTER UPDATE ON person_special_duties REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_special_duties_rm_del AFTER DELETE ON person_special_duties REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_discipline_rm_ins AFTER INSERT ON person_discipline REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_discipline_rm_upd AFTER UPDATE ON person_discipline REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_discipline_rm_del AFTER DELETE ON person_discipline REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_ethics_rm_ins AFTER INSERT ON person_ethics REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_ethics_rm_upd AFTER UPDATE ON person_ethics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_ethics_rm_del AFTER DELETE ON person_ethics REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_martial_law_rm_ins AFTER INSERT ON person_martial_law REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_martial_law_rm_upd AFTER UPDATE ON person_martial_law REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_martial_law_rm_del AFTER DELETE ON person_martial_law REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_decorations_rm_ins AFTER INSERT ON person_decorations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_decorations_rm_upd AFTER UPDATE ON person_decorations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_decorations_rm_del AFTER DELETE ON person_decorations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_leave_rm_ins AFTER INSERT ON person_leave REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_leave_rm_upd AFTER UPDATE ON person_leave REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_leave_rm_del AFTER DELETE ON person_leave REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_others_rm_ins AFTER INSERT ON person_others REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_others_rm_upd AFTER UPDATE ON person_others REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_others_rm_del AFTER DELETE ON person_others REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_photos_rm_ins AFTER INSERT ON person_photos REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_photos_rm_upd AFTER UPDATE ON person_photos REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
--> statement-breakpoint
CREATE TRIGGER person_photos_rm_del AFTER DELETE ON person_photos REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION khru_record_items_changed();
