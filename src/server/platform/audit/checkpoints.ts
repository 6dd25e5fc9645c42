/**
 * Signed checkpoints of the audit chain's head (ADR 0115). A checkpoint is a compact JWS
 * (EdDSA/Ed25519, jose) over { seq, hash, count, prev } and its time (iat): "the chain had `count`
 * events and event `seq` sealed to `hash`". The key lives in a folder outside the database; the
 * checkpoints live in the document store, each a content-addressed blob naming the blob of the one
 * before it (`prev`), with the named object `audit-checkpoints/head` pointing at the newest. They
 * are exported (with the public keys) so that a third party can hold them: a truncation of the
 * newest events, or a rewrite of the chain recomputed to the end, before the last checkpoint no
 * longer verifies against it.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import type { DbHandle } from '../db/index.ts';
import { type BlobStore, sha256Hex } from '../storage/index.ts';
import type { VerifyResult } from './verify.ts';
import { GENESIS_HASH, verifyRange } from './verify-range.mjs';

export const CHECKPOINT_TYPE = 'khru-audit-checkpoint+jwt';
export const CHECKPOINT_EXPORT_FORMAT = 'khru-audit-checkpoints/1';
const ALG = 'EdDSA';
const HEAD = 'audit-checkpoints/head';

export interface CheckpointKeys {
  /** The key new checkpoints are signed with. */
  current: { kid: string; privateKey: CryptoKey };
  /** Public keys by kid: the current one and every earlier one (old checkpoints still verify). */
  publicKeys: Map<string, JWK>;
}

type StoredKey = { kid: string; createdAt: string; privateJwk: JWK; publicJwk: JWK };

/** Loads the checkpoint keys from `dir` (0700, files 0600), creating the first one if there is none. */
export async function ensureCheckpointKeys(dir: string): Promise<CheckpointKeys> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const read = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as StoredKey)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  let stored = read();
  if (stored.length === 0) {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
    const pub = await exportJWK(publicKey);
    const kid = `ac-${sha256Hex(JSON.stringify(pub)).slice(0, 12)}`;
    const file = join(dir, `${kid}.json`);
    if (!existsSync(file)) {
      const entry: StoredKey = {
        kid,
        createdAt: new Date().toISOString(),
        privateJwk: { ...(await exportJWK(privateKey)), kid },
        publicJwk: { ...pub, kid, alg: ALG, use: 'sig' },
      };
      writeFileSync(file, JSON.stringify(entry, null, 2), { mode: 0o600 });
    }
    stored = read();
  }
  const newest = stored[0]!;
  return {
    current: { kid: newest.kid, privateKey: (await importJWK(newest.privateJwk, ALG)) as CryptoKey },
    publicKeys: new Map(stored.map((s) => [s.kid, s.publicJwk])),
  };
}

export interface Checkpoint {
  /** SHA-256 (hex) of the JWS: its name in the document store. */
  id: string;
  jws: string;
  seq: number;
  /** The chain hash of event `seq`. */
  hash: string;
  count: number;
  /** When it was signed (ISO). */
  at: string;
  /** The checkpoint before it, or null. */
  prev: string | null;
  kid: string;
}

/** A checkpoint as read back: `valid` false when its signature or claims do not verify. */
export type ReadCheckpoint =
  | (Checkpoint & { valid: true })
  | { id: string; jws: string; valid: false; error: string; seq: number | null; prev: string | null };

async function verifyCheckpointJws(
  id: string,
  jws: string,
  publicKeys: Map<string, JWK>,
): Promise<ReadCheckpoint> {
  try {
    const { payload, protectedHeader } = await jwtVerify(
      jws,
      async (header) => {
        const key = header.kid ? publicKeys.get(header.kid) : undefined;
        if (!key) throw new Error(`unknown key ${header.kid ?? '(none)'}`);
        return importJWK(key, ALG);
      },
      { algorithms: [ALG], typ: CHECKPOINT_TYPE },
    );
    const { seq, hash, count, prev, iat } = payload as Record<string, unknown>;
    if (
      typeof seq !== 'number' ||
      !Number.isSafeInteger(seq) ||
      seq < 0 ||
      typeof hash !== 'string' ||
      !/^[0-9a-f]{64}$/.test(hash) ||
      typeof count !== 'number' ||
      typeof iat !== 'number' ||
      !(prev === null || (typeof prev === 'string' && /^[0-9a-f]{64}$/.test(prev)))
    )
      throw new Error('checkpoint claims are malformed');
    return {
      valid: true,
      id,
      jws,
      seq,
      hash,
      count,
      prev,
      at: new Date(iat * 1000).toISOString(),
      kid: protectedHeader.kid!,
    };
  } catch (e) {
    // Follow its `prev` even so, to read the checkpoints before it.
    let claims: Record<string, unknown> = {};
    try {
      claims = decodeJwt(jws) as Record<string, unknown>;
    } catch {}
    const prev = typeof claims.prev === 'string' && /^[0-9a-f]{64}$/.test(claims.prev) ? claims.prev : null;
    const seq = typeof claims.seq === 'number' ? claims.seq : null;
    return { valid: false, id, jws, error: (e as Error).message, seq, prev };
  }
}

