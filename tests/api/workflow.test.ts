/**
 * Workflow core and correction/addition routing (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 4.1–4.3): every
 * transition and refusal through the real HTTP stack, and business-day deadlines computed from
 * the real holiday rows (seeded from data/reference/holidays, editable by OTEPC).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../../src/domain/fiscal-year.ts';
import { todayInBangkok } from '../../src/domain/iso-date.ts';
import {
  assertTransition,
  dueDate,
  routeCorrection,
  type TransitionError,
} from '../../src/domain/workflow/index.ts';
import { loadHolidays } from '../../src/server/modules/workflows/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { SAMPLES } from '../support/samples.ts';

let t: TestApp;
let s: Record<
  'owner' | 'officer' | 'districtDirector' | 'otepcController' | 'otherOfficer' | 'certifier' | 'clerk',
  Session
>;

beforeAll(async () => {
  t = await createTestApp();
  s = {
    owner: await t.login('owner'),
    officer: await t.login('officer'),
    districtDirector: await t.login('districtDirector'),
    otepcController: await t.login('otepcController'),
    otherOfficer: await t.login('otherOfficer'),
    certifier: await t.login('certifier'),
    clerk: await t.login('clerk'),
  };
});
afterAll(async () => t?.close());

const file = (who: Session, personId: string, changes: unknown[], extra: object = {}) =>
  t.call(who, {
    method: 'POST',
    url: `/api/v1/people/${personId}/correction-requests`,
    payload: { changes, ...extra },
  });
const act = (who: Session, c: { id: string; version: number }, action: string, extra: object = {}) =>
  t.call(who, {
    method: 'POST',
    url: `/api/v1/workflows/cases/${c.id}/actions`,
    payload: { action, version: c.version, ...extra },
  });
const record = async (personId: string) =>
  (await t.call(s.officer, { url: `/api/v1/people/${personId}/record` })).json();
const queue = async (who: Session) => (await t.call(who, { url: '/api/v1/workflows/queue' })).json();

describe('business days from the real holiday table', () => {
  it('skips Songkran 2569 and the New Year 2569 holidays, and crosses a fiscal year', async () => {
    const h = await loadHolidays(t.h.db);
    expect(h.has('2026-04-13') && h.has('2026-01-02')).toBe(true);
    // Friday 10 Apr 2026 + 1 business day: 13–15 Apr Songkran, so Thursday 16 Apr.
    expect(dueDate('2026-04-10', 1, h)).toBe('2026-04-16');
    expect(dueDate('2026-04-10', 5, h)).toBe('2026-04-22');
    // Tuesday 30 Dec 2025 + 1: 31 Dec, 1 Jan, 2 Jan (special day) and the weekend are off.
    expect(dueDate('2025-12-30', 1, h)).toBe('2026-01-05');
    // Monday 28 Sep 2026 (FY 2569) + 5 business days lands in FY 2570.
    const d = dueDate('2026-09-28', 5, h);
    expect(d).toBe('2026-10-05');
    expect([fiscalYearOf('2026-09-28'), fiscalYearOf(d)]).toEqual([2569, 2570]);
  });

  it('follows an edit of the holiday table by the OTEPC data controller', async () => {
    const put = await t.call(s.otepcController, {
      method: 'PUT',
      url: '/api/v1/reference/holidays/2026-04-16',
      payload: { nameTh: 'วันหยุดพิเศษ (ทดสอบ)', kind: 'special' },
    });
    expect(put.statusCode).toBe(200);
    expect(dueDate('2026-04-10', 1, await loadHolidays(t.h.db))).toBe('2026-04-17');
    await t.call(s.otepcController, { method: 'DELETE', url: '/api/v1/reference/holidays/2026-04-16' });
    expect(dueDate('2026-04-10', 1, await loadHolidays(t.h.db))).toBe('2026-04-16');
  });
});

describe('routing and assertTransition (pure)', () => {
  it('routes by what is changed', () => {
    expect(routeCorrection([{ item: 'personal', field: 'birthDate', to: '1990-01-01' }])).toBe(
      'correction.birthDate',
    );
    expect(routeCorrection([{ item: 'personal', field: 'appointmentDate', to: '2015-01-01' }])).toBe(
      'correction.appointmentDate',
    );
    expect(routeCorrection([{ item: 'personal', field: 'bloodGroup', to: 'A' }])).toBe('correction.other');
    expect(routeCorrection([{ item: 'names', entryId: 'x', data: {} }])).toBe('correction.other');
    expect(routeCorrection([{ item: 'training', data: {} }])).toBe('addition');
    expect(
      routeCorrection([
        { item: 'personal', field: 'birthDate', to: '1990-01-01' },
        { item: 'training', data: {} },
      ]),
    ).toBe('mixedAuthority');
    expect(routeCorrection([])).toBe('empty');
  });

  it('refuses unknown actions, wrong roles and self-approval', () => {
    const ctx = (roles: string[], isSubject = false, isFiler = false) => ({
      roles: new Set(roles) as never,
      isSubject,
      isFiler,
    });
    const code = (f: () => unknown) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return (e as TransitionError).code;
      }
    };
    expect(code(() => assertTransition('addition', 'submitted', 'approve', ctx(['director'])))).toBe('ok');
    expect(code(() => assertTransition('addition', 'submitted', 'apply', ctx(['records_officer'])))).toBe(
      'unknownAction',
    );
    expect(code(() => assertTransition('addition', 'submitted', 'approve', ctx(['records_officer'])))).toBe(
      'wrongRole',
    );
    expect(code(() => assertTransition('addition', 'submitted', 'approve', ctx(['director'], true)))).toBe(
      'selfApproval',
    );
    expect(
      code(() => assertTransition('addition', 'submitted', 'approve', ctx(['director'], false, true))),
    ).toBe('selfApproval');
    expect(
      code(() => assertTransition('correction.birthDate', 'awaiting_kks', 'apply', ctx(['director']))),
    ).toBe('wrongRole');
  });
});

describe('corrections and additions through the API', () => {
  it('date of birth: agency forwards to ก.ค.ศ., OTEPC applies with the resolution (ข้อ 4.2.1)', async () => {
    const pid = s.owner.personId!;
    const before = await record(pid);
    const filed = await file(s.owner, pid, [{ item: 'personal', field: 'birthDate', to: '1991-02-03' }], {
      documentIds: ['00000000-0000-4000-8000-000000000001'],
      note: 'สูติบัตรระบุวันเกิดไม่ตรงกับทะเบียนประวัติ',
    });
    expect(filed.statusCode).toBe(201);
    let c = filed.json();
    expect([c.kind, c.status, c.allowed]).toEqual(['correction.birthDate', 'submitted', ['withdraw']]);
    expect((await record(pid)).person.birthDate).toBe(before.person.birthDate);
    // The director's queue has it; the records officer may not forward it.
    expect((await queue(s.districtDirector)).waiting.map((e: { id: string }) => e.id)).toContain(c.id);
    expect((await act(s.officer, c, 'forward')).statusCode).toBe(403);
    expect((await act(s.otherOfficer, c, 'forward')).statusCode).toBe(404);
    expect((await act(s.districtDirector, c, 'apply')).statusCode).toBe(409);
    const fwd = await act(s.districtDirector, c, 'forward');
    expect(fwd.statusCode).toBe(200);
    c = fwd.json();
    expect(c.status).toBe('awaiting_kks');
    // Only สำนักงาน ก.ค.ศ. applies, and only with the ก.ค.ศ. resolution as reference.
    expect((await act(s.districtDirector, c, 'apply', { reference: 'มติ ก.ค.ศ. 1/2569' })).statusCode).toBe(
      403,
    );
    const noRef = await act(s.otepcController, c, 'apply');
    expect(noRef.statusCode).toBe(400);
    expect(noRef.json().error.fields[0].field).toBe('reference');
    expect((await act(s.otepcController, { ...c, version: 1 }, 'apply', { reference: 'x' })).statusCode).toBe(
      409,
    );
    const applied = await act(s.otepcController, c, 'apply', { reference: 'มติ ก.ค.ศ. ครั้งที่ 1/2569' });
    expect(applied.statusCode).toBe(200);
    c = applied.json();
    expect([c.status, c.closedAt !== null, c.allowed]).toEqual(['applied', true, []]);
    expect(c.steps.map((x: { action: string }) => x.action)).toEqual(['submit', 'forward', 'apply']);
    const after = await record(pid);
    expect(after.person.birthDate).toBe('1991-02-03');
    expect(after.person.recordVersion).toBe(before.person.recordVersion + 1);
    // Item 27 shows the change, and the audit event links the request.
    const hist = (await t.call(s.officer, { url: `/api/v1/people/${pid}/history` })).json().items;
    expect(hist.find((r: { field: string }) => r.field === 'birthDate')).toMatchObject({
      from: before.person.birthDate,
      to: '1991-02-03',
    });
    const [ev] = await t.h.query<{ payload: string }>(
      `select payload from audit_events where event_type = 'record.personal.corrected' and person_id = $1`,
      [pid],
    );
    expect(JSON.parse(ev!.payload).data.caseId).toBe(c.id);
    expect((await act(s.otepcController, c, 'apply', { reference: 'x' })).statusCode).toBe(409);
  });

  it('appointment date: the director approves with the อ.ก.ค.ศ. reference, the officer records within 5 business days (ข้อ 4.2.2)', async () => {
    const pid = s.owner.personId!;
    let c = (
      await file(s.owner, pid, [{ item: 'personal', field: 'appointmentDate', to: '2015-05-18' }])
    ).json();
    expect(c.kind).toBe('correction.appointmentDate');
    expect((await act(s.districtDirector, c, 'approve')).statusCode).toBe(400);
    expect((await act(s.officer, c, 'approve', { reference: 'อ.ก.ค.ศ. 2/2569' })).statusCode).toBe(403);
    c = (await act(s.districtDirector, c, 'approve', { reference: 'มติ อ.ก.ค.ศ. เขตพื้นที่ ครั้งที่ 2/2569' })).json();
    expect(c.status).toBe('approved');
    const h = await loadHolidays(t.h.db);
    expect(c.stepDueDate).toBe(dueDate(todayInBangkok(), 5, h));
    expect((await queue(s.officer)).waiting.map((e: { id: string }) => e.id)).toContain(c.id);
    // Made overdue: it shows in the officer's overdue queue, and the step is recorded as late.
    await t.h.query(`update workflow_cases set step_due_date = '2026-01-05' where id = $1`, [c.id]);
    const q = await queue(s.officer);
    expect(q.overdue.map((e: { id: string }) => e.id)).toContain(c.id);
    c = (await act(s.officer, c, 'apply')).json();
    expect(c.status).toBe('applied');
    expect(c.steps.at(-1)).toMatchObject({ action: 'apply', late: true, dueDate: '2026-01-05' });
    expect((await record(pid)).person.appointmentDate).toBe('2015-05-18');
  });

  it('other data: officer verifies or returns with reasons, director orders, officer records (ข้อ 4.2.3)', async () => {
    const pid = s.owner.personId!;
    const rec = await record(pid);
    const name = rec.items.names.at(-1);
    const { id: entryId, version: _v, ...data } = name;
    const wanted = { ...data, lastName: 'ใจงาม' };
    let c = (await file(s.owner, pid, [{ item: 'names', entryId, data: wanted }])).json();
    expect(c.kind).toBe('correction.other');
    expect((await act(s.districtDirector, c, 'verify')).statusCode).toBe(403);
    expect((await act(s.officer, c, 'return')).statusCode).toBe(400);
    c = (await act(s.officer, c, 'return', { reason: 'ไม่พบหลักฐานการเปลี่ยนชื่อสกุล' })).json();
    expect(c.status).toBe('returned');
    expect((await queue(s.owner)).returned.map((e: { id: string }) => e.id)).toContain(c.id);
    expect((await act(s.officer, c, 'resubmit')).statusCode).toBe(403);
    c = (await act(s.owner, c, 'resubmit')).json();
    c = (await act(s.officer, c, 'verify')).json();
    expect(c.status).toBe('verified');
    c = (await act(s.districtDirector, c, 'approve')).json();
    expect((await record(pid)).items.names.at(-1).lastName).toBe(name.lastName);
    c = (await act(s.officer, c, 'apply')).json();
    expect(c.status).toBe('applied');
    expect((await record(pid)).items.names.at(-1).lastName).toBe('ใจงาม');
  });

  it('additions: the director approves, the officer records (ข้อ 4.3); withdrawal ends a case', async () => {
    const pid = s.owner.personId!;
    const n = (await record(pid)).items.training.length;
    let c = (await file(s.owner, pid, [{ item: 'training', data: SAMPLES.training }])).json();
    expect(c.kind).toBe('addition');
    c = (await act(s.districtDirector, c, 'approve')).json();
    c = (await act(s.officer, c, 'apply')).json();
    expect(c.status).toBe('applied');
    expect((await record(pid)).items.training.length).toBe(n + 1);
    const w = (await file(s.owner, pid, [{ item: 'training', data: SAMPLES.training }])).json();
    expect((await act(s.owner, w, 'withdraw')).json().status).toBe('withdrawn');
  });

  it('refuses self-approval, filing for someone else, mixed authorities and bad data', async () => {
    // The district director files an addition to his own record, then tries to approve it.
    const own = s.districtDirector.personId!;
    const c = (await file(s.districtDirector, own, [{ item: 'training', data: SAMPLES.training }])).json();
    const r = await act(s.districtDirector, c, 'approve');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('selfApproval');
    expect(
      (await file(s.officer, s.owner.personId!, [{ item: 'training', data: SAMPLES.training }])).statusCode,
    ).toBe(403);
    expect((await file(s.otherOfficer, s.owner.personId!, [])).statusCode).toBe(404);
    const mixed = await file(s.owner, s.owner.personId!, [
      { item: 'personal', field: 'birthDate', to: '1990-01-01' },
      { item: 'training', data: SAMPLES.training },
    ]);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.fields[0].messageKey).toBe('err.mixedAuthority');
    const bad = await file(s.owner, s.owner.personId!, [
      { item: 'personal', field: 'birthDate', to: '1990-02-30' },
    ]);
    expect(bad.statusCode).toBe(400);
    expect((await file(s.owner, s.owner.personId!, [])).statusCode).toBe(400);
  });

  it('cases outside the caller’s scope do not exist for them', async () => {
    const c = (await file(s.owner, s.owner.personId!, [{ item: 'training', data: SAMPLES.training }])).json();
    expect((await t.call(s.otherOfficer, { url: `/api/v1/workflows/cases/${c.id}` })).statusCode).toBe(404);
    expect((await queue(s.otherOfficer)).waiting.map((e: { id: string }) => e.id)).not.toContain(c.id);
    const seen = await t.call(s.certifier, { url: `/api/v1/workflows/cases/${c.id}` });
    expect([seen.statusCode, seen.json().allowed]).toEqual([200, []]);
  });
});
