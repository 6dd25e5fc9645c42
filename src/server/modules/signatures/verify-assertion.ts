import { type AuthenticationResponseJSON, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Config } from '../../config.ts';
import { sha256Hex } from './snapshot.ts';

/**
 * Checks a WebAuthn assertion over `canonical`: the client data's challenge must be
 * SHA-256(canonical), the origin and RP ID ours, user presence and verification set, and the
 * signature valid under the registered public key. `live` also enforces the signature counter
 * (a cloned authenticator shows up as a counter that goes back); a later re-verification of
 * stored evidence does not, because the counter has moved on since.
 */
export async function verifyAssertion(
  cfg: Config,
  canonical: string,
  response: AuthenticationResponseJSON,
  cred: { credentialId: string; publicKey: string; counter: number; transports?: string[] | null },
  live: boolean,
): Promise<{ ok: boolean; userVerified: boolean; newCounter: number }> {
  try {
    const v = await verifyAuthenticationResponse({
      response,
      expectedChallenge: isoBase64URL.fromBuffer(new Uint8Array(Buffer.from(sha256Hex(canonical), 'hex'))),
      expectedOrigin: cfg.webauthnOrigins,
      expectedRPID: cfg.webauthnRpId,
      credential: {
        id: cred.credentialId,
        publicKey: isoBase64URL.toBuffer(cred.publicKey),
        counter: live ? cred.counter : 0,
      },
      requireUserVerification: true,
    });
    return {
      ok: v.verified && v.authenticationInfo.userVerified,
      userVerified: v.authenticationInfo.userVerified,
      newCounter: v.authenticationInfo.newCounter,
    };
  } catch {
    return { ok: false, userVerified: false, newCounter: cred.counter };
  }
}
