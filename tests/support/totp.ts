import { Secret, TOTP } from 'otpauth';

/** The RFC 6238 code of a base32 secret at a time (what an authenticator app shows). */
export function totpNow(secretBase32: string, timestamp = Date.now()): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp,
  });
}
