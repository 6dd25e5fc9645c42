/**
 * Printouts anyone can trust, end to end through app.inject: the sealed ก.ค.ศ.๑๖ printout and
 * certified copy pass `pdfsig` (valid, whole document signed) and fail it when one byte changes;
 * `pdftotext` gives back the record's key fields; the QR decodes with `zbarimg` from a 150-dpi
 * render and /verify accepts it; a token from another key is refused; superseded and revoked
 * documents show so at once. PNGs of each page type are kept in test-artifacts/.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import THBText from 'thai-baht-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/server/platform/audit/index.ts';
import { formatNationalId } from '../../src/server/platform/pdf/index.ts';
import {
  artifactDir,
  hasTool,
  run,
  tempDir,
  writePdf,
} from '../../src/server/platform/pdf/testing/poppler.ts';
import { generateTokenKey, issueDocumentToken } from '../../src/server/platform/signing/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { makePng, multipartBody } from './documents-files.test-support.ts';

const TOOLS = hasTool('pdfsig') && hasTool('pdftotext') && hasTool('pdftoppm') && hasTool('zbarimg');
if (!TOOLS) console.warn('SKIP printout checks: poppler-utils / zbar-tools not installed');

let t: TestApp;
let dataDir: string;
let work: string;
let owner: Session;
let officer: Session;
const BASE = 'https://khru.example.go.th';
const META = { ip: null, userAgent: null, source: 'test', requestId: null, authMethod: 'webauthn' };

const nfkc = (s: string) => s.normalize('NFKC');
const squash = (s: string) => nfkc(s).replace(/[\s\u200b]+/g, '');

function pdfsig(path: string): string {
  return run('pdfsig', [path]).out;
}
function text(path: string): string {
  return run('pdftotext', [path, '-']).stdout;
}
/** Renders page `page` at `dpi` to PNG; returns its path. */
function png(path: string, page: number, dpi: number, out: string): string {
  run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    path,
    out,
  ]);
  return `${out}.png`;
}
function keepArtifact(pngPath: string, name: string) {
  copyFileSync(pngPath, join(artifactDir(), name));
}
/** Changes one byte inside the first content stream (covered by the seal). */
function tamper(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('stream\n') + 'stream\n'.length + 20;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}
async function verifyJson(url: string) {
  const u = new URL(url);
  const res = await t.app.inject({
    url: `${u.pathname}${u.search}`,
    headers: { accept: 'application/json' },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'khru-verify-'));
  work = tempDir('khru-verify-out-');
  t = await createTestApp({ dataDir, publicBaseUrl: BASE, verifyMaxPerMinute: 1000 });
  owner = await t.login('owner');
  officer = await t.login('officer');
  // A photo in box 1 so that the printout shows one (ข้อ 3.2.1).
  const { payload, headers } = multipartBody(
    { slot: '1', yearBE: '2569' },
    { name: 'photo.png', bytes: makePng(300, 375, { dpi: 300 }) },
  );
  const ph = await t.call(officer, {
    method: 'POST',
    url: `/api/v1/people/${owner.personId}/photos`,
    payload,
    headers,
  });
  expect(ph.statusCode, ph.body).toBe(201);
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe.skipIf(!TOOLS)('ก.ค.ศ.๑๖ printout', () => {
  let path: string;
  let pdf: Buffer;
  let qrUrl: string;
  let docId: string;

  beforeAll(async () => {
    const res = await t.call(owner, { method: 'POST', url: '/api/v1/me/printouts' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.headers['content-type']).toBe('application/pdf');
    pdf = res.rawPayload;
    docId = String(res.headers['x-khru-document-id']);
    path = writePdf(work, 'ks16.pdf', pdf);
  });

  it('is sealed: pdfsig says valid and total document signed; one changed byte is a digest mismatch', () => {
    const out = pdfsig(path);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('ETSI.CAdES.detached');
    expect(pdfsig(writePdf(work, 'ks16-tampered.pdf', tamper(pdf)))).toContain('Digest Mismatch.');
  });

  it('pdftotext gives back the record’s key fields', async () => {
    const view = (await t.call(owner, { url: '/api/v1/me/record' })).json();
    const all = squash(text(path));
    const names = [...view.items.names].sort((a: { effectiveDate: string }, b: { effectiveDate: string }) =>
      a.effectiveDate < b.effectiveDate ? 1 : -1,
    );
    const n = names[0];
    for (const field of [
      `${n.prefix}${n.firstName}`,
      n.lastName,
      formatNationalId(view.person.nationalId),
      'ก.ค.ศ.๑๖',
      'ข้อมูลณวันที่',
      'หมายเหตุ:ทะเบียนประวัติฉบับนี้พิมพ์จากต้นฉบับที่เป็นไฟล์อิเล็กทรอนิกส์',
      ...view.items.education.map((e: { institution: string }) => e.institution),
    ])
      expect(all, field).toContain(squash(field));
  });

  it('QR decodes with zbarimg from a 150-dpi render and /verify accepts it', async () => {
    const page1 = png(path, 1, 150, join(work, 'ks16-p1'));
    const scanned = run('zbarimg', ['--quiet', '--raw', page1]).stdout.trim();
    expect(scanned.startsWith(`${BASE}/verify?t=`)).toBe(true);
    qrUrl = scanned;
    const r = await verifyJson(qrUrl);
    expect(r).toMatchObject({
      ok: true,
      document: {
        status: 'valid',
        kind: 'ks16',
        sha256: pdf.toString('hex').length ? expect.any(String) : '',
      },
    });
    expect(r.document.sha256).toBe(
      (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex'),
    );
    // The HTML page (no login, strict CSP, no script) says the same in Thai.
    const u = new URL(qrUrl);
    const page = await t.app.inject({ url: `${u.pathname}${u.search}` });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/script-src|unsafe-inline/);
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body).toContain('data-status="valid"');
    expect(page.body).toContain('เอกสารนี้ออกโดยระบบและยังใช้ได้');
    expect(page.headers['x-ratelimit-limit']).toBe('1000');
    keepArtifact(png(path, 1, 100, join(work, 'a1')), 'printout-ks16-page1.png');
    keepArtifact(png(path, 2, 100, join(work, 'a2')), 'printout-ks16-page2.png');
  });

  it('the plain form POST works too, and the PDF upload is checked by hash and seal', async () => {
    const token = new URL(qrUrl).searchParams.get('t')!;
    const form = await t.app.inject({
      method: 'POST',
      url: '/verify',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `t=${encodeURIComponent(qrUrl)}`,
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('data-status="valid"');
    expect(token.length).toBeLessThan(400);

    const up = (bytes: Buffer) => {
      const { payload, headers } = multipartBody({}, { name: 'x.pdf', bytes });
      return t.app.inject({
        method: 'POST',
        url: '/verify/pdf',
        payload,
        headers: { ...headers, accept: 'application/json' },
      });
    };
    const good = (await up(pdf)).json();
    expect(good).toMatchObject({
      ok: true,
      document: { status: 'valid' },
      seal: { valid: true, totalDocumentSigned: true, trusted: true },
    });
    const bad = (await up(tamper(pdf))).json();
    expect(bad.ok).toBe(false);
    expect(bad.seal.valid).toBe(false);
    expect(bad.reason).toContain('ไม่พบไฟล์นี้ในทะเบียน');
  });

  it('refuses a token signed by any other key (even one claiming our kid)', async () => {
    const good = await verifyJson(qrUrl);
    const other = await generateTokenKey();
    for (const kid of [other.kid, good.document.issuerKeyId]) {
      const forged = await issueDocumentToken(
        { docId, sha256: good.document.contentSha256, issuedAt: new Date(), kid },
        other.privateKey,
      );
      const r = await verifyJson(`${BASE}/verify?t=${forged}`);
      expect(r.ok).toBe(false);
      expect(r.reason).toContain('ไม่ได้ออกโดยระบบนี้');
    }
    expect((await verifyJson(`${BASE}/verify?t=not.a.token`)).ok).toBe(false);
  });

  it('a new printout supersedes the old one; the public keys are published for offline checks', async () => {
    const again = await t.call(owner, { method: 'POST', url: '/api/v1/me/printouts' });
    expect(again.statusCode).toBe(201);
    expect((await verifyJson(qrUrl)).document.status).toBe('superseded');
    const keys = (await t.app.inject({ url: '/verify/keys.json' })).json();
    expect(keys.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(keys.keys[0].d).toBeUndefined();
  });

  it('prints values in Thai digits on request (official style)', async () => {
    const res = await t.call(owner, {
      method: 'POST',
      url: '/api/v1/me/printouts',
      payload: { thaiDigits: true },
    });
    expect(res.statusCode).toBe(201);
    const view = (await t.call(owner, { url: '/api/v1/me/record' })).json();
    const thai = formatNationalId(view.person.nationalId).replace(/[0-9]/g, (d) =>
      String.fromCharCode(0x0e50 + Number(d)),
    );
    expect(squash(text(writePdf(work, 'ks16-thai-digits.pdf', res.rawPayload)))).toContain(squash(thai));
  });

  it('readers of a record print it; others get 404; clerks (partial readers) get 403', async () => {
    const ownerPerson = owner.personId!;
    expect(
      (await t.call(officer, { method: 'POST', url: `/api/v1/people/${ownerPerson}/printouts` })).statusCode,
    ).toBe(201);
    expect(
      (
        await t.call(await t.login('otherOfficer'), {
          method: 'POST',
          url: `/api/v1/people/${ownerPerson}/printouts`,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.call(await t.login('clerk'), {
          method: 'POST',
          url: `/api/v1/people/${ownerPerson}/printouts`,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe.skipIf(!TOOLS)('certified copy and certificates', () => {
  async function requestAndIssue(kind: string, purpose?: string) {
    const req = await t.call(owner, {
      method: 'POST',
      url: '/api/v1/me/requests',
      payload: { kind, purpose },
    });
    expect(req.statusCode, req.body).toBe(201);
    // The owner cannot make it herself (ข้อ 5.5: the records officer does).
    expect(
      (await t.call(owner, { method: 'POST', url: `/api/v1/requests/${req.json().id}/issue` })).statusCode,
    ).toBe(403);
    const res = await t.call(officer, { method: 'POST', url: `/api/v1/requests/${req.json().id}/issue` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const mine = (await t.call(owner, { url: '/api/v1/me/requests' })).json();
    expect(mine.items.find((r: { id: string }) => r.id === req.json().id)).toMatchObject({
      status: 'issued',
      issuedDocumentId: res.headers['x-khru-document-id'],
    });
    return {
      pdf: res.rawPayload,
      id: String(res.headers['x-khru-document-id']),
      path: writePdf(work, `${kind}.pdf`, res.rawPayload),
    };
  }

  it('certified copy: requested by the owner, made by the officer, sealed, marked, evidence embedded', async () => {
    // A certification signature of the record, as the signatures module records it in the audit chain.
    await t.h.db.transaction((tx) =>
      appendAudit(tx, { userId: null, name: 'ผู้รับรองทดสอบ', roles: ['certifier'] }, META, [
        {
          eventType: 'signature.record.signed',
          entityType: 'signature',
          personId: owner.personId,
          data: { decision: 'certify', recordVersion: 1, contentHash: 'ab'.repeat(32) },
        },
      ]),
    );
    const { pdf, path, id } = await requestAndIssue('certified_copy');
    const out = pdfsig(path);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(pdfsig(writePdf(work, 'cc-tampered.pdf', tamper(pdf)))).toContain('Digest Mismatch.');
    expect(squash(text(path))).toContain(squash('สำเนาถูกต้อง'));
    expect(run('pdfdetach', ['-list', path]).out).toContain('certification-evidence.json');
    run('pdfdetach', ['-save', '1', '-o', join(work, 'evidence.json'), path]);
    const evidence = JSON.parse(readFileSync(join(work, 'evidence.json'), 'utf8'));
    expect(evidence).toMatchObject({ format: 'khru-certification-evidence/1', personId: owner.personId });
    expect(evidence.evidence).toHaveLength(1);
    expect(evidence.evidence[0]).toMatchObject({
      source: 'audit',
      kind: 'signature.record.signed',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      payload: { data: { decision: 'certify' } },
    });
    const page1 = png(path, 1, 150, join(work, 'cc-p1'));
    const scanned = run('zbarimg', ['--quiet', '--raw', page1]).stdout.trim();
    expect((await verifyJson(scanned)).document).toMatchObject({ status: 'valid', kind: 'ks16_certified' });
    keepArtifact(png(path, 1, 100, join(work, 'cca')), 'printout-certified-copy-page1.png');
    const issued = await t.call(owner, { url: `/api/v1/issued/${id}/pdf` });
    expect(issued.rawPayload.equals(pdf)).toBe(true);
  });

  it('certificates: employment, salary (amount in Thai words), service period — sealed; revoke shows at once', async () => {
    const view = (await t.call(owner, { url: '/api/v1/me/record' })).json();
    const salary = [...view.items.service]
      .filter((s: { salary: string | null }) => s.salary)
      .sort((a: { effectiveDate: string }, b: { effectiveDate: string }) =>
        a.effectiveDate < b.effectiveDate ? 1 : -1,
      )[0].salary as string;
    const expected: Record<string, string[]> = {
      cert_employment: ['หนังสือรับรอง', 'เรื่องรับรองการเป็นข้าราชการและตำแหน่ง', 'หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า'],
      cert_salary: ['เรื่องรับรองเงินเดือน', THBText(Number(salary))],
      cert_service: ['เรื่องรับรองระยะเวลาการรับราชการ', 'รวมระยะเวลารับราชการ'],
    };
    for (const [kind, phrases] of Object.entries(expected)) {
      const { path, id } = await requestAndIssue(kind, 'การขอสินเชื่อ');
      expect(pdfsig(path)).toContain('Signature is Valid.');
      const all = squash(text(path));
      for (const p of [
        ...phrases,
        formatNationalId(view.person.nationalId),
        'ให้ไว้ณวันที่',
        'ให้ไว้เพื่อใช้ประกอบการขอสินเชื่อ',
      ])
        expect(all, `${kind}: ${p}`).toContain(squash(p));
      keepArtifact(png(path, 1, 100, join(work, `${kind}-a`)), `printout-${kind}.png`);
      const scanned = run('zbarimg', [
        '--quiet',
        '--raw',
        png(path, 1, 150, join(work, `${kind}-q`)),
      ]).stdout.trim();
      expect((await verifyJson(scanned)).document.status).toBe('valid');
      if (kind === 'cert_salary') {
        expect(
          (await t.call(owner, { method: 'POST', url: `/api/v1/issued/${id}/revoke`, payload: {} }))
            .statusCode,
        ).toBe(403);
        const rv = await t.call(officer, {
          method: 'POST',
          url: `/api/v1/issued/${id}/revoke`,
          payload: { reason: 'ออกผิด' },
        });
        expect(rv.statusCode).toBe(200);
        const after = await verifyJson(scanned);
        expect(after.document.status).toBe('revoked');
        const page = await t.app.inject({ url: new URL(scanned).pathname + new URL(scanned).search });
        expect(page.body).toContain('เอกสารนี้ถูกเพิกถอนแล้ว');
      }
    }
  });

  it('a decided request cannot be issued twice; rejecting is for officers', async () => {
    const req = (
      await t.call(owner, { method: 'POST', url: '/api/v1/me/requests', payload: { kind: 'cert_service' } })
    ).json();
    const rj = await t.call(officer, {
      method: 'POST',
      url: `/api/v1/requests/${req.id}/reject`,
      payload: { note: 'ข้อมูลไม่ครบ' },
    });
    expect(rj.json()).toMatchObject({ status: 'rejected', note: 'ข้อมูลไม่ครบ' });
    const again = await t.call(officer, { method: 'POST', url: `/api/v1/requests/${req.id}/issue` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].message).toContain('คำขอนี้ดำเนินการไปแล้ว');
  });
});

describe('keys on first use', () => {
  it('creates the dev CA and token key under DATA_DIR/keys with private files 0600', async () => {
    const { statSync, readdirSync } = await import('node:fs');
    await t.call(owner, { url: '/verify/keys.json' });
    const dev = join(dataDir, 'keys', 'dev-ca', 'office.key.pem');
    expect(statSync(dev).mode & 0o777).toBe(0o600);
    const tok = readdirSync(join(dataDir, 'keys', 'doc-token'));
    expect(tok.length).toBe(1);
    expect(statSync(join(dataDir, 'keys', 'doc-token', tok[0]!)).mode & 0o777).toBe(0o600);
    writeFileSync(join(work, 'done'), '');
  });
});

describe('rate limit on the public endpoints', () => {
  it('answers 429 once a client exceeds VERIFY_MAX_PER_MINUTE', async () => {
    const small = await createTestApp({ dataDir, verifyMaxPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await small.app.inject({ url: '/verify' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      expect(
        (await small.app.inject({ method: 'POST', url: '/verify', payload: { t: 'x' } })).statusCode,
      ).toBe(429);
    } finally {
      await small.close();
    }
  });
});
