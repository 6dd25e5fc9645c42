import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderKs16 } from '../pdf/index.ts';
import { AS_OF, fixtureRecordView } from '../pdf/testing/fixture.ts';
import { hasTool, run, tempDir, writePdf } from '../pdf/testing/poppler.ts';
import {
  type DevCa,
  ensureDevCa,
  loadPkcs12Signer,
  type Signer,
  signPdf,
  type TimestampAuthority,
  timestampRequest,
  timestampTokenFromResponse,
  verifyPdfSignature,
} from './index.ts';

const PDFSIG = hasTool('pdfsig');
const CERTUTIL = hasTool('certutil');
const OPENSSL = hasTool('openssl');
if (!PDFSIG) console.warn('SKIP pdfsig checks: poppler-utils not installed');

const SIGN_OPTS = {
  reason: 'รับรองสำเนาทะเบียนประวัติ ก.ค.ศ.๑๖',
  location: 'สำนักงานเขตพื้นที่การศึกษาทดสอบ',
  name: 'สำนักงาน ก.ค.ศ. (ทดสอบ)',
  contactInfo: 'saraban@example.go.th',
};

/** pdfsig against an NSS database that trusts the dev CA. */
function pdfsig(path: string, nssDir?: string): string {
  return run('pdfsig', [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : []), path]).out;
}

