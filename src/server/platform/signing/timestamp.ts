/**
 * RFC 3161 time-stamping over HTTP (PAdES B-T). The TSA URL is configuration; the request asks
 * for the TSA certificate so that validators can check the token offline.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, type TimestampAuthority, toAB, toBuf } from './cms.ts';

/** Builds a DER TimeStampReq for a SHA-256 digest (with a nonce, certReq = true). */
export function timestampRequest(sha256Digest: Buffer, nonce: Buffer = randomBytes(8)): Buffer {
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toAB(sha256Digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toAB(nonce) }),
    certReq: true,
  });
  return toBuf(req.toSchema().toBER(false));
}

/** Extracts the TimeStampToken from a DER TimeStampResp; throws unless status is granted (0 or 1). */
export function timestampTokenFromResponse(der: Buffer): Buffer {
  const resp = pkijs.TimeStampResp.fromBER(toAB(der));
  const status = resp.status.status;
  if ((status !== 0 && status !== 1) || !resp.timeStampToken) {
    throw new Error(`TSA refused the request (status ${status})`);
  }
  return toBuf(resp.timeStampToken.toSchema().toBER(false));
}

/** A TSA reached over HTTP(S) (`application/timestamp-query`, RFC 3161 §3.4). */
export function httpTimestampAuthority(
  url: string,
  opts: { timeoutMs?: number; headers?: Record<string, string> } = {},
): TimestampAuthority {
  return {
    async timestamp(digest) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', ...opts.headers },
        body: new Uint8Array(timestampRequest(digest)),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`TSA HTTP ${res.status}`);
      return timestampTokenFromResponse(Buffer.from(await res.arrayBuffer()));
    },
  };
}
