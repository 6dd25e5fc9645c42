-- The role the server works as (ADR 0115): it owns nothing, so it can neither drop nor disable the
-- audit trail's trigger, and it holds INSERT and SELECT only on audit_events (no UPDATE, DELETE,
-- TRUNCATE). Migrations run as the owner, which may SET ROLE khru_app (membership granted below).
-- NOLOGIN: a deployment that logs the server in as this role directly (stronger: it cannot RESET
-- ROLE to the owner) gives it LOGIN and a password itself (README, Production).
-- Roles and memberships are the cluster's, shared by every database on it: migrations of two
-- databases at once (tests clone one per file) may both try to create them, so a concurrent
-- creation is taken as done.
DO $$
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'khru_app') THEN
      CREATE ROLE khru_app NOLOGIN;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  IF NOT pg_has_role(current_user, 'khru_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT khru_app TO %I', current_user);
    EXCEPTION WHEN duplicate_object OR unique_violation OR internal_error THEN NULL;
    END;
  END IF;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO khru_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO khru_app;--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO khru_app;--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO khru_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM khru_app;--> statement-breakpoint
-- Tables, sequences and functions that later migrations create (as the same owner) get the same
-- grants; a later migration that must keep the app from changing a table revokes explicitly.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO khru_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO khru_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO khru_app;
