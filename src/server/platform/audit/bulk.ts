import { sql } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import {
  type AuditActor,
  type AuditEventInput,
  type AuditPayload,
  canonicalJson,
  chainHash,
  GENESIS_HASH,
  type RequestMeta,
} from './audit.ts';

/**
 * Bulk variant of appendAudit for imports and benchmarks: the same advisory lock, the same
 * canonical payload and chain hash (verifyAuditChain verifies both alike), but the rows go in as
 * one set-based INSERT from a JSON array instead of Drizzle's row-by-row SQL building
 * (spike-notes §1). Call it last in the caller's transaction, like appendAudit.
 */
export async function appendAuditBulk(
  tx: Tx,
  actor: AuditActor,
  meta: RequestMeta,
  events: AuditEventInput[],
): Promise<{ firstSeq: number; lastSeq: number }> {
  if (events.length === 0) return { firstSeq: 0, lastSeq: 0 };
  await tx.execute(sql`select pg_advisory_xact_lock(7242001)`);
  const last = (await tx.execute(
    sql`select seq, hash from audit_events order by seq desc limit 1`,
  )) as unknown as { rows: { seq: string | number; hash: string }[] };
  let seq = last.rows[0] ? Number(last.rows[0].seq) : 0;
  const firstSeq = seq + 1;
  let prev = last.rows[0]?.hash ?? GENESIS_HASH;
  const occurredAt = new Date().toISOString();
  const rows: Record<string, unknown>[] = [];
  for (const e of events) {
    seq += 1;
    const payload: AuditPayload = {
      seq,
      occurredAt,
      eventType: e.eventType,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      personId: e.personId ?? null,
      item: e.item ?? null,
      actor,
      meta,
      changes: e.changes ?? [],
      data: e.data ?? {},
    };
    const text = canonicalJson(payload);
    const hash = chainHash(prev, text);
    rows.push({
      seq,
      occurred_at: occurredAt,
      event_type: e.eventType,
      actor_user_id: actor.userId,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      person_id: e.personId ?? null,
      payload: text,
      prev_hash: prev,
      hash,
    });
    prev = hash;
  }
  await tx.execute(sql`insert into audit_events
      (seq, occurred_at, event_type, actor_user_id, entity_type, entity_id, person_id, payload, prev_hash, hash)
    select seq, occurred_at, event_type, actor_user_id, entity_type, entity_id, person_id, payload, prev_hash, hash
      from json_populate_recordset(null::audit_events, ${JSON.stringify(rows)}::json)`);
  return { firstSeq, lastSeq: seq };
}
