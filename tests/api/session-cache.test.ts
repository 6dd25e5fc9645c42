/**
 * Resolved sessions kept in the process (ADR 0109, migration 0014): an entry serves between
 * changes and is dropped by the database's notification of any change to the session, its user,
 * its role assignments or their offices — before the writer's COMMIT returns in the writer's own
 * process, within a second in another (RS-A4). Nothing is served while no connection listens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { type ResolvedSession, SessionCache, tokenId } from '../../src/server/platform/auth/index.ts';
import { openDb } from '../../src/server/platform/db/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { adminUrl, testDbKind } from '../support/env.ts';
import { teacherOf } from '../support/people.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const sessionId = (s: Session) => tokenId(decodeURIComponent(/khru_sid=([^;]+)/.exec(s.cookie)![1]!));
const me = (s: Session) => t.call(s, { url: '/api/auth/session' });

/**
 * Revokes the session with the triggers off: the database changes and nobody is told. As the
 * owner: the server's role (khru_app, ADR 0115) may not switch triggers off.
 */
async function revokeSilently(s: Session, app: TestApp = t) {
  await app.owner('begin');
  try {
    await app.owner('set local session_replication_role = replica');
    await app.owner('update sessions set revoked_at = now() where id = $1', [sessionId(s)]);
    await app.owner('commit');
  } catch (e) {
    await app.owner('rollback');
    throw e;
  }
}

