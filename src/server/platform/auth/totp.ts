import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps — what every authenticator app reads)
 * through `otpauth`. A code is accepted one step either side of now (clock drift, §5.2) and only
 * for a step later than the last one accepted: a code is good once.
 */
export const TOTP_PERIOD = 30;
const ISSUER = 'Khru';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString();
}

/** The time step a code matches (now ± 1 step), or null. */
export function totpStep(secretBase32: string, code: string, nowMs = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32, 'x').validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  return Math.floor(nowMs / 1000 / TOTP_PERIOD) + delta;
}

/** Ten recovery codes of 80 random bits each, as xxxx-xxxx-xxxx-xxxx (no l, o, 0 or 1 to misread). */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 symbols: 5 bits each
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(16);
    const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** Recovery codes are compared by SHA-256 of their normalised form (80-bit random: no salt needed). */
export function recoveryCodeHash(code: string): string {
  const norm = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return createHash('sha256').update(`khru-recovery:${norm}`).digest('hex');
}
