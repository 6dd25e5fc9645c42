/**
 * Issue 17 §3 (ADR 0113): one per-account throttle for every password check, atomic, and the
 * same for IDs without an account. Each test fails on the code before it (figures in comments).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalIdCheckDigit } from '../../src/domain/national-id.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/server/modules/demo/seed.ts';
import {
  FREE_ATTEMPTS,
  lockMinutes,
  reserveAttempt,
  throttleSubject,
} from '../../src/server/platform/auth/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const loginReq = (nationalId: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { nationalId, password } });

const unknownId = (first12: string) => `${first12}${nationalIdCheckDigit(first12)}`;

async function auditCount(eventType: string, entityId: string | null): Promise<number> {
  const [r] = await t.h.query<{ n: number }>(
    `select count(*)::int as n from audit_events where event_type = $1 and entity_id is not distinct from $2`,
    [eventType, entityId],
  );
  return Number(r!.n);
}

describe('the lockout cannot be raced', () => {
  it('of 45 simultaneous wrong guesses, at most 5 are checked; the rest are refused unchecked', async () => {
    // Old code: the lock was read before argon2 answered, so most of the 45 were checked.
    const id = DEMO_ACCOUNTS.agencyHead.nationalId;
    const res = await Promise.all(
      Array.from({ length: 45 }, (_, i) => loginReq(id, `concurrent-guess-${i}-xxxxxx`)),
    );
    const codes = res.map((r) => r.statusCode);
    const checked = codes.filter((c) => c === 401).length;
    console.info(
      `45 concurrent guesses: ${checked} checked (401), ${codes.filter((c) => c === 429).length} refused (429)`,
    );
    expect(checked).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(checked + codes.filter((c) => c === 429).length).toBe(45);
    const [u] = await t.h.query<{ id: string }>('select id from users where national_id = $1', [id]);
    expect(await auditCount('auth.login.failed', u!.id)).toBe(checked);
    expect(await auditCount('auth.lockout', u!.id)).toBeGreaterThanOrEqual(1);
    // And the right password is refused while locked.
    expect((await loginReq(id, DEMO_PASSWORD)).statusCode).toBe(429);
  });
});

describe('a locked known ID and an unknown ID answer alike', () => {
  it('same status and bytes, step by step, and comparable time', async () => {
    // Old code: unknown IDs always answered 401, a locked account 429 — telling which IDs exist.
    const known = DEMO_ACCOUNTS.districtDirector.nationalId;
    const unknown = unknownId('310010099999');
    // Interleaved, so both see the same machine load.
    const a: { status: number; body: string; ms: number }[] = [];
    const b: typeof a = [];
    for (let i = 0; i < 14; i++)
      for (const [id, out] of [
        [unknown, b],
        [known, a],
      ] as const) {
        const t0 = performance.now();
        const r = await loginReq(id, `wrong-password-${i}-xxxxxxx`);
        out.push({ status: r.statusCode, body: r.body, ms: performance.now() - t0 });
      }
    expect(a.map((x) => x.status)).toEqual([401, 401, 401, 401, 401, ...Array(9).fill(429)]);
    expect(b.map((x) => [x.status, x.body])).toEqual(a.map((x) => [x.status, x.body]));
    const median = (xs: number[]) => xs.sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
    const lockedKnown = median(a.slice(5).map((x) => x.ms));
    const lockedUnknown = median(b.slice(5).map((x) => x.ms));
    console.info(
      `locked answer: known ${lockedKnown.toFixed(1)} ms, unknown ${lockedUnknown.toFixed(1)} ms; ` +
        `wrong password: known ${median(a.slice(0, 5).map((x) => x.ms)).toFixed(1)} ms, unknown ${median(b.slice(0, 5).map((x) => x.ms)).toFixed(1)} ms`,
    );
    // Both run one argon2 verification (a dummy when locked): within a factor of 3 of each other.
    expect(lockedKnown / lockedUnknown).toBeGreaterThan(1 / 3);
    expect(lockedKnown / lockedUnknown).toBeLessThan(3);
  });
});

describe('every password check shares the throttle', () => {
  it('password change: a wrong current password counts; after 5 even the right one is refused', async () => {
    // Old code: 8 × 400 and the right password then changed it (no limit at all).
    const s = await t.login('owner');
    const change = (currentPassword: string) =>
      t.call(s, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword: 'ช้างเผือกบินข้ามทุ่งนาตอนเช้า' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await change(`guess-current-${i}-xxxx`)).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
    const right = await change(DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('accountLocked');
    // The lock is the account's: signing in is refused too.
    expect((await loginReq(DEMO_ACCOUNTS.owner.nationalId, DEMO_PASSWORD)).statusCode).toBe(429);
  });

  it('re-authentication is limited too, and counts with the other checks', async () => {
    // Old code: re-authentication had no counter (8 × 401, then 200 and a normal login).
    const s = await t.login('otherOwner');
    const reauth = (password: string) =>
      t.call(s, { method: 'POST', url: '/api/auth/reauth', payload: { password } });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await reauth(`guess-reauth-${i}-xxxx`)).statusCode);
    for (let i = 0; i < 2; i++)
      codes.push(
        (
          await t.call(s, {
            method: 'POST',
            url: '/api/auth/password',
            payload: { currentPassword: `guess-change-${i}-xxxx`, newPassword: 'ช้างเผือกบินข้ามทุ่งนาตอนเช้า' },
          })
        ).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 400, 400]);
    // 3 + 2 = 5 failures: the account is locked for every kind of check.
    expect((await reauth(DEMO_PASSWORD)).statusCode).toBe(429);
    expect((await loginReq(DEMO_ACCOUNTS.otherOwner.nationalId, DEMO_PASSWORD)).statusCode).toBe(429);
  });

  it('a successful check gives its reservation back: right passwords never lock anyone', async () => {
    const s = await t.login('schoolDirector');
    for (let i = 0; i < 8; i++)
      expect(
        (await t.call(s, { method: 'POST', url: '/api/auth/reauth', payload: { password: DEMO_PASSWORD } }))
          .statusCode,
      ).toBe(200);
  });

  it('the lock the database sets is lockMinutes(n)', async () => {
    const subject = throttleSubject('3999999999990');
    for (const n of [4, 5, 6, 7, 11, 12, 99, 100]) {
      await t.h.query(
        `insert into auth_throttle (subject, failures, locked_until) values ($1, $2, null)
         on conflict (subject) do update set failures = $2, locked_until = null`,
        [subject, n - 1],
      );
      const now = new Date('2030-01-01T00:00:00Z');
      expect(await reserveAttempt(t.h, subject, now)).toEqual({ failures: n });
      const [row] = await t.h.query<{ mins: number | null }>(
        `select extract(epoch from (locked_until - $2::timestamptz)) / 60 as mins from auth_throttle where subject = $1`,
        [subject, now.toISOString()],
      );
      const mins = row!.mins === null ? 0 : Math.round(Number(row!.mins));
      expect([n, mins]).toEqual([n, n >= 100 ? Math.round(Number(row!.mins)) : lockMinutes(n)]);
      if (n >= 100) expect(mins).toBeGreaterThan(60 * 24 * 365 * 99);
    }
  });
});
