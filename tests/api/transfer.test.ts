/**
 * Moves, removal and re-appointment (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 5.2.1, 5.3, 5.4) and access
 * following position (ข้อ 2.2.3): the new office records, the record moves with its history,
 * the old office stops seeing it at once, and the person's own roles end in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBangkok } from '../../src/domain/iso-date.ts';
import { nationalIdCheckDigit } from '../../src/domain/national-id.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { isOneOpenTransferViolation } from '../../src/server/modules/transfers/commands/service-state.ts';
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
const citation = (number: string) => ({
  number,
  orderDate: today,
  issuingAuthority: 'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น',
});
const arrive = async (
  who: Session,
  path: 'move' | 'reappoint',
  nationalId: string,
  office: string,
  over: object = {},
) =>
  t.call(who, {
    method: 'POST',
    url: `/api/v1/transfers/${path}`,
    payload: {
      nationalId,
      officeId: await officeId(office),
      ...citation(`${path}-1/2569`),
      entry: { ...SAMPLES.service, effectiveDate: today },
      ...over,
    },
  });
const decide = (who: Session, caseId: string, what: 'confirm' | 'dispute', reason?: string) =>
  t.call(who, {
    method: 'POST',
    url: `/api/v1/transfers/moves/${caseId}/${what}`,
    payload: what === 'dispute' ? { reason } : {},
  });
const moves = async (who: Session) => (await t.call(who, { url: '/api/v1/transfers/moves' })).json();
/** A move requested by `by` into `office` and confirmed by the holding office's `holder`. */
const move = async (by: Session, holder: Session, nationalId: string, office: string) => {
  const r = await arrive(by, 'move', nationalId, office);
  expect(r.statusCode).toBe(202);
  const ok = await decide(holder, r.json().caseId, 'confirm');
  expect(ok.statusCode).toBe(200);
  return ok;
};

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
  it('a move must cite its order: number, a real date not in the future, the issuing authority', async () => {
    const before = await t.h.query<{ n: number }>('select count(*)::int as n from workflow_cases');
    const bad = async (over: object) => {
      const r = await arrive(s.otherOfficer, 'move', teacherNid, 'SCH-40-101', over);
      expect(r.statusCode).toBe(400);
      return r.json().error.fields as { field: string; message: string }[];
    };
    expect(await bad({ issuingAuthority: undefined })).toEqual([
      expect.objectContaining({ field: 'issuingAuthority', message: 'ผู้ออกคำสั่ง: ต้องกรอก' }),
    ]);
    expect((await bad({ number: '  ' }))[0]!.field).toBe('number');
    // A B.E. year typed as ISO (2569-…), a day after today, year 1, 31 February.
    for (const orderDate of ['2569-01-15', '9999-12-31', '0001-01-01', '2026-02-31'])
      expect((await bad({ orderDate }))[0]).toEqual(
        expect.objectContaining({ field: 'orderDate', message: expect.stringMatching(/^ลงวันที่ \(คำสั่ง\): /) }),
      );
    const [tomorrow] = await t.h.query<{ d: string }>(`select to_char(($1::date + 1), 'YYYY-MM-DD') as d`, [
      today,
    ]);
    expect((await bad({ orderDate: tomorrow!.d }))[0]!.message).toContain('ต้องไม่เลยวันนี้');
    expect(await t.h.query<{ n: number }>('select count(*)::int as n from workflow_cases')).toEqual(before);
  });

  it('a move into another office waits for the holding office: no grab of a record one cannot see (issue 17)', async () => {
    expect((await read(s.officer, teacher)).statusCode).toBe(200);
    expect((await read(s.otherOfficer, teacher)).statusCode).toBe(404);
    // Only the records officer of the receiving office records the move.
    expect((await arrive(s.officer, 'move', teacherNid, 'SCH-40-101')).statusCode).toBe(403);
    expect((await arrive(s.certifier, 'move', teacherNid, 'SCH-40-001')).statusCode).toBe(403);
    const before = (await read(s.officer, teacher)).json();
    const r = await arrive(s.otherOfficer, 'move', teacherNid, 'SCH-40-101');
    // Today's code moved the record at once (201) and gave the requester the whole record.
    expect(r.statusCode).toBe(202);
    const { caseId } = r.json();
    expect(r.json()).toEqual({
      caseId,
      status: 'awaiting_confirmation',
      statusTh: 'สังกัดใหม่บันทึกคำสั่งย้ายแล้ว รอสังกัดเดิมยืนยัน',
      personName: before.person.displayName,
    });
    expect((await read(s.otherOfficer, teacher)).statusCode).toBe(404);
    expect((await t.call(s.otherOfficer, { url: `/api/v1/people/${teacher}/history` })).statusCode).toBe(404);
    expect((await t.call(s.otherOfficer, { url: `/api/v1/workflows/cases/${caseId}` })).statusCode).toBe(404);
    expect((await read(s.officer, teacher)).json().person.office.code).toBe('SCH-40-001');
    // The requester sees the name and the status only; no record id, no record content.
    const mine = (await moves(s.otherOfficer)).requested.find((m: { caseId: string }) => m.caseId === caseId);
    expect(Object.keys(mine).sort()).toEqual(
      [
        'caseId',
        'closedAt',
        'createdAt',
        'disputeReason',
        'fromOffice',
        'order',
        'personName',
        'requestedBy',
        'status',
        'statusTh',
        'toOffice',
      ].sort(),
    );
    expect(JSON.stringify(mine)).not.toContain(teacher);
    expect((await moves(s.otherOfficer)).holding).toEqual([]);
    // The holding office sees it, with the citation, and may act on it.
    const held = (await moves(s.officer)).holding.find((m: { caseId: string }) => m.caseId === caseId);
    expect(held).toMatchObject({
      personId: teacher,
      canDecide: true,
      toOffice: 'โรงเรียนขอนแก่นวิทยายน',
      order: citation('move-1/2569'),
    });
    expect((await moves(s.certifier)).holding).toEqual([]);
    // Only the holding office's records officer decides: the requester 403, others 404.
    expect((await decide(s.otherOfficer, caseId, 'confirm')).statusCode).toBe(403);
    expect((await decide(s.certifier, caseId, 'confirm')).statusCode).toBe(404);
    expect((await decide(s.districtDirector, caseId, 'confirm')).statusCode).toBe(404);
    // The citation is stored with the move and in its audit event.
    const [ev] = await t.h.query<{ payload: string }>(
      `select payload from audit_events where event_type = 'transfer.move.requested' and entity_id = $1`,
      [caseId],
    );
    expect(JSON.parse(ev!.payload).data.order).toEqual({ ...citation('move-1/2569'), documentId: null });
    const ok = await decide(s.officer, caseId, 'confirm');
    expect([ok.statusCode, ok.json().status]).toEqual([200, 'confirmed']);
    expect((await read(s.officer, teacher)).statusCode).toBe(404);
    expect((await read(s.districtDirector, teacher)).statusCode).toBe(404);
    const after = (await read(s.otherOfficer, teacher)).json();
    expect(after.person.office.code).toBe('SCH-40-101');
    // History moved with the record, plus the move entry linked to its order, citing the authority.
    expect(after.items.service.length).toBe(before.items.service.length + 1);
    const [row] = await t.h.query<{ order_id: string }>(
      'select order_id from person_service where person_id = $1 and order_id is not null',
      [teacher],
    );
    expect(row!.order_id).toBe(ok.json().orderId);
    expect(JSON.stringify(after.items.service)).toContain(
      'คำสั่ง สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น move-1/2569',
    );
    expect((await decide(s.officer, caseId, 'confirm')).statusCode).toBe(404);
    expect((await decide(s.otherOfficer, caseId, 'confirm')).statusCode).toBe(409);
    const [ev2] = await t.h.query<{ payload: string }>(
      `select payload from audit_events where event_type = 'transfer.move.confirmed' and entity_id = $1`,
      [caseId],
    );
    expect(JSON.parse(ev2!.payload).data.order.issuingAuthority).toBe(citation('x').issuingAuthority);
    const moved = await arrive(s.otherOfficer, 'move', teacherNid, 'SCH-40-101');
    expect([moved.statusCode, moved.json().error.fields[0].field]).toEqual([400, 'officeId']);
  });

  it('the holding office disputes an erroneous move: nothing changes, the requester reads why', async () => {
    const p = await teacherOf(t.h, 'SCH-40-001', 3);
    const nid = (
      await t.h.query<{ n: string }>('select national_id as n from persons where id = $1', [p])
    )[0]!.n;
    const version = (await read(s.officer, p)).json().person.version;
    const r = await arrive(s.otherOfficer, 'move', nid, 'SCH-40-101');
    expect(r.statusCode).toBe(202);
    const { caseId } = r.json();
    // A second move of the same person while the first is open: refused, naming why.
    const again = await arrive(s.otherOfficer, 'move', nid, 'SCH-40-102');
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'transferOpen']);
    expect(again.json().error.message).toContain('มีเรื่องย้ายหรือโอนที่ยังไม่เสร็จอยู่แล้ว');
    expect((await decide(s.officer, caseId, 'dispute', '  ')).statusCode).toBe(400);
    expect((await decide(s.otherOfficer, caseId, 'dispute', 'x')).statusCode).toBe(403);
    const d = await decide(s.officer, caseId, 'dispute', 'ไม่มีคำสั่งย้ายนี้ ผู้ถูกย้ายยังปฏิบัติราชการที่โรงเรียนบ้านหนองบัว');
    expect([d.statusCode, d.json().status]).toEqual([200, 'disputed']);
    const v = (await read(s.officer, p)).json();
    expect([v.person.office.code, v.person.version]).toEqual(['SCH-40-001', version]);
    expect((await read(s.otherOfficer, p)).statusCode).toBe(404);
    const mine = (await moves(s.otherOfficer)).requested.find((m: { caseId: string }) => m.caseId === caseId);
    expect(mine).toMatchObject({
      status: 'disputed',
      statusTh: 'สังกัดเดิมโต้แย้งคำสั่งย้าย ทะเบียนประวัติไม่ย้าย',
      disputeReason: 'ไม่มีคำสั่งย้ายนี้ ผู้ถูกย้ายยังปฏิบัติราชการที่โรงเรียนบ้านหนองบัว',
    });
    expect((await decide(s.officer, caseId, 'confirm')).statusCode).toBe(409);
    // Closed: a corrected move may be requested again.
    expect((await arrive(s.otherOfficer, 'move', nid, 'SCH-40-101')).statusCode).toBe(202);
    // …and while it is open the holding office may neither transfer out nor remove the person.
    const out = await t.call(s.officer, {
      method: 'POST',
      url: `/api/v1/people/${p}/transfer-out`,
      payload: { ...citation('โอน-9/2569'), toOfficeId: await officeId('SCH-40-102') },
    });
    expect([out.statusCode, out.json().error.code]).toEqual([409, 'transferOpen']);
    const rm = await t.call(s.officer, {
      method: 'POST',
      url: `/api/v1/people/${p}/removal`,
      payload: { ...citation('ออก-9/2569'), reason: 'ลาออก' },
    });
    expect([rm.statusCode, rm.json().error.code]).toEqual([409, 'transferOpen']);
    expect((await read(s.officer, p)).json().person.status).toBe('active');
  });

  it('two concurrent requests cannot both open a transfer for one person (partial unique index)', async () => {
    const p = await teacherOf(t.h, 'SCH-40-001', 4);
    const nid = (
      await t.h.query<{ n: string }>('select national_id as n from persons where id = $1', [p])
    )[0]!.n;
    const out = async () =>
      t.call(s.officer, {
        method: 'POST',
        url: `/api/v1/people/${p}/transfer-out`,
        payload: { ...citation('โอน-7/2569'), toOfficeId: await officeId('SCH-40-101') },
      });
    const [a, b, c] = await Promise.all([
      arrive(s.otherOfficer, 'move', nid, 'SCH-40-101'),
      arrive(s.otherOfficer, 'move', nid, 'SCH-40-102'),
      out(),
    ]);
    const codes = [a, b, c].map((x) => x.statusCode).sort();
    expect(codes.filter((x) => x === 409)).toHaveLength(2);
    expect(codes.filter((x) => x === 201 || x === 202)).toHaveLength(1);
    const open = await t.h.query<{ n: number }>(
      `select count(*)::int as n from workflow_cases where person_id = $1 and closed_at is null`,
      [p],
    );
    expect(open[0]!.n).toBe(1);
    // The database itself refuses a second open move or transfer, whatever the command does, and
    // that refusal is what the commands answer as the same 409 (a race past the row lock).
    const err = await t.h
      .query(
        `insert into workflow_cases (kind, status, person_id, office_id, filed_by, data)
         select 'transfer', 'awaiting_receipt', id, office_id, $2, '{}'::jsonb from persons where id = $1`,
        [p, s.officer.userId],
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isOneOpenTransferViolation(err)).toBe(true);
    expect(isOneOpenTransferViolation(new Error('other'))).toBe(false);
  });

  it('access follows position: a moved school director loses his role at once (ข้อ 2.2.3)', async () => {
    const director = await personIdByNationalId(t.h, DEMO_ACCOUNTS.schoolDirector.nationalId);
    const colleague = await teacherOf(t.h, 'SCH-40-001', 1);
    expect((await read(s.schoolDirector, colleague)).statusCode).toBe(200);
    const r = await move(s.otherOfficer, s.officer, DEMO_ACCOUNTS.schoolDirector.nationalId, 'SCH-40-102');
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
    const body = { ...citation('ออก-1/2569'), reason: 'โอนไปสังกัดกระทรวงอื่น (ข้อ 5.2.3)' };
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
    // The same transfer cannot be recorded twice (issue 17: accepted three times), nor a removal on top.
    for (const again of [await out(await body()), await out(await body({ number: 'โอน-2/2569' }))])
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'transferOpen']);
    const rm = await t.call(s.officer, {
      method: 'POST',
      url: `/api/v1/people/${p}/removal`,
      payload: { ...citation('ออก-2/2569'), reason: 'ลาออก' },
    });
    expect([rm.statusCode, rm.json().error.code]).toEqual([409, 'transferOpen']);
    expect(
      (
        await t.h.query<{ n: number }>(
          `select count(*)::int as n from workflow_cases where person_id = $1 and kind = 'transfer'`,
          [p],
        )
      )[0]!.n,
    ).toBe(1);
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
