/**
 * Recording orders (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 4.4.1): every one of the 14 kinds produces the right
 * item-15 entries, due 5 business days after the order date (real holiday rows) and flagged late;
 * corrections and cancellations supersede or reverse entries and never delete history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../src/domain/business-days.ts';
import { todayInBangkok } from '../../src/domain/iso-date.ts';
import { ORDER_KIND_KEYS } from '../../src/domain/workflow/index.ts';
import { loadHolidays } from '../../src/server/modules/workflows/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';

let t: TestApp;
let officer: Session;
let pid: string;
const today = todayInBangkok();

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('officer');
  pid = await teacherOf(t.h, 'SCH-40-001');
});
afterAll(async () => t?.close());

const entry = (over: object = {}) => ({ ...SAMPLES.service, ...over });
const record = (who: Session, body: object, person = pid) =>
  t.call(who, { method: 'POST', url: `/api/v1/people/${person}/orders`, payload: body });
const service = async () =>
  (await t.call(officer, { url: `/api/v1/people/${pid}/record` })).json().items.service as {
    id: string;
    positionTitle: string;
    note: string | null;
    referenceDocument: string | null;
    salary: unknown;
  }[];

describe('orders (ข้อ 4.4.1)', () => {
  it('records each of the 12 stand-alone kinds as an item-15 entry linked to its order', async () => {
    const standalone = ORDER_KIND_KEYS.filter((k) => k !== 'correction' && k !== 'cancellation');
    expect(standalone).toHaveLength(12);
    const before = (await service()).length;
    for (const [i, kind] of standalone.entries()) {
      const r = await record(officer, {
        kind,
        number: `${100 + i}/2569`,
        orderDate: today,
        documentId: '00000000-0000-4000-8000-000000000002',
        entry: entry({ note: kind }),
      });
      expect(`${kind} ${r.statusCode}`).toBe(`${kind} 201`);
      const b = r.json();
      expect([b.order.kind, b.order.late, b.entries.length]).toEqual([kind, false, 1]);
      expect(b.entries[0].referenceDocument).toContain(`คำสั่ง ${100 + i}/2569`);
      const [row] = await t.h.query<{ order_id: string }>(
        'select order_id from person_service where id = $1',
        [b.entries[0].id],
      );
      expect(row!.order_id).toBe(b.order.id);
    }
    expect((await service()).length).toBe(before + 12);
  });

  it('is due 5 business days after the order date and flagged when recorded later', async () => {
    const h = await loadHolidays(t.h.db);
    const r = (
      await record(officer, { kind: 'salary', number: '1/2569', orderDate: '2026-04-10', entry: entry() })
    ).json();
    expect(r.order.dueDate).toBe(addBusinessDays('2026-04-10', 5, h));
    expect(r.order.dueDate).toBe('2026-04-22'); // Songkran 13–15 April skipped
    expect(r.order.late).toBe(today > '2026-04-22');
    const ontime = (
      await record(officer, { kind: 'salary', number: '2/2569', orderDate: today, entry: entry() })
    ).json();
    expect(ontime.order.late).toBe(false);
    const list = (await t.call(officer, { url: `/api/v1/people/${pid}/orders` })).json().items;
    expect(list.find((o: { id: string }) => o.id === r.order.id).late).toBe(r.order.late);
  });

  it('a correction (kind 12) supersedes the old entries and adds the corrected one; nothing is deleted', async () => {
    const a = (
      await record(officer, {
        kind: 'salary',
        number: '10/2569',
        orderDate: today,
        entry: entry({ salary: '25000.00' }),
      })
    ).json();
    const n = (await service()).length;
    const c = await record(officer, {
      kind: 'correction',
      number: '11/2569',
      orderDate: today,
      amendsOrderId: a.order.id,
      entry: entry({ salary: '25500.00' }),
    });
    expect(c.statusCode).toBe(201);
    const rows = await service();
    expect(rows.length).toBe(n + 1);
    expect(rows.find((e) => e.id === a.entries[0].id)!.note).toContain('[แก้ไขโดยคำสั่ง 11/2569]');
    const orders = (await t.call(officer, { url: `/api/v1/people/${pid}/orders` })).json().items;
    expect(orders.find((o: { id: string }) => o.id === a.order.id).status).toBe('corrected');
    // The superseding shows in item 27.
    const hist = (await t.call(officer, { url: `/api/v1/people/${pid}/history` })).json().items;
    expect(hist.some((r: { to: string | null }) => r.to?.includes('[แก้ไขโดยคำสั่ง 11/2569]'))).toBe(true);
    // A corrected order cannot be corrected again.
    const again = await record(officer, {
      kind: 'correction',
      number: '12/2569',
      orderDate: today,
      amendsOrderId: a.order.id,
      entry: entry(),
    });
    expect(again.statusCode).toBe(400);
  });

  it('a cancellation (kind 13) marks the entries and adds a reversal to the position before', async () => {
    const prev = (await service()).at(-1)!;
    const moved = (
      await record(officer, {
        kind: 'move',
        number: '20/2569',
        orderDate: today,
        entry: entry({ effectiveDate: '2027-06-01', positionTitle: 'ครู (ย้าย)' }),
      })
    ).json();
    const n = (await service()).length;
    const c = await record(officer, {
      kind: 'cancellation',
      number: '21/2569',
      orderDate: today,
      amendsOrderId: moved.order.id,
    });
    expect(c.statusCode).toBe(201);
    const reversal = c.json().entries[0];
    expect(reversal.positionTitle).toBe(prev.positionTitle);
    expect(reversal.effectiveDate).toBe('2027-06-01');
    expect(reversal.note).toContain('ยกเลิกคำสั่ง 20/2569');
    const rows = await service();
    expect(rows.length).toBe(n + 1);
    expect(rows.find((e) => e.id === moved.entries[0].id)!.note).toContain('[ยกเลิกโดยคำสั่ง 21/2569]');
    // A cancellation is not itself cancelled; an amendment needs its order.
    expect(
      (
        await record(officer, {
          kind: 'cancellation',
          number: '22/2569',
          orderDate: today,
          amendsOrderId: c.json().order.id,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await record(officer, { kind: 'cancellation', number: '23/2569', orderDate: today })).statusCode,
    ).toBe(400);
    expect((await record(officer, { kind: 'salary', number: '24/2569', orderDate: today })).statusCode).toBe(
      400,
    );
  });

  it('an order that changes position or duty ends every role the person holds (ข้อ 2.2.3)', async () => {
    const director = await t.login('schoolDirector');
    const colleague = await teacherOf(t.h, 'SCH-40-001', 1);
    expect((await t.call(director, { url: `/api/v1/people/${colleague}/record` })).statusCode).toBe(200);
    const salary = await record(
      officer,
      { kind: 'salary', number: '40/2569', orderDate: today, entry: entry() },
      director.personId!,
    );
    expect([salary.statusCode, salary.json().revokedAssignments]).toEqual([201, 0]);
    expect((await t.call(director, { url: `/api/v1/people/${colleague}/record` })).statusCode).toBe(200);
    const acting = await record(
      officer,
      { kind: 'acting', number: '41/2569', orderDate: today, entry: entry() },
      director.personId!,
    );
    expect([acting.statusCode, acting.json().revokedAssignments]).toEqual([201, 1]);
    expect((await t.call(director, { url: `/api/v1/people/${colleague}/record` })).statusCode).toBe(404);
  });

  it('only those who record the register may: wrong role 403, wrong office 404, owner 403', async () => {
    const body = { kind: 'salary', number: '30/2569', orderDate: today, entry: entry() };
    expect((await record(await t.login('certifier'), body)).statusCode).toBe(403);
    expect((await record(await t.login('districtDirector'), body)).statusCode).toBe(403);
    expect((await record(await t.login('otherOfficer'), body)).statusCode).toBe(404);
    const owner = await t.login('owner');
    expect((await record(owner, body, owner.personId!)).statusCode).toBe(403);
    expect(
      (await t.call(await t.login('otherOfficer'), { url: `/api/v1/people/${pid}/orders` })).statusCode,
    ).toBe(404);
  });
});
