/**
 * Issue 16 §2 (ADR 0117): the date of birth changes only through the correction ก.ค.ศ. approves
 * and สำนักงาน ก.ค.ศ. applies (ข้อ 4.2.1), the appointment date only through the district
 * director's approval with อ.ก.ค.ศ. (ข้อ 4.2.2). A matrix over every demo role × every route that
 * can write a person's personal data — the personal-data edit, the bulk import, onboarding, the
 * external transfer-in — refuses each direct write and changes nothing; then the approved
 * correction, through the real routes, is the one writer.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBangkok } from '../../src/domain/iso-date.ts';
import type { ProtectedField } from '../../src/domain/record/protected-fields.ts';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../src/server/modules/demo/seed.ts';
import { COLUMNS, heading } from '../../src/server/modules/exchange/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { SAMPLES } from '../support/samples.ts';

let t: TestApp;
const s = {} as Record<DemoAccountKey, Session>;
const ROLES = Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[];
const FIELDS: ProtectedField[] = ['birthDate', 'appointmentDate'];
let pid: string;
let nationalId: string;
let original: { birth_date: string; appointment_date: string };
const today = todayInBangkok();

beforeAll(async () => {
  t = await createTestApp();
  for (const r of ROLES) s[r] = await t.login(r);
  pid = s.owner.personId!;
  nationalId = DEMO_ACCOUNTS.owner.nationalId;
  original = await dates();
});
afterAll(async () => t?.close());

async function dates() {
  const [r] = await t.h.query<{ birth_date: string; appointment_date: string }>(
    'select birth_date::text, appointment_date::text from persons where id = $1',
    [pid],
  );
  return r!;
}
const officeId = async (code: string) =>
  (await t.h.query<{ id: string }>('select id from offices where code = $1', [code]))[0]!.id;
/** A different, valid value for the field (appointment still 18+ years after birth). */
const changed = (f: ProtectedField) =>
  f === 'birthDate' ? shift(original.birth_date, -1) : shift(original.appointment_date, 1);
function shift(iso: string, years: number) {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}
/** Protected-field events of item 27 for the person (the audit trail item 27 is read from). */
async function protectedEvents() {
  return t.h.query<{ event_type: string; payload: string }>(
    `select event_type, payload from audit_events
      where person_id = $1 and event_type like 'record.%'
        and (payload like '%"field":"birthDate"%' or payload like '%"field":"appointmentDate"%')
      order by seq`,
    [pid],
  );
}

