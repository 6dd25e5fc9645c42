import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTokenKey, issueDocumentToken, type TokenKeyPair, verifyDocumentToken } from './index.ts';

const DOC_ID = '0b7c7f0e-8f0a-4f43-9a51-2f3c1d6e9b21';
const SHA = createHash('sha256').update('ก.ค.ศ.๑๖ ฉบับพิมพ์').digest('hex');

describe('document token (QR)', () => {
  let office: TokenKeyPair;
  let other: TokenKeyPair;
  const resolver = (kid: string) => (kid === office.kid ? office.publicKey : undefined);

  beforeAll(async () => {
    office = await generateTokenKey('office-2569');
    other = await generateTokenKey('office-2569'); // same kid, different key: a forger's guess
  });

  it('round-trips and stays short enough for a small QR code', async () => {
    const issuedAt = new Date('2026-11-21T03:30:00Z');
    const token = await issueDocumentToken(
      { docId: DOC_ID, sha256: SHA, issuedAt, kid: office.kid },
      office.privateKey,
    );
    // ~311 characters; the ks16 test decodes a longer (394-character) payload from a 150-dpi scan.
    expect(token.length).toBeLessThan(330);
    const v = await verifyDocumentToken(token, resolver);
    expect(v).toEqual({ docId: DOC_ID, sha256: SHA, issuedAt, kid: office.kid });
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      typ: 'khru-doc+jwt',
      kid: 'office-2569',
    });
  });

  it('refuses a token signed by another key', async () => {
    const forged = await issueDocumentToken(
      { docId: DOC_ID, sha256: SHA, issuedAt: new Date(), kid: office.kid },
      other.privateKey,
    );
    await expect(verifyDocumentToken(forged, resolver)).rejects.toThrow();
  });

  it('refuses an unknown kid, alg "none", a wrong typ and a tampered payload', async () => {
    const good = await issueDocumentToken(
      { docId: DOC_ID, sha256: SHA, issuedAt: new Date(), kid: office.kid },
      office.privateKey,
    );
    const unknown = await issueDocumentToken(
      { docId: DOC_ID, sha256: SHA, issuedAt: new Date(), kid: 'someone-else' },
      other.privateKey,
    );
    await expect(verifyDocumentToken(unknown, resolver)).rejects.toThrow();

    const [, payload] = good.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'khru-doc+jwt', kid: office.kid })).toString('base64url')}.${payload}.`;
    await expect(verifyDocumentToken(none, resolver)).rejects.toThrow();

    const wrongTyp = await new SignJWT({ d: DOC_ID, h: Buffer.from(SHA, 'hex').toString('base64url') })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: office.kid })
      .setIssuedAt()
      .sign(office.privateKey);
    await expect(verifyDocumentToken(wrongTyp, resolver)).rejects.toThrow();

    const tamperedPayload = Buffer.from(
      JSON.stringify({ d: 'another-doc', h: 'x'.repeat(43), iat: 1 }),
    ).toString('base64url');
    const [h, , s] = good.split('.');
    await expect(verifyDocumentToken(`${h}.${tamperedPayload}.${s}`, resolver)).rejects.toThrow();
  });
});
