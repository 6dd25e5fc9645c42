/**
 * The signed token in a printout's QR code: a compact JWS (EdDSA/Ed25519) naming the document
 * and its hash, so a cloned verify site cannot vouch for a forged copy. Claims use short names
 * to keep the QR small (about 310 characters with a 36-character document id and a short kid).
 */
import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, jwtVerify, SignJWT } from 'jose';

export const DOC_TOKEN_TYPE = 'khru-doc+jwt';
const ALG = 'EdDSA';

export interface DocumentClaims {
  docId: string;
  /** SHA-256 of what the token vouches for, hex (64 chars) or base64url (43 chars). */
  sha256: string;
  issuedAt: Date;
  /** Key id of the signing key (goes into the protected header). */
  kid: string;
}

export interface VerifiedDocumentToken {
  docId: string;
  /** Hex. */
  sha256: string;
  issuedAt: Date;
  kid: string;
}

/** Returns the public key for a key id, or undefined if the id is unknown (the token is refused). */
export type DocumentKeyResolver = (
  kid: string,
) => Promise<CryptoKey | JWK | undefined> | CryptoKey | JWK | undefined;

export interface TokenKeyPair {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** A new Ed25519 key pair for document tokens; `kid` defaults to the JWK thumbprint prefix. */
export async function generateTokenKey(kid?: string): Promise<TokenKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const id = kid ?? createHash('sha256').update(JSON.stringify(publicJwk)).digest('base64url').slice(0, 12);
  return { kid: id, privateKey, publicKey, publicJwk: { ...publicJwk, kid: id, alg: ALG, use: 'sig' } };
}

function hashToB64url(h: string): string {
  if (/^[0-9a-f]{64}$/i.test(h)) return Buffer.from(h, 'hex').toString('base64url');
  if (/^[A-Za-z0-9_-]{43}$/.test(h)) return h;
  throw new Error('sha256 must be 64 hex or 43 base64url characters');
}

/** Issues the compact JWS for a document. */
export async function issueDocumentToken(claims: DocumentClaims, privateKey: CryptoKey): Promise<string> {
  return new SignJWT({ d: claims.docId, h: hashToB64url(claims.sha256) })
    .setProtectedHeader({ alg: ALG, typ: DOC_TOKEN_TYPE, kid: claims.kid })
    .setIssuedAt(Math.floor(claims.issuedAt.getTime() / 1000))
    .sign(privateKey);
}

/**
 * Verifies a document token: only EdDSA, only our `typ`, only keys the resolver knows. Throws on
 * any failure (wrong key, alg "none" or another algorithm, wrong type, tampering, bad claims).
 */
export async function verifyDocumentToken(
  token: string,
  resolveKey: DocumentKeyResolver,
): Promise<VerifiedDocumentToken> {
  const { payload, protectedHeader } = await jwtVerify(
    token,
    async (header) => {
      if (!header.kid) throw new Error('token has no kid');
      const key = await resolveKey(header.kid);
      if (!key) throw new Error(`unknown key ${header.kid}`);
      return key;
    },
    { algorithms: [ALG], typ: DOC_TOKEN_TYPE },
  );
  const { d, h, iat } = payload as { d?: unknown; h?: unknown; iat?: unknown };
  if (
    typeof d !== 'string' ||
    typeof h !== 'string' ||
    !/^[A-Za-z0-9_-]{43}$/.test(h) ||
    typeof iat !== 'number'
  ) {
    throw new Error('token claims are malformed');
  }
  return {
    docId: d,
    sha256: Buffer.from(h, 'base64url').toString('hex'),
    issuedAt: new Date(iat * 1000),
    kid: protectedHeader.kid!,
  };
}
