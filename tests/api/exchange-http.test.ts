/**
 * Import and export over HTTP for officers: upload → job → progress → Thai error sheet; the
 * imported people land under the officer's assignment only within their offices; exports are
 * streamed and scoped by personScope.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalIdFrom } from '../../src/server/modules/demo/generator.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { COLUMNS, heading } from '../../src/server/modules/exchange/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('officer');
});
afterAll(async () => {
  await t?.close();
});

const GOOD = nationalIdFrom('580000000011');
const BAD = `${nationalIdFrom('580000000012').slice(0, 12)}${(Number(nationalIdFrom('580000000012')[12]) + 1) % 10}`;
const OUTSIDE = nationalIdFrom('580000000013');

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (g: 'people' | 'names', rows: Record<string, string>[]) => {
    const ws = wb.addWorksheet(g);
    ws.addRow(COLUMNS[g].map(heading));
    for (const r of rows) ws.addRow(COLUMNS[g].map((c) => r[c.key] ?? null));
  };
  const p = (nid: string, office: string) => ({
    nationalId: nid,
    officeCode: office,
    birthDate: '1990-01-15',
    appointmentDate: '2015-05-01',
  });
  sheet('people', [p(GOOD, 'SCH-40-001'), p(BAD, 'SCH-40-001'), p(OUTSIDE, 'SCH-40-101')]);
  const n = (nid: string) => ({
    nationalId: nid,
    prefix: 'นางสาว',
    firstName: 'อัปโหลด',
    lastName: 'ทดสอบระบบ',
    effectiveDate: '1990-01-15',
  });
  sheet('names', [n(GOOD), n(BAD), n(OUTSIDE)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, name: string) {
  const b = `----khru${Date.now()}`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  };
}

async function until(fn: () => Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('import over HTTP', () => {
  it('upload → job → progress → Thai errors as XLSX; the good person is imported and visible', async () => {
    const up = await t.call(officer, {
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart(await workbook(), 'ครู.xlsx'),
    });
    expect(up.statusCode).toBe(202);
    const { id } = up.json() as { id: string };
    let job: Record<string, unknown> = {};
    await until(async () => {
      job = (await t.call(officer, { method: 'GET', url: `/api/v1/imports/${id}` })).json();
      return job.status !== 'running';
    });
    expect(job).toMatchObject({ status: 'done', importedPeople: 1, rejectedPeople: 2, totalPeople: 3 });
    expect(job.errors).toBeGreaterThanOrEqual(2);

    const sheet = await t.call(officer, { method: 'GET', url: `/api/v1/imports/${id}/errors.xlsx` });
    expect(sheet.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.getWorksheet('ข้อผิดพลาด')!.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1).join(' | '));
    });
    expect(rows[0]).toContain('ข้อผิดพลาด');
    expect(rows.some((r) => r.includes(BAD) && r.includes('| 3 |') && r.includes('เลขตรวจสอบ'))).toBe(true);
    expect(rows.some((r) => r.includes(OUTSIDE) && r.includes('อยู่นอกหน่วยงานที่ท่านรับผิดชอบ'))).toBe(true);

    // Imported into the officer's assignment: the officer finds the person, the other officer does not.
    const found = await t.call(officer, {
      method: 'POST',
      url: '/api/v1/people/search',
      payload: { nationalId: GOOD },
    });
    expect((found.json() as { total: number }).total).toBe(1);
    const other = await t.login('otherOfficer');
    const notFound = await t.call(other, {
      method: 'POST',
      url: '/api/v1/people/search',
      payload: { nationalId: GOOD },
    });
    expect((notFound.json() as { total: number }).total).toBe(0);
    // Someone else's job does not exist for them.
    expect((await t.call(other, { method: 'GET', url: `/api/v1/imports/${id}` })).statusCode).toBe(404);
  });

  it('refuses non-editors (403), a non-XLSX upload (415) and anonymous callers (401)', async () => {
    const owner = await t.login('owner');
    const file = multipart(await workbook(), 'x.xlsx');
    expect((await t.call(owner, { method: 'POST', url: '/api/v1/imports', ...file })).statusCode).toBe(403);
    const csv = multipart(Buffer.from('a,b\n'), 'x.csv');
    expect((await t.call(officer, { method: 'POST', url: '/api/v1/imports', ...csv })).statusCode).toBe(415);
    expect((await t.call(null, { method: 'GET', url: '/api/v1/exports/records' })).statusCode).toBe(401);
  });
});

describe('export over HTTP', () => {
  it('streams the people in scope only (CSV group and XLSX workbook)', async () => {
    const csv = await t.call(officer, {
      method: 'GET',
      url: '/api/v1/exports/records?format=csv&group=people',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    // Exactly the people the officer's search shows (personScope), nobody else.
    const search = (
      await t.call(officer, { method: 'POST', url: '/api/v1/people/search', payload: { pageSize: 100 } })
    ).json() as { items: { nationalId: string }[] };
    const all = await t.h.query<{ national_id: string }>('select national_id from persons');
    const inCsv = all.map((p) => p.national_id).filter((n) => csv.body.includes(n));
    expect(inCsv.length).toBeGreaterThan(0);
    expect(inCsv.sort()).toEqual(search.items.map((p) => p.nationalId).sort());
    expect(csv.body).not.toContain(DEMO_ACCOUNTS.otherOwner.nationalId);

    const x = await t.call(officer, {
      method: 'GET',
      url: '/api/v1/exports/records?format=xlsx&officeCode=SCH-40-001',
    });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('people')!.rowCount).toBeGreaterThan(1);
    expect(wb.getWorksheet('service')!.rowCount).toBeGreaterThan(1);
  });
});