function nssTrusting(ca: DevCa): string | undefined {
  if (!CERTUTIL) return undefined;
  const dir = tempDir('khru-nss-');
  run('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  writeFileSync(join(dir, 'ca.pem'), ca.caCertPem);
  run('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'khru-dev-ca', '-t', 'CT,C,C', '-i', join(dir, 'ca.pem')]);
  return dir;
}

/** Changes one byte inside the first content stream (covered by the signature). */
function tamper(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('stream\n') + 'stream\n'.length + 20;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

let pdf: Buffer;
let work: string;
beforeAll(async () => {
  work = tempDir('khru-sign-');
  pdf = await renderKs16(fixtureRecordView(), { reference: 'KS16-TEST', asOf: AS_OF, qrPayload: 'test' });
});

describe('ensureDevCa', () => {
  it('creates a Thai-named CA and office certificate once, with private files', async () => {
    const dir = join(tempDir('khru-ca-'), 'keys');
    const ca = await ensureDevCa(dir);
    const again = await ensureDevCa(dir);
    expect(again.officeCertPem).toBe(ca.officeCertPem);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['ca.key.pem', 'office.key.pem', 'office.cert.pem', 'ca.cert.pem']) {
      expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    }
    const office = new X509Certificate(ca.officeCertPem);
    expect(office.issuer).toContain('O=สำนักงาน ก.ค.ศ. (ทดสอบ)');
    expect(office.subject).toContain('CN=ตราประทับอิเล็กทรอนิกส์');
    expect(office.checkIssued(new X509Certificate(ca.caCertPem))).toBe(true);
    expect(readFileSync(join(dir, 'office.key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });
});

describe.each(['RSA', 'ECDSA'] as const)('signPdf with a %s dev CA (Thai issuer DN)', (algorithm) => {
  let ca: DevCa;
  let signer: Signer;
  let signed: Buffer;
  let path: string;
  let nss: string | undefined;

  beforeAll(async () => {
    ca = await ensureDevCa(join(work, algorithm), { algorithm });
    signer = ca.signer();
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      signed = await signPdf(pdf, signer, SIGN_OPTS);
      times.push(performance.now() - t0);
    }
    console.info(`signPdf (${algorithm}): ms per signing ${times.map((t) => t.toFixed(0)).join(' / ')}`);
    path = writePdf(work, `signed-${algorithm}.pdf`, signed);
    nss = nssTrusting(ca);
  });

  it('produces a signature our verifier accepts', () => {
    const check = verifyPdfSignature(signed);
    expect(check.problems).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.totalDocumentSigned).toBe(true);
    expect(check.signerName).toBe('ตราประทับอิเล็กทรอนิกส์ สำนักงานเขตพื้นที่การศึกษาทดสอบ');
    expect(check.certificateFingerprint).toBe(
      new X509Certificate(ca.officeCertPem).fingerprint256.replace(/:/g, '').toLowerCase(),
    );
  });

  it.skipIf(!PDFSIG)('is valid, total and trusted for pdfsig (NSS)', () => {
    const out = pdfsig(path, nss);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('ETSI.CAdES.detached');
    expect(out).toContain('ตราประทับอิเล็กทรอนิกส์');
    if (nss) expect(out).toContain('Certificate is Trusted.');
  });

  it('detects one changed byte (digest mismatch)', () => {
    const bad = tamper(signed);
    const check = verifyPdfSignature(bad);
    expect(check.valid).toBe(false);
    expect(check.problems).toContain('message digest mismatch');
    if (PDFSIG)
      expect(pdfsig(writePdf(work, `tampered-${algorithm}.pdf`, bad), nss)).toContain('Digest Mismatch.');
  });

  it('flags bytes appended after the signed revision', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% appended\n')]);
    const check = verifyPdfSignature(appended);
    expect(check.totalDocumentSigned).toBe(false);
    expect(check.valid).toBe(false);
    if (PDFSIG)
      expect(pdfsig(writePdf(work, `appended-${algorithm}.pdf`, appended))).toContain(
        'Not total document signed',
      );
  });
});

describe('verifyPdfSignature', () => {
  it('reports an unsigned PDF', () => {
    const check = verifyPdfSignature(pdf);
    expect(check.valid).toBe(false);
    expect(check.problems[0]).toMatch(/no signature/);
  });
});

describe.skipIf(!OPENSSL)('with OpenSSL as a stand-in (PKCS#12 export, RFC 3161 TSA)', () => {
  let ca: DevCa;
  beforeAll(async () => {
    ca = await ensureDevCa(join(work, 'RSA'));
  });

  it('loads an OpenSSL 3 PKCS#12 (AES-256/PBKDF2) with pkijs and signs', async () => {
    const dir = tempDir('khru-p12-');
    writeFileSync(join(dir, 'key.pem'), ca.officeKeyPem, { mode: 0o600 });
    writeFileSync(join(dir, 'chain.pem'), ca.chainPem);
    const r = run('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      join(dir, 'key.pem'),
      '-in',
      join(dir, 'chain.pem'),
      '-out',
      join(dir, 'office.p12'),
      '-passout',
      'pass:รหัสผ่าน-secret',
    ]);
    expect(r.code, r.out).toBe(0);
    const signer = await loadPkcs12Signer(readFileSync(join(dir, 'office.p12')), 'รหัสผ่าน-secret');
    expect((await signer.certificateChain()).length).toBe(2);
    const signed = await signPdf(pdf, signer, SIGN_OPTS);
    expect(verifyPdfSignature(signed).valid).toBe(true);
    await expect(loadPkcs12Signer(readFileSync(join(dir, 'office.p12')), 'wrong')).rejects.toThrow();
  });

  it('embeds an RFC 3161 timestamp (PAdES B-T) from `openssl ts`', async () => {
    const dir = tempDir('khru-tsa-');
    const gen = run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'tsa.key'),
      '-out',
      join(dir, 'tsa.pem'),
      '-days',
      '2',
      '-subj',
      '/C=TH/O=Khru Test TSA/CN=Khru Test TSA',
      '-addext',
      'extendedKeyUsage=critical,timeStamping',
    ]);
    expect(gen.code, gen.out).toBe(0);
    writeFileSync(join(dir, 'serial'), '01\n');
    writeFileSync(
      join(dir, 'ts.cnf'),
      [
        '[ tsa ]',
        'default_tsa = tsa1',
        '[ tsa1 ]',
        `serial = ${join(dir, 'serial')}`,
        `signer_cert = ${join(dir, 'tsa.pem')}`,
        `signer_key = ${join(dir, 'tsa.key')}`,
        `certs = ${join(dir, 'tsa.pem')}`,
        'signer_digest = sha256',
        'default_policy = 1.2.3.4.1',
        'digests = sha256',
        'accuracy = secs:1',
        'ess_cert_id_alg = sha256',
        'ordering = yes',
        'tsa_name = yes',
      ].join('\n'),
    );
    // Our own TimeStampReq, answered by OpenSSL, parsed by our response reader.
    const tsa: TimestampAuthority = {
      async timestamp(digest) {
        writeFileSync(join(dir, 'q.tsq'), timestampRequest(digest));
        const r = run('openssl', [
          'ts',
          '-reply',
          '-config',
          join(dir, 'ts.cnf'),
          '-queryfile',
          join(dir, 'q.tsq'),
          '-out',
          join(dir, 'r.tsr'),
        ]);
        if (r.code !== 0) throw new Error(r.out);
        return timestampTokenFromResponse(readFileSync(join(dir, 'r.tsr')));
      },
    };
    const signer = (await import('./signer.ts')).createPemSigner({
      keyPem: ca.officeKeyPem,
      certificatesPem: ca.chainPem,
      tsa,
    });
    const signed = await signPdf(pdf, signer, SIGN_OPTS);
    const check = verifyPdfSignature(signed);
    expect(check.problems).toEqual([]);
    expect(check.timestamped).toBe(true);
    if (PDFSIG)
      expect(pdfsig(writePdf(work, 'signed-tsa.pdf', signed), nssTrusting(ca))).toContain(
        'Signature is Valid.',
      );
  });
});
