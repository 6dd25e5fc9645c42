-- Every change to what a session resolves to — the session itself, its user, the user's role
-- assignments and their items, and the offices those name — notifies channel khru_auth when its
-- transaction commits. Each server process keeps resolved sessions for a short while and drops
-- them on these notifications (ADR 0109); the triggers catch every writer (API, scripts, SQL by
-- hand), so no change can be missed by a code path that forgot to say so.
-- Payload: 's:<session id>', 'u:<user id>', or '*' (drop everything).
-- Row triggers: the payload is the trigger's argument ('s:' or 'u:') and the row's id.
CREATE OR REPLACE FUNCTION khru_auth_notify_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('khru_auth', TG_ARGV[0] || OLD.id::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Any update (revocation, re-authentication, the once-a-minute last_seen_at) or delete.
CREATE TRIGGER sessions_auth_notify AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION khru_auth_notify_row('s:');
--> statement-breakpoint
-- Status, identity, person link; logins and failed attempts too (rare enough to drop for).
CREATE TRIGGER users_auth_notify AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION khru_auth_notify_row('u:');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION khru_auth_notify_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('khru_auth', '*');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Role assignments, their item lists and offices change rarely (an access controller's work):
-- one notification per statement drops every cached session.
CREATE TRIGGER role_assignments_auth_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION khru_auth_notify_all();
--> statement-breakpoint
CREATE TRIGGER assignment_items_auth_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assignment_items
  FOR EACH STATEMENT EXECUTE FUNCTION khru_auth_notify_all();
--> statement-breakpoint
CREATE TRIGGER offices_auth_notify AFTER UPDATE OR DELETE OR TRUNCATE ON offices
  FOR EACH STATEMENT EXECUTE FUNCTION khru_auth_notify_all();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_notify_truncate AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION khru_auth_notify_all();
--> statement-breakpoint
CREATE TRIGGER users_auth_notify_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION khru_auth_notify_all();
