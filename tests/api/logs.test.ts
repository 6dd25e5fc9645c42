import { Writable } from 'node:stream';
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
});
