import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { contentHash, teacherOf } from '../support/people.ts';

let t: TestApp;
let ac: Session;
let officeId: string;
let otherOfficeId: string;
const userId = async (nationalId: string) =>
  (await t.h.query<{ id: string }>('select id from users where national_id = $1', [nationalId]))[0]!.id;
const officeIdOf = async (code: string) =>
  (await t.h.query<{ id: string }>('select id from offices where code = $1', [code]))[0]!.id;

beforeAll(async () => {
  t = await createTestApp();
  ac = await t.login('accessController');
  officeId = await officeIdOf('SPP-KK1');
  otherOfficeId = await officeIdOf('SPM-KK');
});
afterAll(async () => t?.close());

describe('granting roles (ข้อ 2.2)', () => {
  it('an access controller grants a clerk role in its own office; it takes effect at the next request', async () => {
    const target = await userId(DEMO_ACCOUNTS.districtDirector.nationalId);
    const teacher = await teacherOf(t.h, 'SCH-40-003');
    // (Not the certifier: entering and certifying stay apart, ADR 0110.)
    const director = await t.login('districtDirector');
    // Before: the district director reads the teacher but cannot edit anything.
    const before = await t.call(director, {
      method: 'POST',
      url: `/api/v1/people/${teacher}/items/others`,
      payload: { category: 'other', text: 'x' },
    });
    expect(before.statusCode).toBe(403);
    const grant = await t.call(ac, {
      method: 'POST',
      url: '/api/v1/access/assignments',
      payload: {
        userId: target,
        role: 'data_entry_clerk',
        officeId,
        startDate: '2026-01-01',
        itemKeys: ['others'],
      },
    });
    expect(grant.statusCode).toBe(201);
    const after = await t.call(director, {
      method: 'POST',
      url: `/api/v1/people/${teacher}/items/others`,
      payload: { category: 'other', text: 'x' },
    });
    expect(after.statusCode).toBe(201);
    // Revocation is immediate: the same open session loses the right on its next request.
    const rev = await t.call(ac, {
      method: 'POST',
      url: `/api/v1/access/assignments/${grant.json().id}/revoke`,
      payload: { reason: 'ย้ายหน้าที่' },
    });
    expect(rev.statusCode).toBe(200);
    const again = await t.call(director, {
      method: 'POST',
      url: `/api/v1/people/${teacher}/items/others`,
      payload: { category: 'other', text: 'y' },
    });
    expect(again.statusCode).toBe(403);
    const list = (await t.call(ac, { url: '/api/v1/access/assignments?includeRevoked=true' })).json().items;
    expect(list.find((a: { id: string }) => a.id === grant.json().id)).toMatchObject({
      roleTh: 'ผู้บันทึกรายการทะเบียนประวัติ',
      itemKeys: ['others'],
    });
    expect(list.find((a: { id: string }) => a.id === grant.json().id).revokedAt).not.toBeNull();
  });

  it('nobody grants themselves anything', async () => {
    const before = await contentHash(t.h);
    const res = await t.call(ac, {
      method: 'POST',
      url: '/api/v1/access/assignments',
      payload: {
        userId: ac.userId,
        role: 'records_officer',
        officeId,
        startDate: '2026-01-01',
        personIds: [await teacherOf(t.h, 'SCH-40-003')],
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('ไม่สามารถกำหนดสิทธิ์ให้ตนเองได้');
    expect(await contentHash(t.h)).toBe(before);
  });

  it('an access controller cannot grant in another office, nor grant roles other than officer and clerk', async () => {
    const other = await userId(DEMO_ACCOUNTS.otherOfficer.nationalId);
    const r1 = await t.call(ac, {
      method: 'POST',
      url: '/api/v1/access/assignments',
      payload: {
        userId: other,
        role: 'data_entry_clerk',
        officeId: otherOfficeId,
        startDate: '2026-01-01',
        itemKeys: ['training'],
      },
    });
    expect(r1.statusCode).toBe(403);
    const mate = await userId(DEMO_ACCOUNTS.districtDirector.nationalId);
    const r2 = await t.call(ac, {
      method: 'POST',
      url: '/api/v1/access/assignments',
      payload: { userId: mate, role: 'access_controller', officeId, startDate: '2026-01-01' },
    });
    expect(r2.statusCode).toBe(403);
  });

  it('grants only to the office’s own staff and over its own people', async () => {
    const outsider = await userId(DEMO_ACCOUNTS.otherOwner.nationalId);
    const r = await t.call(ac, {
      method: 'POST',
      url: '/api/v1/access/assignments',
      payload: {
        userId: outsider,
        role: 'data_entry_clerk',
        officeId,
        startDate: '2026-01-01',
        itemKeys: ['training'],
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0].field).toBe('userId');
    const mate = await userId(DEMO_ACCOUNTS.districtDirector.nationalId);
    const r2 = await t.call(ac, {
      method: 'POST',
      url: '/api/v1/access/assignments',
      payload: {
        userId: mate,
        role: 'records_officer',
        officeId,
        startDate: '2026-01-01',
        personIds: [await teacherOf(t.h, 'SCH-40-101')],
      },
    });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.fields[0].field).toBe('personIds');
  });

  it('OTEPC appoints an office’s access controller', async () => {
    const otepc = await t.login('otepcController');
    const mate = await userId(DEMO_ACCOUNTS.officeController.nationalId);
    const r = await t.call(otepc, {
      method: 'POST',
      url: '/api/v1/access/assignments',
      payload: {
        userId: mate,
        role: 'access_controller',
        officeId,
        startDate: '2026-01-01',
        endDate: '2027-09-30',
        reference: 'หนังสือ สพป.ขก.1 ที่ 123/2569',
      },
    });
    expect(r.statusCode).toBe(201);
    const review = await t.call(otepc, {
      method: 'POST',
      url: `/api/v1/access/assignments/${r.json().id}/review`,
    });
    expect(review.statusCode).toBe(200);
    const mine = await t.login('officeController');
    expect((await t.call(mine, { url: '/api/v1/access/assignments' })).statusCode).toBe(200);
  });

  it('an assignment that has ended no longer grants anything', async () => {
    const officer = await t.login('officer');
    const teacher = await teacherOf(t.h, 'SCH-40-001');
    expect((await t.call(officer, { url: `/api/v1/people/${teacher}/record` })).statusCode).toBe(200);
    await t.h.query(
      `update role_assignments set end_date = current_date where user_id = (select id from users where national_id = $1)`,
      [DEMO_ACCOUNTS.officer.nationalId],
    );
    expect((await t.call(officer, { url: `/api/v1/people/${teacher}/record` })).statusCode).toBe(404);
  });

  it('finds users of the office to grant roles to', async () => {
    const res = await t.call(ac, {
      method: 'POST',
      url: '/api/v1/access/users/search',
      payload: { officeId, q: 'สุรชัย' },
    });
    expect(res.json().items.map((u: { displayName: string }) => u.displayName)).toEqual(['นายสุรชัย มั่นคง']);
    const other = await t.call(ac, {
      method: 'POST',
      url: '/api/v1/access/users/search',
      payload: { officeId: otherOfficeId, q: '' },
    });
    expect(other.statusCode).toBe(403);
  });
});
