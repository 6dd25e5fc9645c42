/**
 * S3-compatible blob store (AWS S3, MinIO, Ceph RGW, Cloudflare R2 …) with path-style URLs and
 * AWS Signature Version 4 over node:crypto + fetch: three verbs (PUT, GET, HEAD) do not justify
 * the 3 MB @aws-sdk/client-s3 dependency tree. Objects are keyed `<prefix><sha256>`.
 */
import { createHash, createHmac } from 'node:crypto';
import { assertBlobKey, assertObjectName, type BlobStore, sha256Hex } from './blob-store.ts';

export interface S3Options {
  /** e.g. https://s3.ap-southeast-1.amazonaws.com or http://127.0.0.1:9000 (MinIO). */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  prefix?: string;
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch;
  /** Injected for tests; defaults to now. */
  now?: () => Date;
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const encodePath = (p: string) =>
  p
    .split('/')
    .map((s) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');

/**
 * SigV4 headers for one request (exported for the fake server in the tests).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */
export function signV4(opts: {
  method: string;
  url: URL;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  payloadSha256: string;
  date: Date;
  headers?: Record<string, string>;
}): Record<string, string> {
  const amzDate = opts.date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    host: opts.url.host,
    'x-amz-content-sha256': opts.payloadSha256,
    'x-amz-date': amzDate,
  };
  const names = Object.keys(headers).sort();
  const canonicalQuery = [...opts.url.searchParams.entries()]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const canonical = [
    opts.method,
    encodePath(decodeURIComponent(opts.url.pathname)),
    canonicalQuery,
    ...names.map((n) => `${n}:${headers[n]!.trim()}`),
    '',
    names.join(';'),
    opts.payloadSha256,
  ].join('\n');
  const scope = `${day}/${opts.region}/s3/aws4_request`;
  const toSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const kDate = hmac(`AWS4${opts.secretAccessKey}`, day);
  const kSigning = hmac(hmac(hmac(kDate, opts.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', kSigning).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${opts.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

/** A BlobStore on an S3-compatible bucket. */
export function s3BlobStore(o: S3Options): BlobStore {
  const doFetch = o.fetch ?? fetch;
  const now = o.now ?? (() => new Date());
  const urlOf = (key: string) =>
    new URL(`${o.endpoint.replace(/\/$/, '')}/${o.bucket}/${o.prefix ?? ''}${key}`);
  /** `sha` names a blob; `{ name }` a named object (under `named/`). */
  const request = async (method: 'PUT' | 'GET' | 'HEAD', sha: string | { name: string }, body?: Buffer) => {
    const url = urlOf(typeof sha === 'string' ? assertBlobKey(sha) : `named/${assertObjectName(sha.name)}`);
    const headers = signV4({
      method,
      url,
      region: o.region,
      accessKeyId: o.accessKeyId,
      secretAccessKey: o.secretAccessKey,
      payloadSha256: body ? sha256Hex(body) : sha256Hex(''),
      date: now(),
      headers: body ? { 'content-type': 'application/octet-stream' } : {},
    });
    delete headers.host; // fetch sets Host itself (the signed value is the URL's host)
    return doFetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined });
  };
  return {
    kind: 's3',
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      if ((await request('HEAD', sha256)).status === 200) return { sha256, created: false };
      const res = await request('PUT', sha256, bytes);
      if (!res.ok) throw new Error(`S3 PUT failed: ${res.status}`);
      return { sha256, created: true };
    },
    async get(sha256) {
      const res = await request('GET', sha256);
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`S3 GET failed: ${res.status}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      // Content addressing lets us detect a corrupted or substituted object.
      if (sha256Hex(bytes) !== sha256) throw new Error('S3 object does not match its hash');
      return bytes;
    },
    async has(sha256) {
      const res = await request('HEAD', sha256);
      return res.status === 200;
    },
    async putNamed(name, bytes) {
      const res = await request('PUT', { name }, bytes);
      if (!res.ok) throw new Error(`S3 PUT failed: ${res.status}`);
    },
    async getNamed(name) {
      const res = await request('GET', { name });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`S3 GET failed: ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },
  };
}
