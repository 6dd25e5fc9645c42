import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('health and contract', () => {
  it('reports status and database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.h.kind });
  });
  it('publishes OpenAPI 3.1 with the record routes', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/me/record');
    expect(Object.keys(doc.paths)).toContain('/api/v1/people/{personId}/items/service');
  });
  it('serves Swagger UI', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('login', () => {
  it('sets a __Host- session cookie (HttpOnly, Secure, SameSite=Strict) and returns the user', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: DEMO_ACCOUNTS.owner.nationalId, password: 'demo-password-2569' },
    });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === '__Host-khru_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.secure).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(c.path).toBe('/');
    expect(c.value.length).toBeGreaterThanOrEqual(43); // 256-bit token
    expect(res.json().user.displayName).toBe('นางสาวปิยะนุช ใจดี');
    expect(res.json().user.roles).toEqual(['owner']);
  });
  it('rejects a wrong password with a Thai message and no cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: DEMO_ACCOUNTS.otherOwner.nationalId, password: 'wrong-password-123456' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('เลขประจำตัวประชาชนหรือรหัสผ่านไม่ถูกต้อง');
    expect(res.cookies).toHaveLength(0);
  });
  it('names the national ID field when its check digit is wrong', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: '3100100000015', password: 'whatever-password' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      {
        field: 'nationalId',
        messageKey: 'err.nationalId.checksum',
        message: 'เลขประจำตัวประชาชน: เลขตรวจสอบ (หลักที่ 13) ไม่ถูกต้อง',
      },
    ]);
  });
  it('answers in English when asked', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US' },
      payload: { nationalId: '3100100000015', password: 'x' },
    });
    expect(res.json().error.fields[0].message).toBe('National ID: has a wrong check digit (13th digit)');
  });
  it('throttles an account after repeated failures without evaluating the password', async () => {
    const id = DEMO_ACCOUNTS.agencyHead.nationalId;
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { nationalId: id, password: `bad-password-${i}-xxxx` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429, 429]);
    // Even the right password is refused while locked.
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: id, password: 'demo-password-2569' },
    });
    expect(ok.statusCode).toBe(429);
  });
});

describe('session', () => {
  it('rejects calls without a session (401) and state changes without the CSRF token (403)', async () => {
    expect((await t.app.inject({ url: '/api/v1/me/record' })).statusCode).toBe(401);
    const s = await t.login('officer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/search',
      headers: { cookie: s.cookie },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    expect((await t.call(s, { method: 'POST', url: '/api/v1/people/search', payload: {} })).statusCode).toBe(
      200,
    );
  });
  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const s = await t.login('owner');
    expect((await t.call(s, { url: '/api/v1/me/record' })).statusCode).toBe(200);
    expect((await t.call(s, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await t.call(s, { url: '/api/v1/me/record' })).statusCode).toBe(401);
  });
  it('expires after the idle timeout', async () => {
    const s = await t.login('owner');
    await t.h.query(`update sessions set last_seen_at = now() - interval '31 minutes'`);
    expect((await t.call(s, { url: '/api/v1/me/record' })).statusCode).toBe(401);
  });
  it('expires at the absolute timeout even when active', async () => {
    const s = await t.login('owner');
    await t.h.query(
      `update sessions set absolute_expires_at = now() - interval '1 second', last_seen_at = now()`,
    );
    expect((await t.call(s, { url: '/api/v1/me/record' })).statusCode).toBe(401);
  });
  it('sends security headers and no-store on personal data', async () => {
    const s = await t.login('owner');
    const res = await t.call(s, { url: '/api/v1/me/record' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(String(res.headers['content-security-policy'])).toContain("object-src 'none'");
    expect(String(res.headers['strict-transport-security'])).toContain('max-age=31536000');
  });
});

describe('password change (NIST SP 800-63B)', () => {
  it('enforces length and the blocklist, not composition, and keeps the old password on refusal', async () => {
    const s = await t.login('otherOwner');
    const change = (newPassword: string) =>
      t.call(s, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'demo-password-2569', newPassword },
      });
    const short = await change('short-pass-14c');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].message).toBe('รหัสผ่านใหม่: รหัสผ่านต้องยาวอย่างน้อย 15 ตัวอักษร');
    expect((await change('passwordpassword')).json().error.fields[0].messageKey).toBe('err.password.blocked');
    expect(
      (await change(`${DEMO_ACCOUNTS.otherOwner.nationalId}abc`)).json().error.fields[0].messageKey,
    ).toBe('err.password.context');
    expect((await change('khru2569!!!!!!!!')).json().error.fields[0].messageKey).toBe('err.password.context');
    // All lowercase letters and Thai are fine: length is what counts.
    expect((await change('ช้างเผือกบินข้ามทุ่งนาตอนเช้า')).statusCode).toBe(204);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: DEMO_ACCOUNTS.otherOwner.nationalId, password: 'ช้างเผือกบินข้ามทุ่งนาตอนเช้า' },
    });
    expect(again.statusCode).toBe(200);
  });
});
