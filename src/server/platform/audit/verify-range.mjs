/**
 * The audit-chain check over one range of events, in plain JavaScript: verify.ts runs it in the
 * caller's thread and, for a large chain on PostgreSQL, over the second half in a worker thread
 * (verify-worker.mjs), which Node loads without the TypeScript loader. Types: verify-range.d.mts.
 */
import { hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The hash that seals an event: SHA-256 over the previous event's hash and this payload. */
export function chainHash(prevHash, payload) {
  // One-shot hash (Node ≥ 20.12): verification calls this a million times, and a Hash object per
  // event cost a third of the time.
  return hash('sha256', `${prevHash}\n${payload}`, 'hex');
}

// occurred_at as epoch milliseconds, fractional if the column holds sub-millisecond time (exact:
// extract returns numeric since PostgreSQL 14; Khru needs 15, ADR 0002).
const RANGE_SQL = `select seq, (extract(epoch from occurred_at) * 1000)::float8 as occurred_ms, event_type,
    actor_user_id, entity_type, entity_id, person_id, payload, prev_hash, hash
  from audit_events where seq >= $1 and seq <= $2 order by seq limit $3`;
/** Beyond any seq: a range "to the end". */
const END = Number.MAX_SAFE_INTEGER;

/**
 * Checks events `from`…`to` in seq order (`to` null: to the last event) and names the first one
 * that does not verify: a gap in seq (a deleted row), a prev_hash that does not link (the first
 * event must link to `prev`), a hash that does not match its payload, or an indexed column that
 * disagrees with the payload. With `to` given, every event up to it must be there.
 * `query(text, params)` returns the rows. Batches of `batchSize`; the next batch is read (by the
 * database, on another core) while this one is hashed.
 */
export async function verifyRange(query, from, to, prev, batchSize) {
  let expectedSeq = from;
  let count = 0;
  const fetch = (start) => query(RANGE_SQL, [start, to ?? END, batchSize]);
  let next = fetch(from);
  try {
    return await check();
  } finally {
    // An early verdict leaves no query running.
    await next.catch(() => null);
  }

  function bad(reason) {
    return { ok: false, events: count, firstBadSeq: expectedSeq, reason };
  }

  async function check() {
    for (;;) {
      const rows = await next;
      // The next batch starts after this batch's last seq; a gap there is still caught, as the
      // first row's seq.
      const last = rows[rows.length - 1];
      if (rows.length === batchSize && last) next = fetch(Number(last.seq) + 1);
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== expectedSeq) return bad(`missing event ${expectedSeq} (next present is ${seq})`);
        if (r.prev_hash !== prev) return bad('prev_hash does not link to the previous event');
        if (chainHash(prev, r.payload) !== r.hash) return bad('hash does not match the payload');
        let p;
        try {
          p = JSON.parse(r.payload);
        } catch {
          return bad('payload is not JSON');
        }
        if (
          p.seq !== seq ||
          p.eventType !== r.event_type ||
          p.entityType !== r.entity_type ||
          (p.entityId ?? null) !== (r.entity_id ?? null) ||
          (p.personId ?? null) !== (r.person_id ?? null) ||
          (p.actor?.userId ?? null) !== (r.actor_user_id ?? null) ||
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
    if (to !== null && expectedSeq <= to) {
      // The range ended early: its last events are missing. Named as the whole-chain walk names
      // a gap, with the next event present after it.
      const [n] = await query('select seq from audit_events where seq > $1 order by seq limit 1', [
        expectedSeq - 1,
      ]);
      return bad(`missing event ${expectedSeq} (next present is ${n ? Number(n.seq) : 'none'})`);
    }
    return { ok: true, events: count, lastSeq: expectedSeq - 1, lastHash: prev };
  }
}
