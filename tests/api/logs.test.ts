import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { teacherOf } from '../support/people.ts';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  t = await createTestApp({}, { level: 'info', stream });
});
afterAll(async () => t?.close());

describe('logs', () => {
  it('never contain a national ID, password, session token or CSRF token', async () => {
    const s = await t.login('officer');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: DEMO_ACCOUNTS.owner.nationalId, password: 'wrong-password-xyz' },
    });
    await t.call(s, {
      method: 'POST',
      url: '/api/v1/people/search',
      payload: { nationalId: DEMO_ACCOUNTS.owner.nationalId },
    });
    const id = await teacherOf(t.h, 'SCH-40-001');
    await t.call(s, { url: `/api/v1/people/${id}/record` });
    await t.call(s, { url: `/api/v1/people/${id}/record?nid=${DEMO_ACCOUNTS.owner.nationalId}` });
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    // Any stand-alone 13-digit number (not a timestamp, not inside a decimal) would be a leaked ID.
    const leaked = all.replace(/"time":\d+/g, '').match(/(?<![\d.])\d{13}(?![\d.])/);
    expect(
      leaked ? all.slice(Math.max(0, (leaked.index ?? 0) - 300), (leaked.index ?? 0) + 40) : null,
    ).toBeNull();
    for (const a of Object.values(DEMO_ACCOUNTS)) expect(all).not.toContain(a.nationalId);
    expect(all).not.toContain('demo-password-2569');
    expect(all).not.toContain('wrong-password-xyz');
    expect(all).not.toContain(s.cookie.split('=')[1]);
    expect(all).not.toContain(s.csrf);
  });

  it('never contain request text, even when a request is refused or the database fails (issue 17 §4)', async () => {
    const s = await t.login('officer');
    const marker = 'ลับเฉพาะ-สมศรีทดสอบ';
    // Refused before the database (it used to be a 500 whose log held the SQL parameters).
    const res = await t.call(s, {
      method: 'POST',
      url: '/api/v1/people/search',
      payload: { q: `${marker}\u0000` },
    });
    expect(res.statusCode).toBe(400);
    // A real database error with a parameter: the log says what failed, not with which values.
    const before = lines.length;
    try {
      await t.h.db.execute(sql`select ${marker}::int as n`);
      expect.unreachable();
    } catch (err) {
      t.app.log.error({ err }, 'unhandled error');
    }
    const dbLine = lines.slice(before).join('\n');
    expect(dbLine).toContain('"sql":"select $1::int as n"');
    const all = lines.join('\n');
    expect(all).not.toContain(marker);
    expect(all).not.toContain(JSON.stringify(marker).slice(1, -1));
  });
});
