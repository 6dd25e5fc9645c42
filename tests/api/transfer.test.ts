/**
 * Moves, removal and re-appointment (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 5.2.1, 5.3, 5.4) and access
 * following position (ข้อ 2.2.3): the new office records, the record moves with its history,
 * the old office stops seeing it at once, and the person's own roles end in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBangkok } from '../../src/domain/iso-date.ts';
import { nationalIdCheckDigit } from '../../src/domain/national-id.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { personIdByNationalId, teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';

let t: TestApp;
const s = {} as Record<
  'officer' | 'otherOfficer' | 'districtDirector' | 'schoolDirector' | 'otepcController' | 'certifier',
  Session
>;
let teacher: string;
let teacherNid: string;
const today = todayInBangkok();

const officeId = async (code: string) =>
  (await t.h.query<{ id: string }>('select id from offices where code = $1', [code]))[0]!.id;
const read = (who: Session, pid: string) => t.call(who, { url: `/api/v1/people/${pid}/record` });
const arrive = async (who: Session, path: 'move' | 'reappoint', nationalId: string, office: string) =>
  t.call(who, {
    method: 'POST',
    url: `/api/v1/transfers/${path}`,
    payload: {
      nationalId,
      officeId: await officeId(office),
      number: `${path}-1/2569`,
      orderDate: today,
      entry: { ...SAMPLES.service, effectiveDate: today },
    },
  });

beforeAll(async () => {
  t = await createTestApp();
  for (const k of [
    'officer',
    'otherOfficer',
    'districtDirector',
    'schoolDirector',
    'otepcController',
    'certifier',
  ] as const)
    s[k] = await t.login(k);
  teacher = await teacherOf(t.h, 'SCH-40-001');
  teacherNid = (
    await t.h.query<{ n: string }>('select national_id as n from persons where id = $1', [teacher])
  )[0]!.n;
});
afterAll(async () => t?.close());

describe('transfers, removal, re-appointment', () => {
  it('a move is recorded by the new office; the old office no longer sees the person, the new one does', async () => {
    expect((await read(s.officer, teacher)).statusCode).toBe(200);
    expect((await read(s.otherOfficer, teacher)).statusCode).toBe(404);
    // The old office's officer cannot record into an office that is not theirs.
    expect((await arrive(s.officer, 'move', teacherNid, 'SCH-40-101')).statusCode).toBe(403);
    expect((await arrive(s.certifier, 'move', teacherNid, 'SCH-40-001')).statusCode).toBe(403);
    const before = (await read(s.officer, teacher)).json();
    const r = await arrive(s.otherOfficer, 'move', teacherNid, 'SCH-40-101');
    expect(r.statusCode).toBe(201);
    expect((await read(s.officer, teacher)).statusCode).toBe(404);
    expect((await read(s.districtDirector, teacher)).statusCode).toBe(404);
    const after = (await read(s.otherOfficer, teacher)).json();
    expect(after.person.office.code).toBe('SCH-40-101');
    // History moved with the record, plus the move entry linked to its order.
    expect(after.items.service.length).toBe(before.items.service.length + 1);
    const [row] = await t.h.query<{ order_id: string }>(
      'select order_id from person_service where person_id = $1 and order_id is not null',
      [teacher],
    );
    expect(row!.order_id).toBe(r.json().orderId);
    expect((await arrive(s.otherOfficer, 'move', teacherNid, 'SCH-40-101')).statusCode).toBe(400);
  });

  it('access follows position: a moved school director loses his role at once (ข้อ 2.2.3)', async () => {
    const director = await personIdByNationalId(t.h, DEMO_ACCOUNTS.schoolDirector.nationalId);
    const colleague = await teacherOf(t.h, 'SCH-40-001', 1);
    expect((await read(s.schoolDirector, colleague)).statusCode).toBe(200);
    const r = await arrive(s.otherOfficer, 'move', DEMO_ACCOUNTS.schoolDirector.nationalId, 'SCH-40-102');
    expect(r.statusCode).toBe(201);
    expect(r.json().revokedAssignments).toBe(1);
    // The same open session, next request: the role is gone.
    expect((await read(s.schoolDirector, colleague)).statusCode).toBe(404);
    const me = (await t.call(s.schoolDirector, { url: '/api/auth/session' })).json();
    expect(me.user.assignments).toEqual([]);
    expect((await read(s.schoolDirector, director)).statusCode).toBe(200);
    const [a] = await t.h.query<{ revoke_reason: string }>(
      `select ra.revoke_reason from role_assignments ra join users u on u.id = ra.user_id where u.person_id = $1`,
      [director],
    );
    expect(a!.revoke_reason).toContain('ข้อ 2.2.3');
  });

  it('removal (จำหน่าย) keeps the record readable to the data controller and stops edits (ข้อ 5.3)', async () => {
    const inScope = await teacherOf(t.h, 'SCH-40-001', 2);
    const body = { number: 'ออก-1/2569', orderDate: today, reason: 'โอนไปสังกัดกระทรวงอื่น (ข้อ 5.2.3)' };
    expect(
      (await t.call(s.certifier, { method: 'POST', url: `/api/v1/people/${inScope}/removal`, payload: body }))
        .statusCode,
    ).toBe(403);
    const r = await t.call(s.otherOfficer, {
      method: 'POST',
      url: `/api/v1/people/${teacher}/removal`,
      payload: body,
    });
    expect(r.statusCode).toBe(201);
    const seen = await read(s.otepcController, teacher);
    expect([seen.statusCode, seen.json().person.status]).toEqual([200, 'removed']);
    const edit = await t.call(s.otherOfficer, {
      method: 'POST',
      url: `/api/v1/people/${teacher}/items/training`,
      payload: SAMPLES.training,
    });
    expect(edit.statusCode).toBe(409);
    expect(
      (
        await t.call(s.otherOfficer, {
          method: 'POST',
          url: `/api/v1/people/${teacher}/removal`,
          payload: body,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('re-appointment (บรรจุกลับ) reactivates the record at the new office (ข้อ 5.4)', async () => {
    expect(
      (await arrive(s.officer, 'reappoint', DEMO_ACCOUNTS.owner.nationalId, 'SCH-40-002')).statusCode,
    ).toBe(409);
    const r = await arrive(s.officer, 'reappoint', teacherNid, 'SCH-40-002');
    expect(r.statusCode).toBe(201);
    const v = (await read(s.officer, teacher)).json();
    expect([v.person.status, v.person.office.code]).toEqual(['active', 'SCH-40-002']);
    expect((await read(s.otherOfficer, teacher)).statusCode).toBe(404);
    const hist = (await t.call(s.officer, { url: `/api/v1/people/${teacher}/history` })).json().items;
    expect(hist.some((h: { field: string; to: string }) => h.field === 'status' && h.to === 'active')).toBe(
      true,
    );
  });

  it('ให้โอน / รับโอน between agencies (ข้อ 5.2.2): the record moves only when the new office receives it', async () => {
    const p = await teacherOf(t.h, 'SCH-40-002');
    const body = async (over: object = {}) => ({
      number: 'โอน-1/2569',
      orderDate: today,
      toOfficeId: await officeId('SCH-40-101'),
      entry: { ...SAMPLES.service, effectiveDate: today, positionTitle: 'ครู (ให้โอน)' },
      ...over,
    });
    const out = (payload: object, who = s.officer) =>
      t.call(who, { method: 'POST', url: `/api/v1/people/${p}/transfer-out`, payload });
    expect((await out(await body(), s.certifier)).statusCode).toBe(403);
    expect((await out(await body({ toOfficeId: await officeId('SCH-40-002') }))).statusCode).toBe(400);
    const r = await out(await body());
    expect(r.statusCode).toBe(201);
    const { caseId } = r.json();
    // Still the old office's until received.
    expect((await read(s.officer, p)).statusCode).toBe(200);
    expect((await read(s.otherOfficer, p)).statusCode).toBe(404);
    const receive = (who: Session) =>
      t.call(who, {
        method: 'POST',
        url: `/api/v1/transfers/${caseId}/receive`,
        payload: {
          number: 'รับโอน-1/2569',
          orderDate: today,
          entry: { ...SAMPLES.service, effectiveDate: today },
        },
      });
    expect((await receive(s.officer)).statusCode).toBe(404);
    const n = (await read(s.officer, p)).json().items.service.length;
    const got = await receive(s.otherOfficer);
    expect(got.statusCode).toBe(201);
    expect((await read(s.officer, p)).statusCode).toBe(404);
    const v = (await read(s.otherOfficer, p)).json();
    expect(v.person.office.code).toBe('SCH-40-101');
    expect(v.items.service.length).toBe(n + 1);
    expect(v.items.service.map((e: { note: string | null }) => e.note)).toEqual(
      expect.arrayContaining(['ให้โอน', 'รับโอน']),
    );
    expect((await receive(s.otherOfficer)).statusCode).toBe(409);
    const c = (await t.call(s.otherOfficer, { url: `/api/v1/workflows/cases/${caseId}` })).json();
    expect([c.status, c.steps.map((x: { action: string }) => x.action)]).toEqual([
      'received',
      ['transferOut', 'receive'],
    ]);
  });

  it('รับโอน from another service (ข้อ 5.2.4): built from the old ก.พ.๗, history before 1 Apr 2565 in reference mode', async () => {
    const nid = '190990000099';
    const check = nationalIdCheckDigit(nid);
    const payload = async (office: string) => ({
      nationalId: `${nid}${check}`,
      officeId: await officeId(office),
      number: 'รับโอน-ภายนอก 1/2569',
      orderDate: today,
      name: { prefix: 'นาย', firstName: 'สมพงษ์', lastName: 'ใจกล้า' },
      birthDate: '1990-05-05',
      appointmentDate: '2015-06-01',
      scanDocumentIds: ['00000000-0000-4000-8000-000000000003'],
      history: [
        {
          effectiveDate: '2015-06-01',
          positionTitle: 'นักวิชาการศึกษา',
          agency: 'เทศบาลนครขอนแก่น',
          referenceDocument: 'ก.พ.๗ หน้า 1',
        },
        {
          ...SAMPLES.service,
          effectiveDate: '2023-10-01',
          positionTitle: 'นักวิชาการศึกษาชำนาญการ',
          agency: 'เทศบาลนครขอนแก่น',
        },
      ],
      entry: { ...SAMPLES.service, effectiveDate: today },
    });
    expect(
      (
        await t.call(s.officer, {
          method: 'POST',
          url: '/api/v1/transfers/receive-external',
          payload: await payload('SCH-40-101'),
        })
      ).statusCode,
    ).toBe(403);
    const r = await t.call(s.officer, {
      method: 'POST',
      url: '/api/v1/transfers/receive-external',
      payload: await payload('SCH-40-003'),
    });
    expect(r.statusCode).toBe(201);
    const v = (await read(s.officer, r.json().personId)).json();
    expect(v.person.displayName).toBe('นายสมพงษ์ ใจกล้า');
    const modes = v.items.service.map((e: { effectiveDate: string; mode: string }) => [
      e.effectiveDate,
      e.mode,
    ]);
    expect(modes).toEqual(
      expect.arrayContaining([
        ['2015-06-01', 'reference'],
        ['2023-10-01', 'current'],
        [today, 'current'],
      ]),
    );
    expect(
      (
        await t.call(s.officer, {
          method: 'POST',
          url: '/api/v1/transfers/receive-external',
          payload: await payload('SCH-40-003'),
        })
      ).statusCode,
    ).toBe(409);
  });
});
