/**
 * Signed checkpoints of the audit chain (issue 17 §5, ADR 0115): deleting the newest events or
 * rewriting a payload and recomputing the chain to the end is detected when it reaches before
 * the last checkpoint; a forged checkpoint is detected; the window after it is stated. Through
 * the real routes and commands on the test database, and through the real CLI
 * (npm run audit:checkpoints / audit:verify) on an embedded database of its own.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditChainStatus, createAuditCheckpoint } from '../../src/server/modules/audit/index.ts';
import { appendAudit, CHECKPOINT_TYPE, chainHash } from '../../src/server/platform/audit/index.ts';
import { type DbHandle, migrate, openDb } from '../../src/server/platform/db/index.ts';
import { localBlobStore } from '../../src/server/platform/storage/index.ts';
import { createTestApp, type OwnerQuery, type Session, type TestApp } from '../support/app.ts';
import { teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';

type Row = Record<string, unknown>;

/** Tampering as the owner of the table with its trigger off (the server's role can do neither). */
async function tamper(owner: OwnerQuery, fn: () => Promise<void>) {
  await owner('alter table audit_events disable trigger user');
  try {
    await fn();
  } finally {
    await owner('alter table audit_events enable trigger user');
  }
}

/** Deletes the newest `k` events; returns a function that puts them back. */
async function deleteNewest(owner: OwnerQuery, k: number): Promise<() => Promise<void>> {
  const saved = await owner<{ j: string }>(
    `select row_to_json(a)::text as j from (select * from audit_events order by seq desc limit ${k}) a`,
  );
  const [{ top } = { top: 0 }] = await owner<{ top: number }>(
    'select max(seq)::int as top from audit_events',
  );
  await tamper(owner, async () => {
    await owner(`delete from audit_events where seq > ${top - k}`);
  });
  return () =>
    tamper(owner, async () => {
      await owner(
        'insert into audit_events select * from json_populate_recordset(null::audit_events, $1::json)',
        [JSON.stringify(saved.map((s) => JSON.parse(s.j) as Row))],
      );
    });
}

/**
 * Edits the payload of event `seq` and recomputes every hash from it to the end, as an attacker
 * who knows the (public) hash rule would: the chain alone then verifies. Returns the undo.
 */
async function rewriteAndRecompute(owner: OwnerQuery, seq: number): Promise<() => Promise<void>> {
  const rows = await owner<{ seq: string | number; payload: string; prev_hash: string; hash: string }>(
    'select seq, payload, prev_hash, hash from audit_events where seq >= $1 order by seq',
    [seq],
  );
  const first = rows[0]!;
  const p = JSON.parse(first.payload) as Row;
  p.data = { ...(p.data as Row), forged: 'ข้อมูลปลอม' };
  const { canonicalJson } = await import('../../src/server/platform/audit/index.ts');
  let prev = first.prev_hash;
  const updates = rows.map((r, i) => {
    const payload = i === 0 ? canonicalJson(p) : r.payload;
    const hash = chainHash(prev, payload);
    const u = { seq: Number(r.seq), payload, prev_hash: prev, hash };
    prev = hash;
    return u;
  });
  const apply = (list: { seq: number; payload: string; prev_hash: string; hash: string }[]) =>
    tamper(owner, async () => {
      await owner(
        `update audit_events a set payload = u.payload, prev_hash = u.prev_hash, hash = u.hash
           from json_populate_recordset(null::audit_events, $1::json) u where a.seq = u.seq`,
        [JSON.stringify(list)],
      );
    });
  await apply(updates);
  return () =>
    apply(
      rows.map((r) => ({ seq: Number(r.seq), payload: r.payload, prev_hash: r.prev_hash, hash: r.hash })),
    );
}

