/**
 * A software WebAuthn authenticator for API tests (ADR 0107): one P-256 key made in the test,
 * registration (attestation "none") and assertions built byte by byte, user verification set.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

export const b64u = (b: Uint8Array | Buffer | string) => Buffer.from(b).toString('base64url');
export const sha = (b: Uint8Array | Buffer | string) => createHash('sha256').update(b).digest();

/** A minimal platform authenticator: one P-256 key, user verification always performed. */
export class SoftAuthenticator {
  readonly credId = randomBytes(32);
  private readonly key: KeyObject;
  private readonly x: Buffer;
  private readonly y: Buffer;
  private counter = 0;
  constructor(
    readonly origin: string,
    readonly rpId = 'localhost',
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.key = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.x = Buffer.from(jwk.x!, 'base64url');
    this.y = Buffer.from(jwk.y!, 'base64url');
  }
  private authData(extra: Buffer, flags: number) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(++this.counter);
    return Buffer.concat([sha(this.rpId), Buffer.from([flags]), c, extra]);
  }
  register(challenge: string) {
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(this.x)],
        [-3, new Uint8Array(this.y)],
      ]),
    );
    const len = Buffer.alloc(2);
    len.writeUInt16BE(this.credId.length);
    const authData = this.authData(
      Buffer.concat([Buffer.alloc(16), len, this.credId, Buffer.from(cose)]),
      0x45,
    );
    const clientData = JSON.stringify({
      type: 'webauthn.create',
      challenge,
      origin: this.origin,
      crossOrigin: false,
    });
    const att = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(authData)],
      ]) as never,
    );
    return {
      id: b64u(this.credId),
      rawId: b64u(this.credId),
      type: 'public-key',
      response: { clientDataJSON: b64u(clientData), attestationObject: b64u(att), transports: ['internal'] },
      clientExtensionResults: {},
    };
  }
  assert(challenge: string, credId = this.credId) {
    const authData = this.authData(Buffer.alloc(0), 0x05);
    const clientData = JSON.stringify({
      type: 'webauthn.get',
      challenge,
      origin: this.origin,
      crossOrigin: false,
    });
    const sig = sign('sha256', Buffer.concat([authData, sha(clientData)]), this.key);
    return {
      id: b64u(credId),
      rawId: b64u(credId),
      type: 'public-key',
      response: { authenticatorData: b64u(authData), clientDataJSON: b64u(clientData), signature: b64u(sig) },
      clientExtensionResults: {},
    };
  }
}
