-- ข้อ 4.2.1/4.2.2 (ADR 0117, src/domain/record/protected-fields.ts): a person's date of birth and
-- appointment date change only through the approved correction of that kind, whatever code or
-- role writes. The application refuses a direct write with a Thai message naming the field; this
-- trigger is the database's own guard behind it. A change passes only
--  - while the person's onboarding case (ข้อ 3) is open: the record is being made, not certified;
--  - or inside the transaction applying a correction: the writer names the case in the local
--    setting khru.correction_case, and the case is this person's, still open, of the field's kind.
CREATE OR REPLACE FUNCTION khru_persons_protected_dates() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  case_id uuid := nullif(current_setting('khru.correction_case', true), '')::uuid;
BEGIN
  IF EXISTS (SELECT 1 FROM workflow_cases w
              WHERE w.person_id = NEW.id AND w.kind = 'onboarding' AND w.closed_at IS NULL) THEN
    RETURN NEW;
  END IF;
  IF NEW.birth_date IS DISTINCT FROM OLD.birth_date AND NOT EXISTS (
       SELECT 1 FROM workflow_cases w
        WHERE w.id = case_id AND w.person_id = NEW.id AND w.kind = 'correction.birthDate' AND w.closed_at IS NULL) THEN
    RAISE EXCEPTION 'persons.birth_date changes only through an approved correction (ข้อ 4.2.1)'
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.appointment_date IS DISTINCT FROM OLD.appointment_date AND NOT EXISTS (
       SELECT 1 FROM workflow_cases w
        WHERE w.id = case_id AND w.person_id = NEW.id AND w.kind = 'correction.appointmentDate' AND w.closed_at IS NULL) THEN
    RAISE EXCEPTION 'persons.appointment_date changes only through an approved correction (ข้อ 4.2.2)'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_protected_dates BEFORE UPDATE OF birth_date, appointment_date ON persons
  FOR EACH ROW
  WHEN (OLD.birth_date IS DISTINCT FROM NEW.birth_date OR OLD.appointment_date IS DISTINCT FROM NEW.appointment_date)
  EXECUTE FUNCTION khru_persons_protected_dates();
