import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginMaxPerClient: 5 });
});
afterAll(async () => t?.close());

describe('per-client login throttle', () => {
  it('answers 429 with a Thai message once one client tries too many accounts', async () => {
    const ids = Object.values(DEMO_ACCOUNTS).map((a) => a.nationalId);
    const codes: number[] = [];
    for (const nationalId of ids.slice(0, 7))
      codes.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { nationalId, password: 'guess-password-0000' },
          })
        ).statusCode,
      );
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: ids[0], password: 'x' },
    });
    expect(res.json().error.message).toBe('มีการร้องขอมากเกินไป กรุณารอสักครู่');
    // Another client address is not affected.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.1.2.3',
      payload: { nationalId: DEMO_ACCOUNTS.owner.nationalId, password: 'demo-password-2569' },
    });
    expect(other.statusCode).toBe(200);
  });
});
