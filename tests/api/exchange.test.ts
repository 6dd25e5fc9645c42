/**
 * Import/export in the documented format: round trip export → import into an empty database gives
 * identical content (CSV and XLSX); every row validated with the API schemas, errors per row and
 * field in Thai, and a person with any bad row is not imported at all.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateDataset } from '../../bench/gen.ts';
import { nationalIdFrom } from '../../src/server/modules/demo/generator.ts';
import {
  COLUMNS,
  contentHashOfRecords,
  csvDirSource,
  exportCsvDir,
  exportXlsx,
  heading,
  runImport,
  xlsxSource,
} from '../../src/server/modules/exchange/index.ts';
import { verifyAuditChain } from '../../src/server/platform/audit/index.ts';
import { type DbHandle, migrate, openDb } from '../../src/server/platform/db/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { adminUrl } from '../support/env.ts';

const CLI = {
  actor: { userId: null, name: 'test import', roles: ['operator'] },
  meta: { ip: null, userAgent: null, source: 'cli', requestId: null, authMethod: null },
  allowOffices: true,
};

/** A migrated database with nothing in it. */
async function emptyDb(): Promise<{ h: DbHandle; drop(): Promise<void> }> {
  if (inject('dbKind') === 'pglite') {
    const h = await openDb({ kind: 'pglite' });
    await migrate(h);
    return { h, drop: () => h.close() };
  }
  const name = `khru_x_${randomBytes(5).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url: adminUrl(), poolSize: 1 });
  await admin.query(`create database ${name}`);
  const h = await openDb({ kind: 'postgres', url: adminUrl(name), poolSize: 2 });
  await migrate(h);
  return {
    h,
    drop: async () => {
      await h.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'khru-exchange-'));
  await generateDataset({ people: 120, seed: 7, out: path.join(dir, 'gen') });
  const r = await runImport(t.h, csvDirSource(path.join(dir, 'gen')), {
    ...CLI,
    importId: randomUUID(),
    batchSize: 50,
  });
  expect(r).toMatchObject({ imported: 120, rejected: 0, errors: 0 });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('round trip', () => {
  it('CSV: export everything → import into an empty database → identical content', async () => {
    // A backslash survives COPY's text format (written as its escape) on the way back in; tabs and
    // newlines never reach it (the text primitives strip control characters).
    const note = String.raw`สำเนาที่ C:\สแกน\ก.พ.๗ \N`;
    const [row] = await t.h.query<{ id: string }>(
      'update person_service set note = $1 where id = (select id from person_service order by id limit 1) returning id',
      [note],
    );
    // Cells a spreadsheet would run as formulas (issue 17 §4): written with a leading apostrophe,
    // read back as they were.
    const formulas = ['=HYPERLINK("http://x.invalid","คลิก")', '+66812345678', '-1+2', '@SUM(A1)', '＝1+1'];
    const fRows = await t.h.query<{ id: string }>(
      `update person_service set note = v.note from (
         select id, (array[$1, $2, $3, $4, $5])[row_number() over (order by id)] as note
         from (select id from person_service order by id offset 1 limit 5) s) v
       where person_service.id = v.id returning person_service.id`,
      formulas,
    );
    expect(fRows).toHaveLength(5);
    const before = await contentHashOfRecords(t.h);
    expect(before.persons).toBeGreaterThan(120);
    const out = path.join(dir, 'export-csv');
    const n = await exportCsvDir(t.h, { includeOffices: true }, out);
    const cells = new Set(
      Papa.parse<string[]>(await readFile(path.join(out, 'service.csv'), 'utf8')).data.flat(),
    );
    for (const f of formulas) {
      expect(cells.has(`'${f}`)).toBe(true);
      expect(cells.has(f)).toBe(false);
    }
    expect(n).toBe(before.persons);
    const b = await emptyDb();
    try {
      const r = await runImport(b.h, csvDirSource(out), { ...CLI, importId: randomUUID(), batchSize: 40 });
      expect(r.errors).toBe(0);
      expect(r.imported).toBe(before.persons);
      const after = await contentHashOfRecords(b.h);
      expect(after).toEqual(before);
      const [back] = await b.h.query<{ note: string }>('select note from person_service where id = $1', [
        row!.id,
      ]);
      expect(back?.note).toBe(note);
      const fBack = await b.h.query<{ note: string }>(
        'select note from person_service where id = any($1::uuid[]) order by id',
        [fRows.map((r) => r.id)],
      );
      expect(fBack.map((r) => r.note).sort()).toEqual([...formulas].sort());
      // One audit event per imported person, in a chain that verifies.
      const v = await verifyAuditChain(b.h);
      expect(v.ok).toBe(true);
      const [c] = await b.h.query<{ n: number }>(
        "select count(*)::int as n from audit_events where event_type = 'record.imported'",
      );
      expect(c?.n).toBe(before.persons);
    } finally {
      await b.drop();
    }
  }, 240_000);

  it('XLSX: export one district office (streamed workbook) → import → same people and rows', async () => {
    const file = path.join(dir, 'office.xlsx');
    const out = createWriteStream(file);
    await exportXlsx(t.h, { includeOffices: true, officePath: '/OTEPC/OBEC/SPP-KK1/' }, out);
    if (!out.writableFinished) await once(out, 'finish');
    const b = await emptyDb();
    try {
      const r = await runImport(b.h, await xlsxSource(file), { ...CLI, importId: randomUUID() });
      expect(r.errors).toBe(0);
      const [src] = await t.h.query<{ n: number }>(
        `select count(*)::int as n from persons p join offices o on o.id = p.office_id where o.path like '/OTEPC/OBEC/SPP-KK1/%'`,
      );
      expect(r.imported).toBe(src?.n);
      expect(r.imported).toBeGreaterThan(0);
      // Same rows for these people on both sides (ids are carried by the export).
      const q = `select md5(string_agg((to_jsonb(e) - 'created_at' - 'updated_at')::text, '|' order by e.id)) as h
                   from person_service e where person_id in (select id from persons where national_id = any($1))`;
      const ids = (await b.h.query<{ national_id: string }>('select national_id from persons')).map(
        (x) => x.national_id,
      );
      const [x] = await t.h.query<{ h: string }>(q, [ids]);
      const [y] = await b.h.query<{ h: string }>(q, [ids]);
      expect(y?.h).toBe(x?.h);
    } finally {
      await b.drop();
    }
  }, 240_000);
});