/** The stored checkpoints, newest first (walking `prev` from the head pointer). */
export async function readCheckpoints(
  store: BlobStore,
  publicKeys: Map<string, JWK>,
): Promise<{ checkpoints: ReadCheckpoint[]; missing: string | null }> {
  const head = (await store.getNamed(HEAD))?.toString('utf8').trim() ?? null;
  const out: ReadCheckpoint[] = [];
  const seen = new Set<string>();
  let id = head && /^[0-9a-f]{64}$/.test(head) ? head : null;
  while (id && !seen.has(id)) {
    seen.add(id);
    const bytes = await store.get(id);
    if (!bytes || sha256Hex(bytes) !== id) return { checkpoints: out, missing: id };
    const cp = await verifyCheckpointJws(id, bytes.toString('utf8'), publicKeys);
    out.push(cp);
    id = cp.prev;
  }
  return { checkpoints: out, missing: null };
}

/** Checkpoints from an export file (exportCheckpoints), verified with `publicKeys`. */
export async function checkpointsFromExport(
  text: string,
  publicKeys: Map<string, JWK>,
): Promise<ReadCheckpoint[]> {
  const doc = JSON.parse(text) as { format?: unknown; checkpoints?: unknown };
  if (doc.format !== CHECKPOINT_EXPORT_FORMAT || !Array.isArray(doc.checkpoints))
    throw new Error(`not a ${CHECKPOINT_EXPORT_FORMAT} file`);
  const out: ReadCheckpoint[] = [];
  for (const jws of doc.checkpoints)
    if (typeof jws === 'string') out.push(await verifyCheckpointJws(sha256Hex(jws), jws, publicKeys));
  return out.sort((a, b) => (b.seq ?? -1) - (a.seq ?? -1));
}

/** The export a third party keeps: every checkpoint (newest first) and the public keys. */
export function exportCheckpoints(checkpoints: ReadCheckpoint[], publicKeys: Map<string, JWK>) {
  return {
    format: CHECKPOINT_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    keys: { keys: [...publicKeys.values()] },
    checkpoints: checkpoints.map((c) => c.jws),
  };
}

async function chainHead(h: DbHandle): Promise<{ seq: number; hash: string }> {
  const [row] = await h.query<{ seq: string | number; hash: string }>(
    'select seq, hash from audit_events order by seq desc limit 1',
  );
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Signs the chain's current head and stores it as the newest checkpoint. It first verifies the
 * chain since the newest valid checkpoint (linked to its hash; all of it when there is none), so
 * a checkpoint never vouches for a chain that was already altered: then it throws. When the
 * head has not moved since the newest checkpoint, that one is returned (`created` false).
 * Calls in one process run one after another.
 */
export function createCheckpoint(
  h: DbHandle,
  store: BlobStore,
  keys: CheckpointKeys,
): Promise<{ checkpoint: Checkpoint; created: boolean }> {
  const run = queue.then(async () => {
    const { checkpoints } = await readCheckpoints(store, keys.publicKeys);
    const last = checkpoints.find((c): c is Checkpoint & { valid: true } => c.valid) ?? null;
    const head = await chainHead(h);
    if (last && last.seq === head.seq && last.hash === head.hash) return { checkpoint: last, created: false };
    if (last && head.seq < last.seq)
      throw new Error(`the chain ends at #${head.seq}, before the last checkpoint #${last.seq}`);
    if (last) {
      const [row] = await h.query<{ hash: string }>('select hash from audit_events where seq = $1', [
        last.seq,
      ]);
      if (last.seq > 0 && row?.hash !== last.hash)
        throw new Error(`event #${last.seq} no longer matches the last checkpoint`);
    }
    const r = await verifyRange(
      (text, params) => h.query(text, params),
      (last?.seq ?? 0) + 1,
      null,
      last?.hash ?? GENESIS_HASH,
      20_000,
    );
    if (!r.ok) throw new Error(`the chain does not verify at #${r.firstBadSeq}: ${r.reason}`);
    const [{ n } = { n: 0 }] = await h.query<{ n: number }>('select count(*)::int as n from audit_events');
    const claims = { seq: head.seq, hash: head.hash, count: Number(n), prev: checkpoints[0]?.id ?? null };
    const jws = await new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, typ: CHECKPOINT_TYPE, kid: keys.current.kid })
      .setIssuedAt()
      .sign(keys.current.privateKey);
    const { sha256: id } = await store.put(Buffer.from(jws, 'utf8'));
    await store.putNamed(HEAD, Buffer.from(id, 'utf8'));
    const checkpoint = await verifyCheckpointJws(id, jws, keys.publicKeys);
    if (!checkpoint.valid) throw new Error(`checkpoint did not verify: ${checkpoint.error}`);
    return { checkpoint, created: true };
  });
  queue = run.catch(() => null);
  return run;
}

