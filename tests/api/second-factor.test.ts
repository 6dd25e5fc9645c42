/**
 * Issue 17 §3 (ADR 0113): staff sign in with a second factor (TOTP, recovery codes), enrol on
 * first sign-in, and a half-signed-in session can do nothing else — cached or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET } from '../../src/server/modules/demo/seed.ts';
import { pendingSecondFactor } from '../../src/server/platform/authz/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { totpNow } from '../support/totp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name.endsWith('khru_sid'))!;
  return `${c.name}=${c.value}`;
};

describe('staff sign in with two factors', () => {
  it('after the password, a staff session can only give its code; the code makes a new, full session', async () => {
    // Old code: the password alone gave a full officer session (200 on the record search).
    const half = await t.loginPassword('officer');
    expect(half.secondFactor).toBe('totp');
    const session = await t.call(half, { url: '/api/auth/session' });
    expect(session.json()).toMatchObject({
      secondFactor: 'totp',
      user: { permissions: [], assignments: [] },
    });
    for (const req of [
      { url: '/api/v1/me/record' },
      { method: 'POST' as const, url: '/api/v1/people/search', payload: {} },
      { method: 'POST' as const, url: '/api/auth/reauth', payload: { password: 'demo-password-2569' } },
    ]) {
      const r = await t.call(half, req);
      expect(r.statusCode).toBe(403);
      expect(r.json().error).toMatchObject({
        code: 'secondFactorRequired',
        message: 'กรุณายืนยันตัวตนขั้นที่สอง (รหัส ๖ หลักจากแอปยืนยันตัวตน หรือรหัสกู้คืน) ก่อนใช้งาน',
      });
    }
    const wrong = await t.call(half, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('รหัสยืนยันตัวตนไม่ถูกต้องหรือถูกใช้ไปแล้ว');
    const code = totpNow(DEMO_TOTP_SECRET);
    const ok = await t.call(half, { method: 'POST', url: '/api/auth/second-factor', payload: { code } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().secondFactor).toBeNull();
    expect(ok.json().user.roles).toContain('records_officer');
    const full = { ...half, cookie: cookieOf(ok), csrf: ok.json().csrfToken };
    expect(full.cookie).not.toBe(half.cookie);
    expect(
      (await t.call(full, { method: 'POST', url: '/api/v1/people/search', payload: {} })).statusCode,
    ).toBe(200);
    // The half session was replaced, not promoted: its token (and anything cached for it) is dead.
    expect((await t.call(half, { url: '/api/auth/session' })).statusCode).toBe(401);

    // Replay: the same code in another sign-in is refused (RFC 6238 §5.2).
    const again = await t.loginPassword('officer');
    const replay = await t.call(again, { method: 'POST', url: '/api/auth/second-factor', payload: { code } });
    expect(replay.statusCode).toBe(401);
    const [a] = await t.h.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'auth.login' and entity_id = $1 and payload::jsonb->'data'->>'method' = 'password+totp'`,
      [half.userId],
    );
    expect(Number(a!.n)).toBe(1);
  });

  it('a half session stays half through the session cache (ADR 0109)', async () => {
    const half = await t.loginPassword('clerk');
    // Read (and cache) it several times; it never answers as a full session.
    for (let i = 0; i < 3; i++)
      expect((await t.call(half, { url: '/api/v1/me/record' })).statusCode).toBe(403);
    await t.h.query('update user_totp set last_step = null where user_id = $1', [half.userId]);
    const ok = await t.call(half, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: totpNow(DEMO_TOTP_SECRET) },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.call(half, { url: '/api/v1/me/record' })).statusCode).toBe(401);
  });

  it('wrong codes count in the password throttle: after 5, even the right code is refused', async () => {
    const half = await t.loginPassword('certifier');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (
          await t.call(half, {
            method: 'POST',
            url: '/api/auth/second-factor',
            payload: { code: String(100000 + i) },
          })
        ).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    const right = await t.call(half, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: totpNow(DEMO_TOTP_SECRET) },
    });
    expect(right.statusCode).toBe(429);
    // …and the password too: it is one counter.
    const pw = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: DEMO_ACCOUNTS.certifier.nationalId, password: 'demo-password-2569' },
    });
    expect(pw.statusCode).toBe(429);
  });

  it('owners may sign in with a password alone', async () => {
    const s = await t.loginPassword('owner');
    expect(s.secondFactor).toBeNull();
    expect((await t.call(s, { url: '/api/v1/me/record' })).statusCode).toBe(200);
  });
});

describe('enrolment, recovery codes', () => {
  it('a staff account without an authenticator must enrol first; the secret is shown once', async () => {
    const half = await t.loginPassword('provincialOfficer');
    expect(half.secondFactor).toBe('enrol');
    const refused = await t.call(half, { method: 'POST', url: '/api/v1/people/search', payload: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'secondFactorEnrol',
      message: 'บัญชีที่เข้าถึงทะเบียนประวัติของผู้อื่นต้องตั้งค่าการยืนยันตัวตนสองขั้นตอนก่อนใช้งาน',
    });
    const start = await t.call(half, { method: 'POST', url: '/api/auth/totp/enrol' });
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = start.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Khru:/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const bad = await t.call(half, {
      method: 'POST',
      url: '/api/auth/totp/confirm',
      payload: { code: '12345' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toBe('รหัสยืนยันตัวตน: ต้องเป็นตัวเลข ๖ หลักจากแอปยืนยันตัวตน');
    const ok = await t.call(half, {
      method: 'POST',
      url: '/api/auth/totp/confirm',
      payload: { code: totpNow(secret) },
    });
    expect(ok.statusCode).toBe(200);
    const codes = ok.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(ok.json()).toMatchObject({ secondFactor: null, totpEnrolled: true });
    const full = { ...half, cookie: cookieOf(ok), csrf: ok.json().csrfToken };
    expect(
      (await t.call(full, { method: 'POST', url: '/api/v1/people/search', payload: {} })).statusCode,
    ).toBe(200);
    // Never again: a second enrolment is refused, the secret is not returned anywhere.
    const again = await t.call(full, { method: 'POST', url: '/api/auth/totp/enrol' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('totpEnrolled');
    const sec = await t.call(full, { url: '/api/auth/security' });
    expect(sec.json()).toEqual({ totpEnrolled: true, recoveryCodesLeft: 10 });
    expect(
      JSON.stringify([sec.json(), (await t.call(full, { url: '/api/auth/session' })).json()]),
    ).not.toContain(secret);
    // Only hashes are stored.
    const stored = await t.h.query<{ code_hash: string }>(
      'select code_hash from recovery_codes where user_id = $1',
      [half.userId],
    );
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);

    // Sign in with a recovery code: good once.
    const next = await t.loginPassword('provincialOfficer');
    expect(next.secondFactor).toBe('totp');
    const rc = await t.call(next, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { recoveryCode: codes[0]!.toUpperCase() },
    });
    expect(rc.statusCode).toBe(200);
    const third = await t.loginPassword('provincialOfficer');
    const reuse = await t.call(third, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { recoveryCode: codes[0] },
    });
    expect(reuse.statusCode).toBe(401);
    const [used] = await t.h.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'auth.recoveryCode.used' and entity_id = $1`,
      [half.userId],
    );
    expect(Number(used!.n)).toBe(1);

    // Regenerating replaces every code.
    const s2 = { ...next, cookie: cookieOf(rc), csrf: rc.json().csrfToken };
    const regen = await t.call(s2, { method: 'POST', url: '/api/auth/recovery-codes' });
    expect(regen.statusCode).toBe(200);
    expect(regen.json().recoveryCodes).toHaveLength(10);
    const fourth = await t.loginPassword('provincialOfficer');
    const old = await t.call(fourth, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { recoveryCode: codes[1] },
    });
    expect(old.statusCode).toBe(401);
  });
});

describe('an access controller resets a lost factor in the office', () => {
  it('only for people of his offices; audited; the next sign-in enrols again', async () => {
    const ac = await t.login('accessController');
    const clerk = await t.login('clerk');
    const reset = (s: typeof ac, userId: string) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/access/users/${userId}/second-factor/reset`,
        payload: { reason: 'โทรศัพท์หาย ตรวจบัตรประชาชนที่สำนักงานแล้ว' },
      });
    // Not an access controller; another office's person; oneself.
    expect((await reset(await t.login('officeController'), clerk.userId)).statusCode).toBe(403);
    expect((await reset(ac, (await t.loginPassword('otherOwner')).userId)).statusCode).toBe(404);
    expect((await reset(ac, ac.userId)).statusCode).toBe(403);
    const r = await reset(ac, clerk.userId);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ userId: clerk.userId, hadAuthenticator: true });
    // The clerk's sessions ended; the next sign-in must enrol.
    expect((await t.call(clerk, { url: '/api/auth/session' })).statusCode).toBe(401);
    expect((await t.loginPassword('clerk')).secondFactor).toBe('enrol');
    const [a] = await t.h.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'auth.secondFactor.reset' and entity_id = $1`,
      [clerk.userId],
    );
    expect(Number(a!.n)).toBe(1);
  });
});

describe('policy (ADR 0113)', () => {
  it('Digital ID counts as the second factor only at the configured level', () => {
    const staff = [{ role: 'records_officer' as const }];
    expect(pendingSecondFactor('oidc', false, staff)).toBeNull();
    expect(pendingSecondFactor('oidc-low', false, staff)).toBe('enrol');
    expect(pendingSecondFactor('oidc-low', true, staff)).toBe('totp');
    expect(pendingSecondFactor('password', false, [])).toBeNull();
    expect(pendingSecondFactor('password', true, [])).toBe('totp');
    expect(pendingSecondFactor('password+totp', true, staff)).toBeNull();
  });
});
