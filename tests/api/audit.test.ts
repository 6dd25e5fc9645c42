import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit/index.ts';
import { migrate, openDb } from '../../src/server/platform/db/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const s = await t.login('officer');
  const id = await teacherOf(t.h, 'SCH-40-001');
  for (let i = 0; i < 5; i++)
    await t.call(s, {
      method: 'POST',
      url: `/api/v1/people/${id}/items/training`,
      payload: { ...SAMPLES.training, course: `หลักสูตรที่ ${i}` },
    });
});
afterAll(async () => t?.close());

/**
 * Changes a row behind the application's back, as the owner of the table (the server's role may
 * not), bypassing the refusal trigger.
 */
async function tamper(sql: string) {
  await t.owner('alter table audit_events disable trigger user');
  try {
    await t.owner(sql);
  } finally {
    await t.owner('alter table audit_events enable trigger user');
  }
}

/**
 * The verdict on the chain, checked both ways: walked from the first event, and (on PostgreSQL) in
 * two halves at once, the second in a worker thread. Both must name the same event and reason.
 */
async function verify(batchSize?: number) {
  const walked = await verifyAuditChain(t.h, batchSize, { parallelFrom: Number.POSITIVE_INFINITY });
  const split = await verifyAuditChain(t.h, batchSize, { parallelFrom: 0 });
  expect(walked.threads).toBe(1);
  expect(split.threads).toBe(t.h.kind === 'postgres' ? 2 : 1);
  const { ms: _m, threads: _t, ...verdict } = walked;
  const { ms: _m2, threads: _t2, ...splitVerdict } = split;
  expect(splitVerdict).toEqual(verdict);
  return walked;
}