async function workbook(row: Record<string, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (g: 'people' | 'names', rows: Record<string, string>[]) => {
    const ws = wb.addWorksheet(g);
    ws.addRow(COLUMNS[g].map(heading));
    for (const r of rows) ws.addRow(COLUMNS[g].map((c) => r[c.key] ?? null));
  };
  sheet('people', [{ nationalId, officeCode: 'SCH-40-001', ...row }]);
  sheet('names', [
    { nationalId, prefix: 'นางสาว', firstName: 'ปิยะนุช', lastName: 'ใจดี', effectiveDate: row.birthDate! },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function multipart(file: Buffer) {
  const b = `----khru${Date.now()}`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  };
}
async function importJob(who: Session, id: string) {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    const job = (await t.call(who, { url: `/api/v1/imports/${id}` })).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import timed out');
}

describe('every role × every direct route is refused, and nothing changes', () => {
  it('PUT personal (แก้ไขข้อมูลส่วนตัว): editors get 409 naming the field in Thai; others 403/404', async () => {
    const problems: string[] = [];
    for (const role of ROLES)
      for (const f of FIELDS) {
        const v = (await t.call(s.officer, { url: `/api/v1/people/${pid}/record` })).json();
        const res = await t.call(s[role], {
          method: 'PUT',
          url: `/api/v1/people/${pid}/personal`,
          payload: {
            birthDate: v.person.birthDate,
            bloodGroup: v.person.bloodGroup,
            appointmentDate: v.person.appointmentDate,
            subjectGroup: v.person.subjectGroup,
            [f]: changed(f),
            version: v.person.version,
          },
        });
        const body = res.json();
        if (res.statusCode === 200) problems.push(`${role} ${f}: 200`);
        if (res.statusCode === 409) {
          const fe = body.error.fields[0];
          if (body.error.code !== 'correctionRequired' || fe?.field !== f)
            problems.push(`${role} ${f}: ${res.body}`);
          const clause = f === 'birthDate' ? 'ข้อ 4.2.1' : 'ข้อ 4.2.2';
          if (!fe?.message.includes(clause) || !fe.message.includes('ต้องยื่นคำขอแก้ไข'))
            problems.push(`${role} ${f}: message ${fe?.message}`);
        } else if (![403, 404].includes(res.statusCode)) problems.push(`${role} ${f}: ${res.statusCode}`);
      }
    expect(problems).toEqual([]);
    expect(await dates()).toEqual(original);
    // The officer is an editor of this record: the refusal is the rule, not a missing permission.
    const officerTry = await t.call(s.officer, {
      method: 'PUT',
      url: `/api/v1/people/${pid}/personal`,
      headers: { 'accept-language': 'en' },
      payload: {
        ...(await t.call(s.officer, { url: `/api/v1/people/${pid}/record` })).json().person,
        birthDate: changed('birthDate'),
        version: (await t.call(s.officer, { url: `/api/v1/people/${pid}/record` })).json().person.version,
      },
    });
    expect([officerTry.statusCode, officerTry.json().error.code]).toEqual([409, 'correctionRequired']);
  });

  it('the same form still edits the other personal data, the two dates sent unchanged', async () => {
    const v = (await t.call(s.officer, { url: `/api/v1/people/${pid}/record` })).json();
    expect(v.allowed.correctionOnly).toEqual(FIELDS);
    const res = await t.call(s.officer, {
      method: 'PUT',
      url: `/api/v1/people/${pid}/personal`,
      payload: {
        birthDate: v.person.birthDate,
        bloodGroup: v.person.bloodGroup === 'AB' ? 'O' : 'AB',
        appointmentDate: v.person.appointmentDate,
        subjectGroup: 'คณิตศาสตร์',
        version: v.person.version,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(await dates()).toEqual(original);
  });

  it('bulk import: an existing person is never changed; the row names the date it would change', async () => {
    const problems: string[] = [];
    for (const role of ROLES) {
      const up = await t.call(s[role], {
        method: 'POST',
        url: '/api/v1/imports',
        ...multipart(
          await workbook({ birthDate: changed('birthDate'), appointmentDate: changed('appointmentDate') }),
        ),
      });
      if (up.statusCode === 403) continue;
      if (up.statusCode !== 202) {
        problems.push(`${role}: ${up.statusCode}`);
        continue;
      }
      const job = await importJob(s[role], up.json().id);
      if (job.importedPeople !== 0) problems.push(`${role}: imported ${job.importedPeople}`);
      const errs = await t.h.query<{ field: string; message: string }>(
        'select field, message from import_errors where import_id = $1',
        [up.json().id],
      );
      // Within the role's offices the row is refused for the dates; outside them, for the office.
      const fields = errs.map((e) => e.field).sort();
      if (role === 'officer') {
        expect(fields).toEqual(['appointmentDate', 'birthDate']);
        expect(errs.find((e) => e.field === 'birthDate')!.message).toMatch(/^วัน เดือน ปีเกิด: .*ข้อ 4\.2\.1/);
        expect(errs.find((e) => e.field === 'appointmentDate')!.message).toMatch(/^วันบรรจุ: .*ข้อ 4\.2\.2/);
      } else if (!errs.length) problems.push(`${role}: no error row`);
    }
    expect(problems).toEqual([]);
    expect(await dates()).toEqual(original);
    // The same person with the dates as they stand is refused as already registered, by ID.
    const same = await t.call(s.officer, {
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart(
        await workbook({ birthDate: original.birth_date, appointmentDate: original.appointment_date }),
      ),
    });
    const job = await importJob(s.officer, same.json().id);
    expect(job.importedPeople).toBe(0);
    const errs = await t.h.query<{ field: string }>('select field from import_errors where import_id = $1', [
      same.json().id,
    ]);
    expect(errs.map((e) => e.field)).toEqual(['nationalId']);
  });

  it('onboarding and transfer-in create new records only: an existing person is refused for every role', async () => {
    const office = await officeId('SCH-40-001');
    const problems: string[] = [];
    for (const role of ROLES) {
      const onb = await t.call(s[role], {
        method: 'POST',
        url: '/api/v1/onboarding',
        payload: {
          nationalId,
          officeId: office,
          positionTitle: 'ครูผู้ช่วย',
          orderNumber: 'สพป.ขก.1 ที่ 999/2569',
          orderDate: today,
          appointmentDate: changed('appointmentDate'),
          reportDate: today,
        },
      });
      if (onb.statusCode < 400) problems.push(`${role} onboarding: ${onb.statusCode}`);
      const ext = await t.call(s[role], {
        method: 'POST',
        url: '/api/v1/transfers/receive-external',
        payload: {
          nationalId,
          officeId: office,
          number: 'รับโอน-ภายนอก 9/2569',
          orderDate: today,
          name: { prefix: 'นางสาว', firstName: 'ปิยะนุช', lastName: 'ใจดี' },
          birthDate: changed('birthDate'),
          appointmentDate: changed('appointmentDate'),
          entry: { ...SAMPLES.service, effectiveDate: today },
        },
      });
      if (ext.statusCode < 400) problems.push(`${role} receive-external: ${ext.statusCode}`);
    }
    expect(problems).toEqual([]);
    expect(await dates()).toEqual(original);
  });

  it('a correction request of another kind cannot carry the dates; none of the above wrote item 27', async () => {
    // ข้อ 4.2: each date goes through its own authority, so it must be asked for alone.
    const mixed = await t.call(s.owner, {
      method: 'POST',
      url: `/api/v1/people/${pid}/correction-requests`,
      payload: {
        changes: [
          { item: 'personal', field: 'birthDate', to: changed('birthDate') },
          { item: 'personal', field: 'bloodGroup', to: 'B' },
        ],
      },
    });
    expect(mixed.statusCode).toBe(400);
    expect(await protectedEvents()).toEqual([]);
  });
});

describe('the database guard behind it (migration 0019)', () => {
  it('refuses a direct UPDATE by the server role and by the owner of the tables, and a case of another kind', async () => {
    await expect(
      t.h.query('update persons set birth_date = $1 where id = $2', [changed('birthDate'), pid]),
    ).rejects.toThrow(/ข้อ 4\.2\.1/);
    await expect(
      t.owner('update persons set appointment_date = $1 where id = $2', [changed('appointmentDate'), pid]),
    ).rejects.toThrow(/ข้อ 4\.2\.2/);
    // An open correction of other data does not let a date through, even named as the case.
    const other = (
      await t.call(s.owner, {
        method: 'POST',
        url: `/api/v1/people/${pid}/correction-requests`,
        payload: { changes: [{ item: 'personal', field: 'bloodGroup', to: 'B' }] },
      })
    ).json();
    expect(other.kind).toBe('correction.other');
    const refused = await t.h.db
      .transaction(async (tx) => {
        await tx.execute(sql`select set_config('khru.correction_case', ${other.id}, true)`);
        await tx.execute(sql`update persons set birth_date = ${changed('birthDate')} where id = ${pid}`);
      })
      .then(
        () => null,
        (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
      );
    expect(refused).toMatch(/ข้อ 4\.2\.1/);
    // Other columns of the row stay writable.
    await t.h.query('update persons set subject_group = subject_group where id = $1', [pid]);
    expect(await dates()).toEqual(original);
    await t.call(s.owner, {
      method: 'POST',
      url: `/api/v1/workflows/cases/${other.id}/actions`,
      payload: { action: 'withdraw', version: other.version },
    });
  });
});

describe('the approved correction is the only writer', () => {
  const act = (who: Session, c: { id: string; version: number }, action: string, extra: object = {}) =>
    t.call(who, {
      method: 'POST',
      url: `/api/v1/workflows/cases/${c.id}/actions`,
      payload: { action, version: c.version, ...extra },
    });

  it('date of birth: owner files, the district director forwards to ก.ค.ศ., OTEPC applies the resolution (ข้อ 4.2.1)', async () => {
    const to = changed('birthDate');
    let c = (
      await t.call(s.owner, {
        method: 'POST',
        url: `/api/v1/people/${pid}/correction-requests`,
        payload: { changes: [{ item: 'personal', field: 'birthDate', to }] },
      })
    ).json();
    expect(c.kind).toBe('correction.birthDate');
    // Nobody but OTEPC applies it, and not before ก.ค.ศ. has it.
    for (const role of ROLES) {
      const r = await act(s[role], c, 'apply', { reference: 'มติ ก.ค.ศ. 1/2569' });
      expect(r.statusCode, role).toBeGreaterThanOrEqual(400);
    }
    c = (await act(s.districtDirector, c, 'forward')).json();
    expect(c.status).toBe('awaiting_kks');
    for (const role of ROLES.filter((r) => r !== 'otepcController')) {
      const r = await act(s[role], c, 'apply', { reference: 'มติ ก.ค.ศ. 1/2569' });
      expect(r.statusCode, role).toBeGreaterThanOrEqual(400);
    }
    expect((await dates()).birth_date).toBe(original.birth_date);
    c = (await act(s.otepcController, c, 'apply', { reference: 'มติ ก.ค.ศ. ครั้งที่ 1/2569' })).json();
    expect(c.status).toBe('applied');
    expect(await dates()).toEqual({ ...original, birth_date: to });
    const events = await protectedEvents();
    expect(events.map((e) => e.event_type)).toEqual(['record.personal.corrected']);
    expect(events[0]!.payload).toContain(c.id);
    // After the correction the direct route still refuses.
    const v = (await t.call(s.officer, { url: `/api/v1/people/${pid}/record` })).json();
    const again = await t.call(s.officer, {
      method: 'PUT',
      url: `/api/v1/people/${pid}/personal`,
      payload: {
        birthDate: original.birth_date,
        bloodGroup: v.person.bloodGroup,
        appointmentDate: v.person.appointmentDate,
        subjectGroup: v.person.subjectGroup,
        version: v.person.version,
      },
    });
    expect([again.statusCode, again.json().error.fields[0].field]).toEqual([409, 'birthDate']);
  });

  it('appointment date: the district director approves with อ.ก.ค.ศ., the officer records it (ข้อ 4.2.2)', async () => {
    const to = changed('appointmentDate');
    let c = (
      await t.call(s.owner, {
        method: 'POST',
        url: `/api/v1/people/${pid}/correction-requests`,
        payload: { changes: [{ item: 'personal', field: 'appointmentDate', to }] },
      })
    ).json();
    expect(c.kind).toBe('correction.appointmentDate');
    expect((await act(s.officer, c, 'apply')).statusCode).toBeGreaterThanOrEqual(400);
    c = (await act(s.districtDirector, c, 'approve', { reference: 'มติ อ.ก.ค.ศ. เขตพื้นที่ ครั้งที่ 3/2569' })).json();
    c = (await act(s.officer, c, 'apply')).json();
    expect(c.status).toBe('applied');
    expect((await dates()).appointment_date).toBe(to);
  });
});