describe('session cache', () => {
  it('serves a resolved session from memory until the database says it changed', async () => {
    const s = await t.login('owner');
    expect((await me(s)).statusCode).toBe(200);
    await revokeSilently(s);
    // Not told: the process still holds the session as it was (this is what the cache saves).
    expect((await me(s)).statusCode).toBe(200);
    // Told: the entry is dropped and the session read again — revoked.
    await t.h.query(`select pg_notify('khru_auth', $1)`, [`s:${sessionId(s)}`]);
    expect((await me(s)).statusCode).toBe(401);
  });

  it('with SESSION_CACHE_SECONDS=0 every request reads its session from the database', async () => {
    const t0 = await createTestApp({ sessionCacheMs: 0 });
    try {
      const s = await t0.login('owner');
      expect((await t0.call(s, { url: '/api/auth/session' })).statusCode).toBe(200);
      await revokeSilently(s, t0);
      expect((await t0.call(s, { url: '/api/auth/session' })).statusCode).toBe(401);
    } finally {
      await t0.close();
    }
  });

  it('every kind of change notifies: session, user, role assignment, its items, office', async () => {
    const officer = await t.login('officer');
    const teacher = await teacherOf(t.h, 'SCH-40-001');
    const read = () => t.call(officer, { url: `/api/v1/people/${teacher}/record` });
    expect((await read()).statusCode).toBe(200);
    const changes = [
      [`update sessions set auth_method = auth_method where id = $1`, sessionId(officer)],
      [`update users set failed_attempts = failed_attempts where id = $1`, officer.userId],
      [`update role_assignments set role = role where user_id = $1`, officer.userId],
      [`delete from assignment_items where assignment_id is null and $1::text is not null`, 'x'],
      [`update offices set name_th = name_th where id is null and $1::text is not null`, 'x'],
    ] as const;
    for (const [text, param] of changes) {
      const notes: string[] = [];
      const off = t.h.onAuthChange((p) => notes.push(p));
      // The writer's own process hears of its change before the statement returns.
      await t.h.query(text, [param]);
      off();
      expect(notes, text).not.toEqual([]);
    }
    // The ordinary write path through the API: the session ends at the next request.
    expect((await t.call(officer, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await read()).statusCode).toBe(401);
  });

  it('a role assignment ended by SQL stops working at the very next request', async () => {
    const clerk = await t.login('clerk');
    const teacher = await teacherOf(t.h, 'SCH-40-001');
    const read = () => t.call(clerk, { url: `/api/v1/people/${teacher}/record` });
    expect((await read()).statusCode).toBe(200);
    expect((await read()).statusCode).toBe(200);
    await t.h.query(
      `update role_assignments set end_date = current_date where user_id = (select id from users where national_id = $1)`,
      [DEMO_ACCOUNTS.clerk.nationalId],
    );
    expect((await read()).statusCode).toBe(404);
  });

  it('an office moved in the tree carries its people, and the sessions assigned there follow at once', async () => {
    // No API moves offices; an operator does it in SQL. The persons' paths follow by trigger
    // (migration 0012) and the sessions holding the old path are dropped (migration 0014).
    const director = await t.login('schoolDirector'); // assigned at SCH-40-001
    const district = await t.login('districtDirector'); // SPP-KK1, the school's district until the move
    const teacher = await teacherOf(t.h, 'SCH-40-001');
    const read = (s: Session) => t.call(s, { url: `/api/v1/people/${teacher}/record` });
    expect([(await read(director)).statusCode, (await read(district)).statusCode]).toEqual([200, 200]);
    await t.h.query(
      `update offices s set parent_id = d.id, path = d.path || s.code || '/' from offices d
        where s.code = 'SCH-40-001' and d.code = 'SPM-KK'`,
    );
    try {
      const [p] = await t.h.query<{ office_path: string }>('select office_path from persons where id = $1', [
        teacher,
      ]);
      expect(p!.office_path).toBe('/OTEPC/OBEC/SPM-KK/SCH-40-001/');
      // The director's assignment now holds the school's new path; the district's scope ends.
      expect([(await read(director)).statusCode, (await read(district)).statusCode]).toEqual([200, 404]);
    } finally {
      await t.h.query(
        `update offices s set parent_id = d.id, path = d.path || s.code || '/' from offices d
          where s.code = 'SCH-40-001' and d.code = 'SPP-KK1'`,
      );
    }
  });

  it.skipIf(testDbKind() !== 'postgres')(
    'another process’s change is seen here within a second (RS-A4); disabling a user ends its sessions',
    async () => {
      const s = await t.login('certifier');
      expect((await me(s)).statusCode).toBe(200);
      const other = await openDb({ kind: 'postgres', url: t.h.url!, poolSize: 1 });
      try {
        const started = Date.now();
        await other.query(`update users set status = 'disabled' where id = $1`, [s.userId]);
        let status = 200;
        while (status === 200 && Date.now() - started < 5000) {
          status = (await me(s)).statusCode;
          if (status === 200) await new Promise((r) => setTimeout(r, 5));
        }
        expect(status).toBe(401);
        expect(Date.now() - started).toBeLessThan(1000);
      } finally {
        await other.query(`update users set status = 'active' where id = $1`, [s.userId]);
        await other.close();
      }
    },
  );

  it.skipIf(testDbKind() !== 'postgres')(
    'when its connections are lost, the process forgets every session it held',
    async () => {
      const s = await t.login('owner');
      expect((await me(s)).statusCode).toBe(200);
      await revokeSilently(s);
      expect((await me(s)).statusCode).toBe(200); // held
      const admin = await openDb({ kind: 'postgres', url: adminUrl('postgres'), poolSize: 1 });
      try {
        const db = new URL(t.h.url!).pathname.slice(1);
        await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
          [db],
        );
      } finally {
        await admin.close();
      }
      // The pool sees its connections end: no connection listens, notifications could be lost.
      for (let i = 0; i < 200 && t.h.authChangesLive(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(t.h.authChangesLive()).toBe(false);
      expect((await me(s)).statusCode).toBe(401);
    },
  );
});

describe('SessionCache', () => {
  const cfg = loadConfig({} as NodeJS.ProcessEnv);
  const entry = (userId: string): ResolvedSession => ({
    loaded: {
      csrfToken: 'c',
      actor: {
        userId,
        personId: null,
        nationalId: '0',
        displayName: 'x',
        sessionId: 's',
        authTime: '',
        authMethod: 'password',
        assignments: [],
      },
    },
    userActive: true,
    revoked: false,
    expiresMs: Date.now() + cfg.sessionAbsoluteMs,
    lastSeenMs: Date.now(),
    day: '2026-11-22',
  });

  it('does not keep a read that was in flight when a change arrived', () => {
    const c = new SessionCache(30_000, () => true);
    const mark = c.mark();
    c.changed('u:someone-else');
    c.set('a', entry('u1'), mark, 0);
    expect(c.get('a', '2026-11-22', 1)).toBeNull();
    c.set('a', entry('u1'), c.mark(), 0);
    expect(c.get('a', '2026-11-22', 1)).not.toBeNull();
  });

  it('drops by session, by user, or all; and on a new day or after its time', () => {
    const c = new SessionCache(30_000, () => true);
    for (const [k, u] of [
      ['a', 'u1'],
      ['b', 'u1'],
      ['c', 'u2'],
      ['d', 'u3'],
    ] as const)
      c.set(k, entry(u), c.mark(), 0);
    c.changed('s:d');
    expect(c.get('d', '2026-11-22', 1)).toBeNull();
    c.changed('u:u1');
    expect([c.get('a', '2026-11-22', 1), c.get('b', '2026-11-22', 1)]).toEqual([null, null]);
    expect(c.get('c', '2026-11-22', 1)).not.toBeNull();
    expect(c.get('c', '2026-11-23', 1)).toBeNull(); // assignments in force are per day
    c.set('c', entry('u2'), c.mark(), 0);
    expect(c.get('c', '2026-11-22', 30_000)).toBeNull(); // its time is up
    c.set('c', entry('u2'), c.mark(), 0);
    c.changed('*');
    expect(c.size).toBe(0);
  });

  it('holds at most its bound, dropping the oldest; a user notification drops that user’s only', () => {
    const c = new SessionCache(30_000, () => true, 3);
    c.set('a', entry('u1'), c.mark(), 0);
    c.set('b', entry('u2'), c.mark(), 0);
    c.set('c', entry('u1'), c.mark(), 0);
    c.set('d', entry('u3'), c.mark(), 0); // evicts 'a'
    expect(c.size).toBe(3);
    expect(c.get('a', '2026-11-22', 1)).toBeNull();
    c.changed('u:u1');
    expect(
      [c.get('b', '2026-11-22', 1), c.get('c', '2026-11-22', 1), c.get('d', '2026-11-22', 1)].map(Boolean),
    ).toEqual([true, false, true]);
    c.set('b', entry('u2'), c.mark(), 0); // read again: replaced, not counted twice
    expect(c.size).toBe(2);
  });

  it('serves and keeps nothing while no connection listens', () => {
    let live = true;
    const c = new SessionCache(30_000, () => live);
    c.set('a', entry('u1'), c.mark(), 0);
    live = false;
    expect(c.get('a', '2026-11-22', 1)).toBeNull();
    c.set('a', entry('u1'), c.mark(), 0);
    expect(c.size).toBe(0);
  });
});