describe('audit trail', () => {
  it("the server's own database handle may not UPDATE, DELETE, TRUNCATE or unprotect audit rows", async () => {
    // The handle works as khru_app (ADR 0115), as the server's does: refused by privilege, before
    // the trigger is even reached, on every connection of the pool.
    const [who] = await t.h.query<{ r: string }>('select current_user as r');
    expect(who!.r).toBe('khru_app');
    for (let i = 0; i < 3; i++) {
      await expect(t.h.query(`update audit_events set event_type = 'x' where seq = 1`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(t.h.query('delete from audit_events where seq = 1')).rejects.toThrow(/permission denied/);
      await expect(t.h.query('truncate audit_events')).rejects.toThrow(/permission denied/);
      await expect(t.h.query('alter table audit_events disable trigger user')).rejects.toThrow(
        /must be owner/,
      );
      await expect(t.h.query('drop table audit_events')).rejects.toThrow(/must be owner/);
    }
    // Through Drizzle, in a transaction, as commands write (the driver's error is the cause).
    const viaDrizzle = await t.h.db
      .transaction((tx) => tx.execute(sql`delete from audit_events where seq = 1`))
      .then(
        () => 'deleted',
        (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
      );
    expect(viaDrizzle).toMatch(/permission denied/);
    // Even the owner goes through the append-only trigger.
    await expect(t.owner('delete from audit_events where seq = 1')).rejects.toThrow(/append-only/);
    // It still appends and reads.
    const [{ n } = { n: 0 }] = await t.h.query<{ n: number }>('select count(*)::int as n from audit_events');
    expect(n).toBeGreaterThan(5);
  });

  it('records actor, time and request metadata with every change', async () => {
    const [row] = await t.h.query<{ payload: string }>(
      `select payload from audit_events where event_type = 'record.entry.added' order by seq desc limit 1`,
    );
    const p = JSON.parse(row!.payload);
    expect(p.actor).toMatchObject({ name: 'นายประเสริฐ ศรีสุข', roles: ['owner', 'records_officer'] });
    expect(p.meta).toMatchObject({ ip: '127.0.0.1', source: 'api' });
    expect(p.meta.userAgent).toContain('lightMyRequest');
    expect(p.changes).toContainEqual({ field: 'course', from: null, to: 'หลักสูตรที่ 4' });
  });

  it('verifies the untouched chain', async () => {
    const r = await verify();
    expect(r.ok).toBe(true);
  });

  it('names a deleted event on either side of the point where the chain is split in two', async () => {
    const [{ n } = { n: 0 }] = await t.h.query<{ n: number }>('select count(*)::int as n from audit_events');
    const mid = Math.floor(n / 2);
    for (const seq of [mid, mid + 1]) {
      const [saved] = await t.h.query<{ j: string }>(
        `select row_to_json(a)::text as j from audit_events a where seq = ${seq}`,
      );
      await tamper(`delete from audit_events where seq = ${seq}`);
      try {
        expect(await verify()).toMatchObject({
          ok: false,
          events: seq - 1,
          firstBadSeq: seq,
          reason: `missing event ${seq} (next present is ${seq + 1})`,
        });
      } finally {
        await tamper(
          `insert into audit_events select * from json_populate_record(null::audit_events, $j$${saved!.j}$j$)`,
        );
      }
    }
    expect((await verify()).ok).toBe(true);
  });

  it('reads the chain in batches, the next read while the last is checked: a deleted event at a batch boundary is named', async () => {
    const [{ n } = { n: 0 }] = await t.h.query<{ n: number }>('select count(*)::int as n from audit_events');
    expect(n).toBeGreaterThan(6);
    // Batches of 2: every batch boundary is crossed with the next batch already being read.
    expect(await verify(2)).toMatchObject({ ok: true, events: n, lastSeq: n });
    // Event 5 opens the third batch (events 5–6), which was requested from seq 5 onwards.
    const [saved] = await t.h.query<{ j: string }>(
      'select row_to_json(a)::text as j from audit_events a where seq = 5',
    );
    await tamper('delete from audit_events where seq = 5');
    try {
      expect(await verify(2)).toMatchObject({
        ok: false,
        events: 4,
        firstBadSeq: 5,
        reason: 'missing event 5 (next present is 6)',
      });
    } finally {
      await tamper(
        `insert into audit_events select * from json_populate_record(null::audit_events, $j$${saved!.j}$j$)`,
      );
    }
    expect((await verifyAuditChain(t.h, 2)).ok).toBe(true);
  });

  it('names an event whose time column was moved, by an hour or by half a millisecond', async () => {
    for (const shift of ['1 hour', '0.5 milliseconds']) {
      await tamper(`update audit_events set occurred_at = occurred_at + interval '${shift}' where seq = 3`);
      try {
        expect(await verify()).toMatchObject({
          ok: false,
          events: 2,
          firstBadSeq: 3,
          reason: 'a column disagrees with the hashed payload',
        });
      } finally {
        await tamper(`update audit_events set occurred_at = occurred_at - interval '${shift}' where seq = 3`);
      }
    }
    expect((await verifyAuditChain(t.h)).ok).toBe(true);
  });

  it('names the first altered event', async () => {
    const [{ seq } = { seq: 0 }] = await t.h.query<{ seq: number }>(
      `select seq::int as seq from audit_events where event_type = 'record.entry.added' order by seq limit 1 offset 2`,
    );
    await tamper(
      `update audit_events set payload = replace(payload, 'หลักสูตรที่', 'หลักสูตรปลอม') where seq = ${seq}`,
    );
    const r = await verify();
    expect(r).toMatchObject({ ok: false, firstBadSeq: seq, reason: 'hash does not match the payload' });
  });
});

describe('npm run audit:verify', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'khru-audit-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('exits 0 on a good chain and names the bad event after an indexed column is altered', async () => {
    // A small embedded database of its own, verified by the real command.
    const h = await openDb({ kind: 'pglite', dataDir: path.join(dir, 'db') });
    await migrate(h);
    const { appendAudit } = await import('../../src/server/platform/audit/index.ts');
    const meta = { ip: null, userAgent: null, source: 'cli', requestId: null, authMethod: null };
    for (let i = 0; i < 3; i++)
      await h.db.transaction((tx) =>
        appendAudit(tx, { userId: null, name: 'test', roles: [] }, meta, [
          { eventType: 'test', entityType: 'x', entityId: String(i) },
        ]),
      );
    await h.close();
    const run = () => {
      try {
        return {
          code: 0,
          out: execFileSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
            env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
            encoding: 'utf8',
            stdio: 'pipe',
          }),
        };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { code: err.status, out: err.stderr };
      }
    };
    const ok = run();
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('3 events');
    const h2 = await openDb({ kind: 'pglite', dataDir: path.join(dir, 'db') });
    await h2.query('alter table audit_events disable trigger user');
    await h2.query(`update audit_events set entity_id = '99' where seq = 2`);
    await h2.close();
    const bad = run();
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('at event #2');
  }, 60_000);
});
