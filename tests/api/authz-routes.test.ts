/**
 * The holes of issue 17 §1 (item and office limits beyond the record routes), one test each,
 * written to fail on the code before ADR 0110: bulk import, export, issued documents, workflow
 * cases and grants (own staff only, no duplicate, separation of duties).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalIdFrom } from '../../src/server/modules/demo/generator.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { COLUMNS, type GroupKey, heading } from '../../src/server/modules/exchange/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { contentHash, personIdByNationalId, teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';
import { multipartBody } from './documents-files.test-support.ts';

let t: TestApp;
let clerk: Session;
let officer: Session;
let otepc: Session;
let controller: Session;
let kk1: string;
const CLERK_ITEMS = ['training', 'research', 'studyVisits', 'abilities', 'leave'];

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('clerk');
  officer = await t.login('officer');
  otepc = await t.login('otepcController');
  controller = await t.login('accessController');
  [{ id: kk1 }] = (await t.h.query<{ id: string }>("select id from offices where code = 'SPP-KK1'")) as [
    { id: string },
  ];
});
afterAll(async () => t?.close());

async function workbook(sheets: Partial<Record<GroupKey, Record<string, unknown>[]>>) {
  const wb = new ExcelJS.Workbook();
  for (const [g, rows] of Object.entries(sheets) as [GroupKey, Record<string, unknown>[]][]) {
    const ws = wb.addWorksheet(g);
    ws.addRow(COLUMNS[g].map(heading));
    for (const r of rows) ws.addRow(COLUMNS[g].map((c) => (r[c.key] as string) ?? null));
  }
  return multipartBody({}, { name: 'ครู.xlsx', bytes: Buffer.from(await wb.xlsx.writeBuffer()) });
}

const NEW = nationalIdFrom('591000000001');

describe('bulk import honours the clerk’s items and the office', () => {
  it('a clerk cannot import a new person with a discipline entry and a spouse: 403 naming the sheet, nothing written', async () => {
    const before = await contentHash(t.h);
    const jobs = await t.h.query<{ n: number }>('select count(*)::int as n from import_jobs');
    const res = await t.call(clerk, {
      method: 'POST',
      url: '/api/v1/imports',
      ...(await workbook({
        people: [
          {
            nationalId: NEW,
            officeCode: 'SCH-40-003',
            birthDate: '1990-01-15',
            appointmentDate: '2015-05-01',
          },
        ],
        names: [
          {
            nationalId: NEW,
            prefix: 'นาย',
            firstName: 'นำเข้า',
            lastName: 'โดยผู้บันทึก',
            effectiveDate: '1990-01-15',
          },
        ],
        discipline: [{ nationalId: NEW, ...SAMPLES.discipline }],
        family: [{ nationalId: NEW, ...SAMPLES.family }],
      })),
    });
    expect(res.statusCode).toBe(403);
    const err = res.json().error as { fields: { field: string; message: string }[] };
    expect(err.fields[0]!.field).toBe('sheet.people');
    expect(err.fields[0]!.message).toContain('แผ่นงาน people');
    expect(err.fields[0]!.message).toContain('เพิ่มบุคคลใหม่');
    // Nothing at all: no job, no person, no item row, no audit event.
    await new Promise((r) => setTimeout(r, 300));
    expect(await contentHash(t.h)).toBe(before);
    expect((await t.h.query<{ n: number }>('select count(*)::int as n from import_jobs'))[0]!.n).toBe(
      jobs[0]!.n,
    );
    expect(await t.h.query('select 1 from persons where national_id = $1', [NEW])).toHaveLength(0);
  });

  it('a clerk cannot import a sheet of an item not assigned to her (discipline of an existing person)', async () => {
    const existing = DEMO_ACCOUNTS.owner.nationalId;
    const before = await contentHash(t.h);
    const res = await t.call(clerk, {
      method: 'POST',
      url: '/api/v1/imports',
      ...(await workbook({
        training: [{ nationalId: existing, ...SAMPLES.training }],
        discipline: [{ nationalId: existing, ...SAMPLES.discipline }],
      })),
    });
    expect(res.statusCode).toBe(403);
    const err = res.json().error as { fields: { field: string; message: string }[] };
    expect(err.fields[0]!.field).toBe('sheet.discipline');
    expect(err.fields[0]!.message).toContain('ไม่ได้รับมอบหมาย');
    expect(await contentHash(t.h)).toBe(before);
  });

  it('a records officer’s new people land only under his offices (row error outside, nothing written for it)', async () => {
    const outside = nationalIdFrom('591000000002');
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/v1/imports',
      ...(await workbook({
        people: [
          {
            nationalId: outside,
            officeCode: 'SCH-44-001',
            birthDate: '1990-01-15',
            appointmentDate: '2015-05-01',
          },
        ],
      })),
    });
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;
    let job: { status: string; importedPeople: number } = { status: 'running', importedPeople: 0 };
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await t.call(officer, { url: `/api/v1/imports/${id}` })).json();
    }
    expect(job).toMatchObject({ status: 'done', importedPeople: 0 });
    expect(await t.h.query('select 1 from persons where national_id = $1', [outside])).toHaveLength(0);
  });
});

describe('export gives only the groups and people the caller may read', () => {
  it('a clerk’s workbook has only her items, of her office’s people', async () => {
    const res = await t.call(clerk, { url: '/api/v1/exports/records?format=xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual([...CLERK_ITEMS].sort());
    // People of another province are in nobody's sheet of hers.
    const other = await t.h.query<{ national_id: string }>(
      `select p.national_id from persons p join offices o on o.id = p.office_id where o.code = 'SCH-44-001'`,
    );
    const cells = new Set<string>();
    for (const ws of wb.worksheets) ws.eachRow((r) => cells.add(String((r.values as unknown[])[1])));
    expect(other.some((p) => cells.has(p.national_id))).toBe(false);
    expect(wb.getWorksheet('training')!.rowCount).toBeGreaterThan(1);
  });

  it('a clerk may not download the groups she may not read (family, discipline, people)', async () => {
    for (const group of ['family', 'discipline', 'people', 'service', 'addresses'])
      expect(
        (await t.call(clerk, { url: `/api/v1/exports/records?format=csv&group=${group}` })).statusCode,
        group,
      ).toBe(403);
    const ok = await t.call(clerk, { url: '/api/v1/exports/records?format=csv&group=training' });
    expect(ok.statusCode).toBe(200);
  });
});

describe('issued documents need the right to make them', () => {
  it('a clerk may not download a full printout someone else issued, nor see it listed', async () => {
    const person = await teacherOf(t.h, 'SCH-40-003');
    const made = await t.call(otepc, { method: 'POST', url: `/api/v1/people/${person}/printouts` });
    expect(made.statusCode).toBe(201);
    const id = made.headers['x-khru-document-id'] as string;
    // She may not make one herself …
    expect(
      (await t.call(clerk, { method: 'POST', url: `/api/v1/people/${person}/printouts` })).statusCode,
    ).toBe(403);
    // … so she may not download the one made by OTEPC either, and it is not listed to her.
    expect((await t.call(clerk, { url: `/api/v1/issued/${id}/pdf` })).statusCode).toBe(403);
    const listed = (await t.call(clerk, { url: `/api/v1/people/${person}/issued` })).json();
    expect((listed.items as { id: string }[]).map((d) => d.id)).not.toContain(id);
    // A certifier of the office may (she reads the whole record).
    const certifier = await t.login('certifier');
    expect((await t.call(certifier, { url: `/api/v1/issued/${id}/pdf` })).statusCode).toBe(200);
  });
});

describe('workflow cases show only the items the reader may read', () => {
  it('a clerk reading the owner’s correction sees her item and not the blood group', async () => {
    const owner = await t.login('owner');
    const filed = await t.call(owner, {
      method: 'POST',
      url: `/api/v1/people/${owner.personId}/correction-requests`,
      payload: {
        changes: [
          { item: 'personal', field: 'bloodGroup', to: 'AB' },
          { item: 'training', data: SAMPLES.training },
        ],
        note: 'หมู่โลหิตที่ถูกต้องคือ AB',
      },
    });
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id as string;
    const seen = (await t.call(clerk, { url: `/api/v1/workflows/cases/${id}` })).json();
    expect((seen.data.changes as { item: string }[]).map((c) => c.item)).toEqual(['training']);
    expect(seen.data.hiddenChanges).toBe(1);
    expect(JSON.stringify(seen)).not.toContain('AB');
    // The officer who handles it sees all of it.
    const full = (await t.call(officer, { url: `/api/v1/workflows/cases/${id}` })).json();
    expect((full.data.changes as { item: string }[]).map((c) => c.item)).toEqual(['personal', 'training']);
  });
});

describe('grants', () => {
  const grant = (s: Session, body: Record<string, unknown>) =>
    t.call(s, {
      method: 'POST',
      url: '/api/v1/access/assignments',
      payload: { officeId: kk1, startDate: '2026-11-01', personIds: [], itemKeys: [], ...body },
    });
  const userOf = async (k: keyof typeof DEMO_ACCOUNTS) =>
    (
      await t.h.query<{ id: string }>('select id from users where national_id = $1', [
        DEMO_ACCOUNTS[k].nationalId,
      ])
    )[0]!.id;

  it('an access controller cannot grant a role to an account without a person record (the OTEPC account)', async () => {
    const before = await contentHash(t.h);
    const owner = await personIdByNationalId(t.h, DEMO_ACCOUNTS.owner.nationalId);
    const res = await grant(controller, {
      userId: await userOf('otepcController'),
      role: 'records_officer',
      personIds: [owner],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'userId', messageKey: 'err.grant.notStaff' });
    expect(res.json().error.fields[0].message).toContain('ไม่ใช่บุคลากรในสังกัด');
    expect(await contentHash(t.h)).toBe(before);
  });

  it('the same role cannot be granted twice to one person in one office while one is in force', async () => {
    const user = await userOf('districtDirector');
    const first = await grant(controller, { userId: user, role: 'data_entry_clerk', itemKeys: ['leave'] });
    expect(first.statusCode).toBe(201);
    const before = await contentHash(t.h);
    const again = await grant(controller, { userId: user, role: 'data_entry_clerk', itemKeys: ['training'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('roleHeld');
    expect(again.json().error.message).toContain('มีสิทธิ์บทบาทนี้');
    expect(await contentHash(t.h)).toBe(before);
    // Once revoked, it may be granted again.
    const revoked = await t.call(controller, {
      method: 'POST',
      url: `/api/v1/access/assignments/${first.json().id}/revoke`,
      payload: { reason: 'ทดสอบ' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(
      (await grant(controller, { userId: user, role: 'data_entry_clerk', itemKeys: ['leave'] })).statusCode,
    ).toBe(201);
  });

  it('one person cannot both enter and certify the same office’s records (separation of duties)', async () => {
    const before = await contentHash(t.h);
    // The certifier of สพป.ขอนแก่น เขต 1 may not also be its clerk or records officer …
    const asClerk = await grant(controller, {
      userId: await userOf('certifier'),
      role: 'data_entry_clerk',
      itemKeys: ['leave'],
    });
    expect(asClerk.statusCode).toBe(409);
    expect(asClerk.json().error.code).toBe('dutyConflict');
    expect(asClerk.json().error.message).toContain('แบ่งแยกหน้าที่');
    // … and OTEPC may not make the office's records officer its certifier.
    const asCertifier = await grant(otepc, { userId: await userOf('officer'), role: 'certifier' });
    expect(asCertifier.statusCode).toBe(409);
    expect(asCertifier.json().error.code).toBe('dutyConflict');
    expect(await contentHash(t.h)).toBe(before);
  });
});
