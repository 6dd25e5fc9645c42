-- Thai collation for sorting names (PGlite has no predefined ICU collations; see spike notes §1).
CREATE COLLATION IF NOT EXISTS th (provider = icu, locale = 'th-TH');
--> statement-breakpoint
-- The audit trail is append-only: UPDATE, DELETE and TRUNCATE are refused for every role that
-- goes through the table's triggers (the application). See docs/adr/0003-audit-hash-chain.md.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
ALTER TABLE persons ADD CONSTRAINT persons_status_ck CHECK (status IN ('active', 'removed'));
--> statement-breakpoint
ALTER TABLE persons ADD CONSTRAINT persons_national_id_ck CHECK (national_id ~ '^[0-9]{13}$');
--> statement-breakpoint
ALTER TABLE person_service ADD CONSTRAINT person_service_money_ck CHECK (
  coalesce(salary_satang, 0) >= 0 AND coalesce(position_allowance_satang, 0) >= 0
  AND coalesce(compensation_satang, 0) >= 0 AND coalesce(other_special_pay_satang, 0) >= 0);
--> statement-breakpoint
ALTER TABLE person_photos ADD CONSTRAINT person_photos_slot_ck CHECK (slot BETWEEN 1 AND 7);
--> statement-breakpoint
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_role_ck CHECK (role IN (
  'records_officer', 'data_entry_clerk', 'access_controller', 'certifier', 'data_controller',
  'school_director', 'district_director', 'provincial_officer', 'agency_head'));
--> statement-breakpoint
ALTER TABLE offices ADD CONSTRAINT offices_kind_ck CHECK (kind IN (
  'otepc', 'agency', 'area_office', 'provincial_office', 'school', 'unit'));
--> statement-breakpoint
CREATE INDEX persons_display_name_th_idx ON persons (display_name COLLATE th);