describe('signed checkpoints through the routes and commands', () => {
  let t: TestApp;
  let dataDir: string;
  let dc: Session;
  let officer: Session;
  let personId: string;
  const addEvents = async (n: number) => {
    const s = officer;
    for (let i = 0; i < n; i++) {
      const r = await t.call(s, {
        method: 'POST',
        url: `/api/v1/people/${personId}/items/training`,
        payload: { ...SAMPLES.training, course: `หลักสูตรจุดตรวจ ${i}` },
      });
      expect(r.statusCode).toBeLessThan(300);
    }
  };
  const status = async () => {
    const r = await t.call(dc, { method: 'GET', url: '/api/v1/audit/chain' });
    expect(r.statusCode).toBe(200);
    return r.json() as {
      ok: boolean;
      chain: { ok: boolean; events: number; lastSeq: number | null };
      checkpoints: number;
      latest: { seq: number; hash: string; count: number; at: string } | null;
      uncovered: { events: number; fromSeq: number | null; since: string | null; firstAt: string | null };
      problems: { code: string; seq: number | null; th: string; en: string }[];
    };
  };
  const checkpoint = async () => {
    const r = await t.call(dc, { method: 'POST', url: '/api/v1/audit/checkpoints' });
    expect(r.statusCode).toBe(200);
    return r.json() as { seq: number; hash: string; count: number; at: string; created: boolean };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'khru-ckpt-'));
    t = await createTestApp({ dataDir });
    dc = await t.login('otepcController');
    officer = await t.login('officer');
    personId = await teacherOf(t.h, 'SCH-40-001');
    // The seeded trail is short: 1,100 events (as an import writes them) to delete 1,038 of.
    const meta = { ip: null, userAgent: null, source: 'cli', requestId: null, authMethod: null };
    await t.h.db.transaction((tx) =>
      appendAudit(
        tx,
        { userId: null, name: 'test', roles: [] },
        meta,
        Array.from({ length: 1100 }, (_, i) => ({ eventType: 'test', entityType: 'x', entityId: String(i) })),
      ),
    );
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('states that nothing is covered before the first checkpoint, then signs one on demand', async () => {
    const before = await status();
    expect(before.ok).toBe(true);
    expect(before.latest).toBeNull();
    expect(before.uncovered.events).toBe(before.chain.events);
    const c = await checkpoint();
    expect(c).toMatchObject({ created: true, seq: before.chain.lastSeq, count: before.chain.events });
    // The head has not moved: the same checkpoint.
    expect(await checkpoint()).toMatchObject({ created: false, seq: c.seq, hash: c.hash });
    const after = await status();
    expect(after).toMatchObject({ ok: true, checkpoints: 1, latest: { seq: c.seq, hash: c.hash } });
    expect(after.uncovered).toEqual({ events: 0, fromSeq: null, since: c.at, firstAt: null });
  });

  it('only holders of audit.read see the status, sign or export checkpoints', async () => {
    for (const who of ['owner', 'officer', 'clerk', 'accessController'] as const) {
      const s = await t.login(who);
      for (const [method, url] of [
        ['GET', '/api/v1/audit/chain'],
        ['POST', '/api/v1/audit/checkpoints'],
        ['GET', '/api/v1/audit/checkpoints/export'],
      ] as const)
        expect((await t.call(s, { method, url })).statusCode, `${who} ${method} ${url}`).toBe(403);
    }
    expect((await t.call(null, { method: 'GET', url: '/api/v1/audit/chain' })).statusCode).toBe(401);
  });

  it('states the window after the last checkpoint: how many events and since when', async () => {
    const c = await checkpoint();
    const latest = { seq: c.seq, at: c.at };
    await addEvents(3);
    const s = await status();
    expect(s.ok).toBe(true);
    expect(s.uncovered).toMatchObject({ events: 3, fromSeq: latest!.seq + 1, since: latest!.at });
    expect(Date.parse(s.uncovered.firstAt!)).toBeGreaterThanOrEqual(Date.parse(latest!.at) - 1000);
    // Deleting inside the window is not detectable: the status says so by the window it states.
    const undo = await deleteNewest(t.owner, 2);
    const cut = await status();
    expect(cut).toMatchObject({ ok: true, uncovered: { events: 1 } });
    await undo();
  });

  it.each([1, 50, 1038])(
    'detects the deletion of the newest %i events before the last checkpoint',
    async (k) => {
      const c = await checkpoint();
      const undo = await deleteNewest(t.owner, k);
      try {
        const s = await status();
        // The chain alone still verifies: only the checkpoint tells.
        expect(s.chain.ok).toBe(true);
        expect(s.chain.lastSeq).toBe(c.seq - k);
        expect(s.ok).toBe(false);
        const p = s.problems.find((x) => x.code === 'truncated');
        expect(p).toMatchObject({ seq: c.seq - k + 1 });
        expect(p!.th).toContain('ถูกตัดทอน');
        expect(p!.en).toContain(`at least ${k} newest events deleted`);
        // And no new checkpoint is signed over the truncated chain.
        const refused = await t.call(dc, { method: 'POST', url: '/api/v1/audit/checkpoints' });
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({ error: { message: expect.stringContaining('จุดตรวจสอบ') } });
      } finally {
        await undo();
      }
      expect((await status()).ok).toBe(true);
    },
  );

  it('detects a payload edited and the whole chain recomputed, before the last checkpoint', async () => {
    await addEvents(2);
    const c = await checkpoint();
    for (const seq of [c.seq, c.seq - 1, 5]) {
      const undo = await rewriteAndRecompute(t.owner, seq);
      try {
        const s = await status();
        expect(s.chain.ok).toBe(true); // the recomputed chain links
        expect(s.ok).toBe(false);
        expect(s.problems.map((p) => p.code)).toContain('rewritten');
        expect(s.problems.find((p) => p.code === 'rewritten')!.th).toContain('ถูกเขียนใหม่');
      } finally {
        await undo();
      }
    }
    expect((await status()).ok).toBe(true);
  });

  it('detects the newest events replaced by forged ones recomputed past the checkpoint', async () => {
    const c = await checkpoint();
    const undo = await rewriteAndRecompute(t.owner, c.seq - 3);
    try {
      await addEvents(2); // new events chain onto the forged head
      const s = await status();
      expect(s.chain.ok).toBe(true);
      expect(s.problems.map((p) => p.code)).toContain('rewritten');
    } finally {
      // The two new events link to the forged hashes: remove them with the forgery.
      await deleteNewest(t.owner, 2);
      await undo();
    }
    expect((await status()).ok).toBe(true);
  });

  it('detects a forged checkpoint (another key, or an altered claim) and a missing one', async () => {
    const store = localBlobStore(path.join(dataDir, 'store'));
    const head = (await store.getNamed('audit-checkpoints/head'))!.toString('utf8');
    const real = (await store.get(head))!.toString('utf8');
    const [{ top } = { top: 0 }] = await t.h.query<{ top: number }>(
      'select max(seq)::int as top from audit_events',
    );
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const kid = real.split('.')[0]!;
    const realKid = (JSON.parse(Buffer.from(kid, 'base64url').toString()) as { kid: string }).kid;
    // Signed with another key under the real key id: claims "the chain ends earlier".
    const forged = await new SignJWT({ seq: top - 1, hash: 'a'.repeat(64), count: top - 1, prev: head })
      .setProtectedHeader({ alg: 'EdDSA', typ: CHECKPOINT_TYPE, kid: realKid })
      .setIssuedAt()
      .sign(privateKey);
    // The real signature over altered claims.
    const [h64, , sig] = real.split('.');
    const altered = `${h64}.${Buffer.from(JSON.stringify({ seq: 1, hash: 'b'.repeat(64), count: 1, prev: head, iat: 1 })).toString('base64url')}.${sig}`;
    for (const jws of [forged, altered]) {
      const { sha256 } = await store.put(Buffer.from(jws));
      await store.putNamed('audit-checkpoints/head', Buffer.from(sha256));
      try {
        const s = await status();
        expect(s.ok).toBe(false);
        const p = s.problems.find((x) => x.code === 'forged');
        expect(p!.th).toContain('ลายมือชื่อไม่ถูกต้อง');
        // The real checkpoints behind it are still read and still hold.
        expect(s.latest!.hash).not.toBe('a'.repeat(64));
      } finally {
        await store.putNamed('audit-checkpoints/head', Buffer.from(head));
      }
    }
    // A head pointing at a checkpoint that is not in the store.
    await store.putNamed('audit-checkpoints/head', Buffer.from('c'.repeat(64)));
    try {
      expect((await status()).problems.map((p) => p.code)).toEqual(['missing']);
    } finally {
      await store.putNamed('audit-checkpoints/head', Buffer.from(head));
    }
    expect((await status()).ok).toBe(true);
  });

  it('exports every checkpoint with the public keys, and verifies against an export a third party kept', async () => {
    const r = await t.call(dc, { method: 'GET', url: '/api/v1/audit/checkpoints/export' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('attachment');
    const doc = r.json() as {
      format: string;
      keys: { keys: { kid: string; kty: string }[] };
      checkpoints: string[];
    };
    expect(doc.format).toBe('khru-audit-checkpoints/1');
    expect(doc.keys.keys[0]).toMatchObject({ kty: 'OKP' });
    expect(doc.keys.keys[0]).not.toHaveProperty('d'); // no private key
    expect(doc.checkpoints.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(doc);
    expect((await auditChainStatus(t.cfg, t.h, { exportText: text })).ok).toBe(true);
    // Someone empties the store's pointer and truncates: the third party's copy still tells.
    const store = localBlobStore(path.join(dataDir, 'store'));
    const head = (await store.getNamed('audit-checkpoints/head'))!;
    await store.putNamed('audit-checkpoints/head', Buffer.from('-'));
    const undo = await deleteNewest(t.owner, 1);
    try {
      expect((await auditChainStatus(t.cfg, t.h)).ok).toBe(true); // nothing left locally to compare
      const v = await auditChainStatus(t.cfg, t.h, { exportText: text });
      expect(v.ok).toBe(false);
      expect(v.problems.map((p) => p.code)).toContain('truncated');
    } finally {
      await undo();
      await store.putNamed('audit-checkpoints/head', head);
    }
    // The command signs as the route does.
    expect((await createAuditCheckpoint(t.cfg, t.h)).created).toBe(false);
  });
});

// The commands on an embedded database of their own: run once, with the PGlite pass.
describe.skipIf(inject('dbKind') !== 'pglite')(
  'npm run audit:checkpoints and audit:verify (the real commands)',
  () => {
    let dir: string;
    let h: DbHandle | null = null;
    const env = () => ({ ...process.env, DATA_DIR: dir, DATABASE_URL: '' });
    const run = (script: string, args: string[] = []) => {
      try {
        const out = execFileSync('npx', ['tsx', script, ...args], {
          env: env(),
          encoding: 'utf8',
          stdio: 'pipe',
        });
        return { code: 0, out };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: `${err.stdout}${err.stderr}` };
      }
    };
    /** The embedded database, open only while the commands are not running. */
    const withDb = async (fn: (owner: OwnerQuery) => Promise<void>) => {
      h = await openDb({ kind: 'pglite', dataDir: path.join(dir, 'db') });
      try {
        await fn((text, params) => h!.query(text, params));
      } finally {
        await h.close();
        h = null;
      }
    };
    const append = async (n: number) =>
      withDb(async () => {
        const { appendAudit } = await import('../../src/server/platform/audit/index.ts');
        const meta = { ip: null, userAgent: null, source: 'cli', requestId: null, authMethod: null };
        await h!.db.transaction((tx) =>
          appendAudit(
            tx,
            { userId: null, name: 'test', roles: [] },
            meta,
            Array.from({ length: n }, (_, i) => ({
              eventType: 'test',
              entityType: 'x',
              entityId: String(i),
            })),
          ),
        );
      });

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'khru-ckpt-cli-'));
      const db = await openDb({ kind: 'pglite', dataDir: path.join(dir, 'db') });
      await migrate(db);
      await db.close();
      await append(1100);
    });
    afterAll(async () => {
      await h?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('signs, exports, and detects truncation (1, 50, 1,038) and a recomputed rewrite; a forged export; states the window', async () => {
      const file = path.join(dir, 'third-party.json');
      const signed = run('scripts/audit-checkpoints.ts', ['--export', file]);
      expect(signed.code, signed.out).toBe(0);
      expect(signed.out).toContain('event #1100');
      expect(JSON.parse(readFileSync(file, 'utf8')).checkpoints).toHaveLength(1);
      const good = run('scripts/audit-verify.ts');
      expect(good.code, good.out).toBe(0);
      expect(good.out).toContain('every event is covered');

      for (const k of [1, 50, 1038]) {
        let undo: () => Promise<void> = async () => {};
        await withDb(async (owner) => {
          undo = await deleteNewest(owner, k);
        });
        const bad = run('scripts/audit-verify.ts');
        expect(bad.code, bad.out).toBe(1);
        expect(bad.out).toContain('ถูกตัดทอน');
        expect(bad.out).toContain(`at least ${k} newest events deleted`);
        await withDb(async () => undo());
      }

      let undoRewrite: () => Promise<void> = async () => {};
      await withDb(async (owner) => {
        undoRewrite = await rewriteAndRecompute(owner, 600);
      });
      const rewritten = run('scripts/audit-verify.ts');
      expect(rewritten.code, rewritten.out).toBe(1);
      expect(rewritten.out).toContain('audit chain OK'); // the chain alone would pass
      expect(rewritten.out).toContain('audit trail rewritten: event #1100');
      await withDb(async () => undoRewrite());

      // A forged checkpoint in the third party's file: the signature does not verify.
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { checkpoints: string[] };
      const [h64, p64, s64] = doc.checkpoints[0]!.split('.');
      const claims = JSON.parse(Buffer.from(p64!, 'base64url').toString()) as { seq: number; count: number };
      claims.seq = 1200;
      claims.count = 1200;
      const forgedFile = path.join(dir, 'forged.json');
      writeFileSync(
        forgedFile,
        JSON.stringify({
          ...doc,
          checkpoints: [`${h64}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s64}`],
        }),
      );
      const forged = run('scripts/audit-verify.ts', ['--checkpoints', forgedFile]);
      expect(forged.code, forged.out).toBe(1);
      expect(forged.out).toContain('invalid signature');
      expect(run('scripts/audit-verify.ts', ['--checkpoints', file]).code).toBe(0);

      // Events after the checkpoint: stated as the uncovered window, not an error.
      await append(7);
      const windowed = run('scripts/audit-verify.ts');
      expect(windowed.code, windowed.out).toBe(0);
      expect(windowed.out).toContain('uncovered window: 7 events from #1101');
    }, 240_000);
  },
);