/** A finding, in Thai and English. */
export type CheckpointProblem = {
  code: 'forged' | 'truncated' | 'rewritten' | 'missing';
  seq: number | null;
  th: string;
  en: string;
};

export interface CheckpointVerdict {
  /** The chain verifies and agrees with every valid checkpoint, and no checkpoint is forged. */
  ok: boolean;
  chain: VerifyResult;
  checkpoints: number;
  /** The newest valid checkpoint. */
  latest: { seq: number; hash: string; count: number; at: string } | null;
  /** Events after the newest valid checkpoint: not yet covered (a truncation there is not detectable). */
  uncovered: { events: number; fromSeq: number | null; since: string | null; firstAt: string | null };
  problems: CheckpointProblem[];
}

/**
 * Checks the chain (as verifyAuditChain found it) against checkpoints: each must verify with a
 * known key; the chain must reach the newest one's seq (else the newest events were deleted) and
 * hold each one's hash at its seq (else the chain was rewritten and recomputed).
 */
export async function checkAgainstCheckpoints(
  h: DbHandle,
  chain: VerifyResult,
  checkpoints: ReadCheckpoint[],
  missing: string | null = null,
): Promise<CheckpointVerdict> {
  const problems: CheckpointProblem[] = [];
  if (missing)
    problems.push({
      code: 'missing',
      seq: null,
      th: `ไม่พบจุดตรวจสอบ ${missing.slice(0, 12)}… ในที่เก็บเอกสาร`,
      en: `checkpoint ${missing.slice(0, 12)}… is missing from the document store`,
    });
  for (const c of checkpoints)
    if (!c.valid)
      problems.push({
        code: 'forged',
        seq: c.seq,
        th: `จุดตรวจสอบ${c.seq === null ? '' : ` ที่เหตุการณ์ #${c.seq}`} มีลายมือชื่อไม่ถูกต้อง (ปลอมหรือถูกแก้ไข)`,
        en: `checkpoint${c.seq === null ? '' : ` at event #${c.seq}`} has an invalid signature (forged or altered): ${c.error}`,
      });
  const valid = checkpoints
    .filter((c): c is Checkpoint & { valid: true } => c.valid)
    .sort((a, b) => b.seq - a.seq);
  const [top] = await h.query<{ seq: string | number | null }>('select max(seq) as seq from audit_events');
  const maxSeq = Number(top?.seq ?? 0);
  const latest = valid[0] ?? null;
  if (latest && maxSeq < latest.seq)
    problems.push({
      code: 'truncated',
      seq: maxSeq + 1,
      th: `บันทึกการตรวจสอบถูกตัดทอน: จุดตรวจสอบที่ลงนามเมื่อ ${latest.at} ครอบคลุมถึงเหตุการณ์ #${latest.seq} แต่ขณะนี้มีถึง #${maxSeq} เท่านั้น (เหตุการณ์ล่าสุด ${latest.seq - maxSeq} รายการขึ้นไปถูกลบ)`,
      en: `audit trail truncated: the checkpoint signed at ${latest.at} covers up to event #${latest.seq} but the chain now ends at #${maxSeq} (at least ${latest.seq - maxSeq} newest events deleted)`,
    });
  const seqs = valid.map((c) => c.seq).filter((s) => s > 0 && s <= maxSeq);
  const held = new Map<number, string>();
  if (seqs.length) {
    const rows = await h.query<{ seq: string | number; hash: string }>(
      'select seq, hash from audit_events where seq = any($1::bigint[])',
      [seqs],
    );
    for (const r of rows) held.set(Number(r.seq), r.hash);
  }
  // The newest mismatch is named once per checkpoint; the oldest one tells where the rewrite began.
  for (const c of valid) {
    if (c.seq === 0 || c.seq > maxSeq) continue;
    const hash = held.get(c.seq);
    if (hash !== c.hash)
      problems.push({
        code: 'rewritten',
        seq: c.seq,
        th: `บันทึกการตรวจสอบถูกเขียนใหม่: เหตุการณ์ #${c.seq} ไม่ตรงกับจุดตรวจสอบที่ลงนามเมื่อ ${c.at}`,
        en: `audit trail rewritten: event #${c.seq} does not match the checkpoint signed at ${c.at}`,
      });
  }
  let firstAt: string | null = null;
  const fromSeq = latest ? latest.seq + 1 : maxSeq > 0 ? 1 : null;
  if (fromSeq !== null && fromSeq <= maxSeq) {
    const [r] = await h.query<{ at: Date | string }>(
      'select occurred_at as at from audit_events where seq = $1',
      [fromSeq],
    );
    if (r) firstAt = new Date(r.at).toISOString();
  }
  const uncoveredEvents = Math.max(0, maxSeq - (latest?.seq ?? 0));
  return {
    ok: chain.ok && problems.length === 0,
    chain,
    checkpoints: checkpoints.length,
    latest: latest ? { seq: latest.seq, hash: latest.hash, count: latest.count, at: latest.at } : null,
    uncovered: {
      events: uncoveredEvents,
      fromSeq: uncoveredEvents > 0 ? fromSeq : null,
      since: latest?.at ?? null,
      firstAt: uncoveredEvents > 0 ? firstAt : null,
    },
    problems,
  };
}

