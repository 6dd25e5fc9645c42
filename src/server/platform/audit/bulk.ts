import type { Tx } from '../db/index.ts';
import { type AuditActor, type AuditEventInput, appendAudit, type RequestMeta } from './audit.ts';

/**
 * appendAudit for imports and benchmarks, reporting the range of sequence numbers written: the
 * same lock, canonical payload, chain hash and set-based insert (verifyAuditChain verifies both
 * alike). Call it last in the caller's transaction.
 */
export async function appendAuditBulk(
  tx: Tx,
  actor: AuditActor,
  meta: RequestMeta,
  events: AuditEventInput[],
): Promise<{ firstSeq: number; lastSeq: number }> {
  const seqs = await appendAudit(tx, actor, meta, events);
  return seqs.length ? { firstSeq: seqs[0]!, lastSeq: seqs[seqs.length - 1]! } : { firstSeq: 0, lastSeq: 0 };
}
