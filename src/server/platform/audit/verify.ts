import { Worker } from 'node:worker_threads';
import type { DbHandle } from '../db/index.ts';
import { GENESIS_HASH, type RangeResult, verifyRange } from './verify-range.mjs';

export type VerifyResult = (
  | { ok: true; events: number; lastSeq: number; lastHash: string }
  | { ok: false; events: number; firstBadSeq: number; reason: string }
) & {
  ms: number;
  /** Threads that checked the chain (2: the second half in a worker thread). */
  threads: number;
};

/**
 * Chains at least this long are checked in two halves at once on PostgreSQL: the check is bound
 * by Node's CPU (hashing and parsing ≈600-byte payloads), not by the database, so a worker thread
 * with its own connection takes the second half onto the other core.
 */
export const PARALLEL_FROM = 100_000;

/**
 * Recomputes the whole chain in seq order and names the first event that does not verify:
 * a gap in seq (a deleted row), a prev_hash that does not link, a hash that does not match its
 * payload, or an indexed column that disagrees with the payload (verify-range.mjs). On
 * PostgreSQL a chain of `parallelFrom` events or more is checked in two halves at once; the
 * verdict is the same as the walk from the first event (the first half must be complete, and the
 * second half links to the first half's last event).
 */
export async function verifyAuditChain(
  handle: DbHandle,
  batchSize = 20_000,
  opts: { parallelFrom?: number } = {},
): Promise<VerifyResult> {
  const t0 = performance.now();
  const query = (text: string, params: unknown[]) => handle.query(text, params);
  const done = (r: RangeResult, threads: number): VerifyResult => ({
    ...r,
    ms: performance.now() - t0,
    threads,
  });
  // Only a PostgreSQL handle can give a worker thread a connection of its own.
  let last = 0;
  if (handle.kind === 'postgres' && handle.url) {
    const [top] = await handle.query<{ seq: string | number | null }>(
      'select max(seq) as seq from audit_events',
    );
    last = Number(top?.seq ?? 0);
  }
  if (last < Math.max(2, opts.parallelFrom ?? PARALLEL_FROM))
    return done(await verifyRange(query, 1, null, GENESIS_HASH, batchSize), 1);

  const mid = Math.floor(last / 2);
  const worker = new Worker(new URL('./verify-worker.mjs', import.meta.url), {
    workerData: { url: handle.url, from: mid + 1, batchSize },
  });
  const second = new Promise<RangeResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`audit verification worker exited (${code})`)));
  });
  second.catch(() => null); // awaited below, or abandoned when the first half fails
  try {
    const first = await verifyRange(query, 1, mid, GENESIS_HASH, batchSize);
    if (!first.ok) return done(first, 2);
    const rest = await second;
    return done({ ...rest, events: first.events + rest.events }, 2);
  } finally {
    await worker.terminate();
  }
}