/** The verdict as lines for a person (Thai, then English), and whether it is a failure. */
export function describeVerdict(v: CheckpointVerdict): { lines: string[]; failed: boolean } {
  const lines: string[] = [];
  const c = v.chain;
  lines.push(
    c.ok
      ? `ห่วงโซ่บันทึกการตรวจสอบถูกต้อง (audit chain OK): ${c.events} events, last #${c.lastSeq} ${c.lastHash.slice(0, 16)}…, ${Math.round(c.ms)} ms`
      : `พบความผิดปกติในบันทึกการตรวจสอบ (audit chain BROKEN) at event #${c.firstBadSeq}: ${c.reason} (${c.events} events verified before it)`,
  );
  for (const p of v.problems) lines.push(`${p.th}\n  ${p.en}`);
  if (v.latest)
    lines.push(
      `จุดตรวจสอบที่ลงนามล่าสุด (last signed checkpoint): event #${v.latest.seq} ${v.latest.hash.slice(0, 16)}…, ${v.latest.count} events, signed ${v.latest.at} (${v.checkpoints} checkpoints)`,
    );
  else
    lines.push(
      'ยังไม่มีจุดตรวจสอบที่ลงนาม: ตรวจไม่พบการลบเหตุการณ์ล่าสุด (no signed checkpoint: a deletion of the newest events cannot be detected)',
    );
  if (v.uncovered.events > 0)
    lines.push(
      `ช่วงที่ยังไม่มีจุดตรวจสอบครอบคลุม ${v.uncovered.events} เหตุการณ์ ตั้งแต่ #${v.uncovered.fromSeq} (${v.uncovered.firstAt ?? '-'}) — uncovered window: ${v.uncovered.events} events from #${v.uncovered.fromSeq} (first at ${v.uncovered.firstAt ?? '-'}${v.uncovered.since ? `, after the checkpoint of ${v.uncovered.since}` : ''}); deleting them would not be detected`,
    );
  else if (v.latest) lines.push('ทุกเหตุการณ์อยู่ในจุดตรวจสอบแล้ว (every event is covered by a checkpoint)');
  return { lines, failed: !v.ok };
}
