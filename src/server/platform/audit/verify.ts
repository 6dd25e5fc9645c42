import type { DbHandle } from '../db/index.ts';
import { type AuditPayload, chainHash, GENESIS_HASH } from './audit.ts';

export type VerifyResult =
  | { ok: true; events: number; lastSeq: number; lastHash: string; ms: number }
  | { ok: false; events: number; firstBadSeq: number; reason: string; ms: number };

type Row = {
  seq: string | number;
  /**
   * occurred_at as epoch milliseconds, fractional if the column holds sub-millisecond time
   * (exact: extract returns numeric since PostgreSQL 14; Khru needs 15, ADR 0002).
   */
  occurred_ms: number;
  event_type: string;
  actor_user_id: string | null;
  entity_type: string;
  entity_id: string | null;
  person_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
};

/**
 * Recomputes the whole chain in seq order and names the first event that does not verify:
 * a gap in seq (a deleted row), a prev_hash that does not link, a hash that does not match its
 * payload, or an indexed column that disagrees with the payload.
 */
export async function verifyAuditChain(handle: DbHandle, batchSize = 20_000): Promise<VerifyResult> {
  const t0 = performance.now();
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  const fetch = (from: number) =>
    handle.query<Row>(
      `select seq, (extract(epoch from occurred_at) * 1000)::float8 as occurred_ms, event_type, actor_user_id, entity_type, entity_id, person_id, payload, prev_hash, hash
         from audit_events where seq >= $1 order by seq limit $2`,
      [from, batchSize],
    );
  let next = fetch(expectedSeq);
  try {
    return await check();
  } finally {
    // An early verdict leaves no query running on the handle.
    await next.catch(() => null);
  }

  function bad(reason: string): VerifyResult {
    return { ok: false, events: count, firstBadSeq: expectedSeq, reason, ms: performance.now() - t0 };
  }

  async function check(): Promise<VerifyResult> {
    for (;;) {
      const rows = await next;
      // The next batch is read (by the database, on another core) while this one is hashed. It
      // starts after this batch's last seq; a gap there is still caught, as the first row's seq.
      const last = rows[rows.length - 1];
      if (rows.length === batchSize && last) next = fetch(Number(last.seq) + 1);
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== expectedSeq) return bad(`missing event ${expectedSeq} (next present is ${seq})`);
        if (r.prev_hash !== prev) return bad('prev_hash does not link to the previous event');
        if (chainHash(prev, r.payload) !== r.hash) return bad('hash does not match the payload');
        let p: AuditPayload;
        try {
          p = JSON.parse(r.payload) as AuditPayload;
        } catch {
          return bad('payload is not JSON');
        }
        if (
          p.seq !== seq ||
          p.eventType !== r.event_type ||
          p.entityType !== r.entity_type ||
          (p.entityId ?? null) !== (r.entity_id ?? null) ||
          (p.personId ?? null) !== (r.person_id ?? null) ||
          (p.actor.userId ?? null) !== (r.actor_user_id ?? null) ||
          // The payload's time is an ISO string with milliseconds (audit.ts); comparing epoch
          // milliseconds avoids building two Dates per event.
          Date.parse(p.occurredAt) !== r.occurred_ms
        )
          return bad('a column disagrees with the hashed payload');
        prev = r.hash;
        expectedSeq += 1;
        count += 1;
      }
      if (rows.length < batchSize) break;
    }
    return { ok: true, events: count, lastSeq: expectedSeq - 1, lastHash: prev, ms: performance.now() - t0 };
  }
}
