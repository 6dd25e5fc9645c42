import canonicalize from 'canonicalize';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { chainHash, GENESIS_HASH } from './verify-range.mjs';

// The hash rule lives in plain JavaScript so that the verifier's worker thread can load it.
export { chainHash, GENESIS_HASH };

/** Who did it and from where: carried by every command (ctx.meta). */
export type RequestMeta = {
  ip: string | null;
  userAgent: string | null;
  /** web | api | job | cli | seed */
  source: string;
  requestId: string | null;
  authMethod: string | null;
};

export type AuditActor = { userId: string | null; name: string; roles: string[] };

export type FieldChange = { field: string; from: string | null; to: string | null };

/** One audit event before it is sealed into the chain. */
export type AuditEventInput = {
  eventType: string;
  entityType: string;
  entityId?: string | null;
  personId?: string | null;
  /** Record item for record changes (item 27 reads these). */
  item?: string | null;
  changes?: FieldChange[];
  data?: Record<string, unknown>;
};

/** The canonical payload that is hashed; every column of the row is derived from it. */
export type AuditPayload = {
  seq: number;
  occurredAt: string;
  eventType: string;
  entityType: string;
  entityId: string | null;
  personId: string | null;
  item: string | null;
  actor: AuditActor;
  meta: RequestMeta;
  changes: FieldChange[];
  data: Record<string, unknown>;
};

export function canonicalJson(v: unknown): string {
  const s = canonicalize(v);
  if (s === undefined) throw new Error('cannot canonicalise audit payload');
  return s;
}

/**
 * Appends events to the chain inside the caller's transaction. The advisory lock serialises
 * appenders until commit, so `seq` is gapless and each event carries the hash of the previous
 * one. Call it last in a transaction to keep the lock short.
 */
export async function appendAudit(
  tx: Tx,
  actor: AuditActor,
  meta: RequestMeta,
  events: AuditEventInput[],
): Promise<number[]> {
  if (events.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(7242001)`);
  const last = (await tx.execute(
    sql`select seq, hash from audit_events order by seq desc limit 1`,
  )) as unknown as {
    rows: { seq: string | number; hash: string }[];
  };
  let seq = last.rows[0] ? Number(last.rows[0].seq) : 0;
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
  // One set-based INSERT for any number of events (Drizzle's per-row SQL building is slow in bulk).
  await tx.execute(sql`insert into audit_events
      (seq, occurred_at, event_type, actor_user_id, entity_type, entity_id, person_id, payload, prev_hash, hash)
    select seq, occurred_at, event_type, actor_user_id, entity_type, entity_id, person_id, payload, prev_hash, hash
      from json_populate_recordset(null::audit_events, ${JSON.stringify(rows)}::json)`);
  return rows.map((r) => r.seq as number);
}
