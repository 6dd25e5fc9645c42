/**
 * The S3-compatible store: SigV4 against AWS's published example (GET Object, docs "Signature
 * Calculations for the Authorization Header", examplebucket/test.txt), then put/get/has against a
 * tiny in-process S3 fake that refuses any request whose SigV4 signature does not check out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3BlobStore, sha256Hex, signV4 } from '../../src/server/platform/storage/index.ts';

const AK = 'AKIAIOSFODNN7EXAMPLE';
const SK = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('signV4', () => {
  it('reproduces the AWS documentation example (GET /test.txt with a Range header)', () => {
    const h = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      region: 'us-east-1',
      accessKeyId: AK,
      secretAccessKey: SK,
      payloadSha256: EMPTY,
      date: new Date('2013-05-24T00:00:00Z'),
      headers: { Range: 'bytes=0-9' },
    });
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('s3BlobStore against a SigV4-checking fake', () => {
  let server: Server;
  let endpoint: string;
  const objects = new Map<string, Buffer>();
  let refused = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
        const auth = String(req.headers.authorization ?? '');
        const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
        const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
        const amzDate = String(req.headers['x-amz-date'] ?? '');
        const date = new Date(
          `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
        );
        const headers = Object.fromEntries(
          signed
            .filter((n) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(n))
            .map((n) => [n, String(req.headers[n])]),
        );
        const expected = signV4({
          method: req.method ?? 'GET',
          url,
          region: 'th-central-1',
          accessKeyId: AK,
          secretAccessKey: SK,
          payloadSha256: payloadHash,
          date,
          headers,
        }).authorization;
        const bodyOk = req.method !== 'PUT' || sha256Hex(body) === payloadHash;
        if (auth !== expected || !bodyOk) {
          refused++;
          res.writeHead(403).end('SignatureDoesNotMatch');
          return;
        }
        const key = url.pathname;
        if (req.method === 'PUT') {
          objects.set(key, body);
          res.writeHead(200).end();
        } else if (objects.has(key)) {
          res.writeHead(200, { 'content-length': objects.get(key)!.length });
          res.end(req.method === 'HEAD' ? undefined : objects.get(key));
        } else res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const store = (secret = SK) =>
    s3BlobStore({
      endpoint,
      region: 'th-central-1',
      bucket: 'khru-docs',
      accessKeyId: AK,
      secretAccessKey: secret,
      prefix: 'blobs/',
    });

  it('puts once (dedupe), gets the same bytes, answers has()', async () => {
    const bytes = Buffer.from('%PDF-1.7 ทดสอบ');
    const s = store();
    const a = await s.put(bytes);
    expect(a).toEqual({ sha256: sha256Hex(bytes), created: true });
    expect(await s.put(bytes)).toEqual({ sha256: a.sha256, created: false });
    expect(objects.has(`/khru-docs/blobs/${a.sha256}`)).toBe(true);
    expect((await s.get(a.sha256))!.equals(bytes)).toBe(true);
    expect(await s.has(a.sha256)).toBe(true);
    expect(await s.get('0'.repeat(64))).toBeNull();
    expect(refused).toBe(0);
  });

  it('a wrong secret is refused by the server; a substituted object is detected', async () => {
    await expect(store('wrong-secret').put(Buffer.from('x'))).rejects.toThrow(/S3 PUT failed: 403/);
    expect(refused).toBeGreaterThan(0);
    const bytes = Buffer.from('original');
    const { sha256 } = await store().put(bytes);
    objects.set(`/khru-docs/blobs/${sha256}`, Buffer.from('tampered'));
    await expect(store().get(sha256)).rejects.toThrow(/does not match its hash/);
    await expect(store().get('../etc/passwd')).rejects.toThrow(/lowercase hex/);
  });

  it('keeps a named object (the audit checkpoint head, ADR 0115) under named/, replaced whole', async () => {
    const s = store();
    expect(await s.getNamed('audit-checkpoints/head')).toBeNull();
    await s.putNamed('audit-checkpoints/head', Buffer.from('a'.repeat(64)));
    await s.putNamed('audit-checkpoints/head', Buffer.from('b'.repeat(64)));
    expect(objects.get('/khru-docs/blobs/named/audit-checkpoints/head')?.toString()).toBe('b'.repeat(64));
    expect((await s.getNamed('audit-checkpoints/head'))?.toString()).toBe('b'.repeat(64));
    await expect(s.putNamed('../escape', Buffer.from('x'))).rejects.toThrow(/lowercase segments/);
    await expect(s.getNamed('Audit/Head')).rejects.toThrow(/lowercase segments/);
  });
});
