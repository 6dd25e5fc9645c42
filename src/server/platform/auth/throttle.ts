import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle, Executor } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';

const { authThrottle } = schema;

/**
 * Per-subject throttling (NIST SP 800-63B-4 §3.2.2: at most 100 consecutive failures; ASVS
 * 6.3.1): after 5 failures each further attempt waits 2^(n−5) minutes (max 60); at 100 the
 * subject stays locked until an access controller resets it (ADR 0113). Every secret a person
 * types to sign in — password at login, re-authentication, password change, TOTP or recovery
 * code — counts in the same counter.
 */
export const FREE_ATTEMPTS = 5;
export const HARD_LOCK_AT = 100;
export function lockMinutes(failures: number): number {
  if (failures >= HARD_LOCK_AT) return 60 * 24 * 365 * 100;
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), 60);
}

/**
 * The throttle key of a national ID, whether or not an account has it: a locked known ID and an
 * unknown one answer alike. Only a hash is kept (IDs typed by strangers are not stored).
 */
export function throttleSubject(nationalId: string): string {
  return createHash('sha256').update(`khru-signin:${nationalId}`).digest('hex');
}

/**
 * Reserves one attempt in ONE statement, before the secret is checked: the counter goes up and
 * — when the new count reaches the limit — the lock is set as if the attempt failed. Concurrent
 * guesses therefore see each other's reservations: of 45 at once, at most FREE_ATTEMPTS are
 * checked. Null: locked, check nothing. A successful check gives the reservation back
 * (`releaseAttempt`) or clears the counter (`clearAttempts`, a full sign-in).
 * The lock expression is `lockMinutes` in SQL (a test compares them).
 */
export async function reserveAttempt(
  h: DbHandle,
  subject: string,
  now = new Date(),
): Promise<{ failures: number } | null> {
  const rows = await h.query<{ failures: number }>(
    `insert into auth_throttle as t (subject, failures, locked_until, updated_at)
       values ($1, 1, case when 1 >= $3 then $2::timestamptz + interval '1 minute' end, $2)
     on conflict (subject) do update set
       failures = t.failures + 1,
       updated_at = $2,
       locked_until = case
         when t.failures + 1 >= $4 then $2::timestamptz + interval '100 years'
         when t.failures + 1 >= $3
           then $2::timestamptz + make_interval(mins => least(power(2, t.failures + 1 - $3), 60)::int)
         end
       where t.locked_until is null or t.locked_until <= $2
     returning failures`,
    [subject, now.toISOString(), FREE_ATTEMPTS, HARD_LOCK_AT],
  );
  return rows[0] ? { failures: Number(rows[0].failures) } : null;
}

/**
 * A reserved attempt that succeeded but did not finish a sign-in (the password of an account
 * that still owes its second factor, a re-authentication): it is not a failure, so it is given
 * back and its provisional lock lifted; earlier failures still count.
 */
export async function releaseAttempt(ex: Executor, subject: string): Promise<void> {
  await ex
    .update(authThrottle)
    .set({
      failures: sql`greatest(${authThrottle.failures} - 1, 0)`,
      lockedUntil: sql`case when ${authThrottle.failures} - 1 >= ${FREE_ATTEMPTS} then ${authThrottle.lockedUntil} end`,
    })
    .where(eq(authThrottle.subject, subject));
}

/** A full sign-in (every factor the account needs): the failures are forgotten. */
export async function clearAttempts(ex: Executor, subject: string): Promise<void> {
  await ex.delete(authThrottle).where(eq(authThrottle.subject, subject));
}

export type SecretCheck =
  | { result: 'ok' }
  | { result: 'wrong'; failures: number; lockMinutes: number }
  | { result: 'locked' };

/**
 * THE password check (ADR 0113): every caller goes through here, so every password guess is
 * counted in the subject's throttle before its result is known. An argon2 verification always
 * runs — against a fixed hash when there is no account or the subject is locked — so the answer
 * takes the same time whether the ID has an account, is locked, or not.
 */
export async function checkPassword(
  h: DbHandle,
  subject: string,
  storedHash: string | null,
  password: string,
): Promise<SecretCheck> {
  const r = await reserveAttempt(h, subject);
  if (!r) {
    await verifyPassword(await dummyPasswordHash(), password);
    return { result: 'locked' };
  }
  const ok = storedHash
    ? await verifyPassword(storedHash, password)
    : (await verifyPassword(await dummyPasswordHash(), password)) && false;
  return ok
    ? { result: 'ok' }
    : { result: 'wrong', failures: r.failures, lockMinutes: lockMinutes(r.failures) };
}

/** A second-factor check (TOTP or recovery code) counted in the same throttle. */
export async function checkThrottled(
  h: DbHandle,
  subject: string,
  verify: () => Promise<boolean>,
): Promise<SecretCheck> {
  const r = await reserveAttempt(h, subject);
  if (!r) return { result: 'locked' };
  return (await verify())
    ? { result: 'ok' }
    : { result: 'wrong', failures: r.failures, lockMinutes: lockMinutes(r.failures) };
}
