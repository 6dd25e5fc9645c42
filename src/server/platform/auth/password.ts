import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password rules of NIST SP 800-63B-4 §3.1.1.2 (security-goals §2): length, not composition;
 * at least 15 characters when the password is the only factor; at most 256 accepted, never
 * truncated; checked against a blocklist of common passwords and context words; no expiry.
 */
export const PASSWORD_MIN = 15;
export const PASSWORD_MAX = 256;

/** OWASP Password Storage Cheat Sheet minimum for Argon2id: m=19 MiB, t=2, p=1. */
const ARGON2_OPTIONS = {
  algorithm: 2 /* Argon2id */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
/** Words about this system and its users that make a password guessable (ASVS 6.2.11). */
const CONTEXT_WORDS = [
  'khru',
  'kru',
  'ครู',
  'otepc',
  'kks16',
  'ks16',
  'กคศ',
  'hrms',
  'teacher',
  'password',
  'รหัสผ่าน',
];

export type PasswordProblem =
  | 'err.password.short'
  | 'err.password.long'
  | 'err.password.blocked'
  | 'err.password.context';

/** Returns the rule a new password breaks, or null. Counts Unicode code points, not bytes. */
export function passwordProblem(password: string, nationalId?: string): PasswordProblem | null {
  const pw = password.normalize('NFC');
  const len = [...pw].length;
  if (len < PASSWORD_MIN) return 'err.password.short';
  if (len > PASSWORD_MAX) return 'err.password.long';
  const lower = pw.toLowerCase();
  if (COMMON.has(lower)) return 'err.password.blocked';
  if (nationalId && lower.includes(nationalId)) return 'err.password.context';
  // A context word padded with digits or symbols ("khru2569!!!!!!!") is still guessable.
  const letters = lower.replace(/[\d\s\p{P}\p{S}]/gu, '');
  if (CONTEXT_WORDS.includes(letters) || COMMON.has(letters) || /^(.)\1*$/u.test(letters))
    return 'err.password.context';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy-password-for-timing-equalisation');
  return dummyHash;
}
