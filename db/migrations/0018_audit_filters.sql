CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
-- The audit screen's item filter (ADR 0118): the record item lives in the hashed payload only.
CREATE INDEX "audit_events_item_idx" ON "audit_events" USING btree (((payload::jsonb ->> 'item')), "seq") WHERE (payload::jsonb ->> 'item') IS NOT NULL;
