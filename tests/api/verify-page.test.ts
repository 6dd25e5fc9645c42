/**
 * The public /verify page (issue 16 §3): it serves its own Thai font (no reliance on the visitor's
 * fonts), it speaks English on request, and it tells a visitor when the register's record of the
 * person has changed since the copy was printed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { SAMPLES } from '../support/samples.ts';
import { multipartBody } from './documents-files.test-support.ts';

let t: TestApp;
let dataDir: string;
let owner: Session;
let officer: Session;
let pdf: Buffer;

/** The owner prints her own ก.ค.ศ.๑๖ and gets the sealed PDF. */
async function printOwnRecord(s: Session): Promise<Buffer> {
  const res = await t.call(s, { method: 'POST', url: '/api/v1/me/printouts' });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
  return res.rawPayload;
}

/** Uploads a PDF to the public page (no session), as JSON or as the HTML page. */
function upload(bytes: Buffer, opts: { json?: boolean; lang?: 'th' | 'en' } = {}) {
  const { payload, headers } = multipartBody(opts.lang ? { lang: opts.lang } : {}, { name: 'x.pdf', bytes });
  return t.app.inject({
    method: 'POST',
    url: '/verify/pdf',
    payload,
    headers: { ...headers, ...(opts.json ? { accept: 'application/json' } : {}) },
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'khru-verify-page-'));
  t = await createTestApp({ dataDir, verifyMaxPerMinute: 1000 });
  owner = await t.login('owner');
  officer = await t.login('officer');
  pdf = await printOwnRecord(owner);
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('/verify', () => {
  it('serves its own Sarabun font, which the CSP allows and the stylesheet names first', async () => {
    const page = await t.app.inject({ url: '/verify' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("font-src 'self'");
    expect(page.body).toMatch(
      /@font-face\{font-family:KhruSarabun;src:url\(\/verify\/fonts\/sarabun-regular\.ttf\)/,
    );
    expect(page.body).toContain('font-family:KhruSarabun,sans-serif');
    for (const file of ['sarabun-regular.ttf', 'sarabun-bold.ttf']) {
      const font = await t.app.inject({ url: `/verify/fonts/${file}` });
      expect(font.statusCode).toBe(200);
      expect(font.headers['content-type']).toBe('font/ttf');
      // A TrueType file, the one the printouts embed.
      expect(font.rawPayload.readUInt32BE(0)).toBe(0x00010000);
      const name = file === 'sarabun-bold.ttf' ? 'Sarabun-Bold-ZW.ttf' : 'Sarabun-Regular-ZW.ttf';
      expect(
        font.rawPayload.equals(await readFile(new URL(`../../assets/fonts/${name}`, import.meta.url))),
      ).toBe(true);
    }
    expect((await t.app.inject({ url: '/verify/fonts/..%2F..%2Fpackage.json' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/verify/fonts/constructor' })).statusCode).toBe(404);
  });

  it('speaks English with lang=en, and links each language to the other', async () => {
    const th = await t.app.inject({ url: '/verify' });
    expect(th.body).toContain('<html lang="th">');
    expect(th.body).toContain('href="/verify?lang=en"');
    const en = await t.app.inject({ url: '/verify?lang=en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Verify a personnel record or certificate');
    expect(en.body).toContain('<input type="hidden" name="lang" value="en">');
    expect(en.body).toContain('href="/verify?lang=th"');
    const bad = await t.app.inject({ url: '/verify?lang=en&t=not-a-token' });
    expect(bad.body).toContain('The verification code is not in the right form.');
    expect(bad.body).not.toContain('รหัสตรวจสอบไม่อยู่ในรูปแบบ');
  });

  it('says the record has not changed since printing, then that it has after an entry is added', async () => {
    const before = (await upload(pdf, { json: true })).json();
    expect(before).toMatchObject({ ok: true, document: { status: 'valid', recordChangedSinceIssue: false } });
    const beforePage = await upload(pdf);
    expect(beforePage.body).toContain('data-changed="false"');

    const add = await t.call(officer, {
      method: 'POST',
      url: `/api/v1/people/${owner.personId}/items/service`,
      payload: SAMPLES.service,
    });
    expect(add.statusCode, add.body).toBe(201);

    const after = (await upload(pdf, { json: true })).json();
    expect(after).toMatchObject({ ok: true, document: { status: 'valid', recordChangedSinceIssue: true } });
    const th = await upload(pdf);
    expect(th.body).toContain('data-changed="true"');
    expect(th.body).toContain('มีการเปลี่ยนแปลงหลังจากวันที่พิมพ์เอกสารฉบับนี้');
    const en = await upload(pdf, { lang: 'en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain(
      "The register's record of this person has changed since this copy was printed.",
    );
    // Dates in พ.ศ. in Thai and in English (ADR 0119); never an ISO date or a C.E. year.
    expect(th.body).toMatch(/วันที่ออก<\/dt><dd>\d{1,2} [ก-๛]+ 25\d\d เวลา \d\d:\d\d น\./);
    expect(en.body).toMatch(/Issued<\/dt><dd>\d{1,2} [A-Z][a-z]+ 25\d\d BE at \d\d:\d\d/);
    expect(th.body).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(en.body).not.toMatch(/\d{4}-\d\d-\d\d/);
  });

  it('a failed check keeps its Thai reason in JSON and has a code', async () => {
    const r = (await upload(Buffer.from('%PDF-1.4\nnot ours\n%%EOF'), { json: true })).json();
    expect(r).toMatchObject({ ok: false, code: 'pdf_not_found' });
    expect(r.reason).toContain('ไม่พบไฟล์นี้ในทะเบียน');
  });
});