describe('validation', () => {
  it('rejects a person with any bad row, whole, and reports each row and field in Thai', async () => {
    const bad = path.join(dir, 'bad');
    const good = nationalIdFrom('590000000001');
    const badId = `${nationalIdFrom('590000000002').slice(0, 12)}0`.replace(/0$/, (d) =>
      d === '0' ? '1' : '0',
    );
    const badAddr = nationalIdFrom('590000000003');
    const dupLeave = nationalIdFrom('590000000004');
    const csv = (group: keyof typeof COLUMNS, rows: Record<string, string>[]) =>
      [
        COLUMNS[group].map((c) => `"${heading(c)}"`).join(','),
        ...rows.map((r) => COLUMNS[group].map((c) => r[c.key] ?? '').join(',')),
      ].join('\n');
    const person = (nid: string, extra: Record<string, string> = {}) => ({
      nationalId: nid,
      officeCode: 'SCH-40-001',
      birthDate: '1985-03-02',
      appointmentDate: '2010-05-01',
      ...extra,
    });
    const name = (nid: string) => ({
      nationalId: nid,
      prefix: 'นาย',
      firstName: 'ทดลอง',
      lastName: 'นำเข้า',
      effectiveDate: '1985-03-02',
    });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(bad, { recursive: true });
    await writeFile(
      path.join(bad, 'people.csv'),
      csv('people', [
        person(good),
        person(badId),
        person(badAddr, { birthDate: '2010-02-30' }),
        person(dupLeave),
      ]),
    );
    await writeFile(
      path.join(bad, 'names.csv'),
      csv('names', [name(good), name(badId), name(badAddr), name(dupLeave)]),
    );
    await writeFile(
      path.join(bad, 'addresses.csv'),
      csv('addresses', [
        { nationalId: good, kind: 'registered', houseNo: '1', tambonCode: '400101', postcode: '40000' },
        { nationalId: badAddr, kind: 'registered', houseNo: '1', tambonCode: '409999', postcode: '40000' },
      ]),
    );
    const leave = (nid: string, fy: string) => ({ nationalId: nid, fiscalYear: fy });
    await writeFile(
      path.join(bad, 'leave.csv'),
      csv('leave', [leave(good, '2568'), leave(dupLeave, '2567'), leave(dupLeave, '2567')]),
    );
    const importId = randomUUID();
    const r = await runImport(t.h, csvDirSource(bad), { ...CLI, allowOffices: false, importId });
    expect(r.imported).toBe(1);
    expect(r.rejected).toBe(3);
    const errs = await t.h.query<{
      sheet: string;
      row_no: number;
      national_id: string;
      field: string;
      message: string;
    }>(
      'select sheet, row_no, national_id, field, message from import_errors where import_id = $1 order by batch_no, seq',
      [importId],
    );
    const by = (sheet: string, field: string) => errs.find((e) => e.sheet === sheet && e.field === field);
    expect(by('people', 'nationalId')).toMatchObject({
      row_no: 3,
      message: expect.stringContaining('เลขตรวจสอบ'),
    });
    expect(by('people', 'birthDate')).toMatchObject({
      row_no: 4,
      message: 'วัน เดือน ปีเกิด: ไม่ใช่วันที่ที่มีอยู่จริง',
    });
    expect(by('addresses', 'tambonCode')).toMatchObject({
      row_no: 3,
      message: expect.stringContaining('ไม่พบรหัสตำบล'),
    });
    expect(by('leave', 'fiscalYear')).toMatchObject({ row_no: 4, national_id: dupLeave });
    // Only the good person exists, with all their rows; the rejected have no rows at all.
    const present = await t.h.query<{ national_id: string }>(
      'select national_id from persons where national_id = any($1)',
      [[good, badId, badAddr, dupLeave]],
    );
    expect(present.map((p) => p.national_id)).toEqual([good]);
    const [n] = await t.h.query<{ a: number; l: number }>(
      `select (select count(*)::int from person_addresses a join persons p on p.id = a.person_id where p.national_id = $1) as a,
              (select count(*)::int from person_leave l join persons p on p.id = l.person_id where p.national_id = any($2)) as l`,
      [good, [good, dupLeave]],
    );
    expect(n).toEqual({ a: 1, l: 1 });
  }, 120_000);

  it('offices: a child listed before its parent is created under it; a bad row is named by its own row number', async () => {
    const dirOffices = path.join(dir, 'offices');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dirOffices, { recursive: true });
    const row = (r: Record<string, string>) => COLUMNS.offices.map((c) => r[c.key] ?? '').join(',');
    await writeFile(
      path.join(dirOffices, 'offices.csv'),
      [
        COLUMNS.offices.map((c) => `"${heading(c)}"`).join(','),
        row({
          code: 'TST-SCH-1',
          nameTh: 'โรงเรียนทดสอบ',
          kind: 'school',
          parentCode: 'TST-AREA',
          provinceCode: '40',
        }),
        row({ code: 'TST-NONAME', kind: 'school', parentCode: 'TST-AREA' }),
        row({
          code: 'TST-AREA',
          nameTh: 'เขตทดสอบ',
          kind: 'area_office',
          parentCode: 'OBEC',
          provinceCode: '40',
        }),
        row({ code: 'TST-KIND', nameTh: 'ประเภทผิด', kind: 'district', parentCode: 'TST-AREA' }),
        row({ code: 'TST-ORPHAN', nameTh: 'ไม่มีต้นสังกัด', kind: 'school', parentCode: 'TST-NONE' }),
      ].join('\n'),
    );
    await writeFile(
      path.join(dirOffices, 'people.csv'),
      COLUMNS.people.map((c) => `"${heading(c)}"`).join(','),
    );
    const importId = randomUUID();
    await runImport(t.h, csvDirSource(dirOffices), { ...CLI, importId });
    const made = await t.h.query<{ code: string; path: string }>(
      `select code, path from offices where code like 'TST-%' order by code`,
    );
    const [obec] = await t.h.query<{ path: string }>(`select path from offices where code = 'OBEC'`);
    expect(made).toEqual([
      { code: 'TST-AREA', path: `${obec!.path}TST-AREA/` },
      { code: 'TST-SCH-1', path: `${obec!.path}TST-AREA/TST-SCH-1/` },
    ]);
    const errs = await t.h.query<{ row_no: number; field: string }>(
      'select row_no, field from import_errors where import_id = $1 order by row_no',
      [importId],
    );
    expect(errs).toEqual([
      { row_no: 3, field: 'nameTh' },
      { row_no: 5, field: 'kind' },
      { row_no: 6, field: 'parentCode' },
    ]);
  });
});
