import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('holiday table (dated, editable by OTEPC)', () => {
  it('is seeded from the reference CSV and can be edited and removed, with audit events', async () => {
    const s = await t.login('otepcController');
    const list = (await t.call(s, { url: '/api/v1/reference/holidays' })).json().items;
    expect(list.find((h: { date: string }) => h.date === '2025-04-16')).toMatchObject({
      nameTh: 'ชดเชยวันสงกรานต์',
      kind: 'substitute',
    });
    const add = await t.call(s, {
      method: 'PUT',
      url: '/api/v1/reference/holidays/2027-02-20',
      payload: { nameTh: 'วันมาฆบูชา', kind: 'lunar' },
    });
    expect(add.statusCode).toBe(200);
    const del = await t.call(s, { method: 'DELETE', url: '/api/v1/reference/holidays/2027-02-20' });
    expect(del.statusCode).toBe(204);
    const ev = await t.h.query<{ event_type: string }>(
      `select event_type from audit_events where entity_type = 'holiday' order by seq`,
    );
    expect(ev.map((e) => e.event_type)).toEqual(['holiday.seeded', 'holiday.added', 'holiday.removed']);
    const officer = await t.login('officer');
    expect(
      (await t.call(officer, { method: 'DELETE', url: '/api/v1/reference/holidays/2025-04-16' })).statusCode,
    ).toBe(403);
  });
  it('lists one fiscal year (Oct–Sep), says who may edit, and records a change of kind', async () => {
    const s = await t.login('otepcController');
    const fy = (await t.call(s, { url: '/api/v1/reference/holidays?fiscalYear=2569' })).json();
    expect(fy.canManage).toBe(true);
    const dates: string[] = fy.items.map((h: { date: string }) => h.date);
    expect(dates.length).toBeGreaterThan(15);
    expect(dates.every((d) => d >= '2025-10-01' && d <= '2026-09-30')).toBe(true);
    expect(dates).toContain('2025-10-13'); // วันนวมินทรมหาราช, the fiscal year's first holiday
    expect(dates).not.toContain('2025-05-05');
    const medium = fy.items.find((h: { confidence: string }) => h.confidence === 'medium');
    expect(medium).toBeTruthy(); // researched, not yet announced: shown with its confidence
    const put = await t.call(s, {
      method: 'PUT',
      url: `/api/v1/reference/holidays/${medium.date}`,
      payload: { nameTh: medium.nameTh, kind: 'special' },
    });
    expect(put.json()).toMatchObject({ confidence: 'high', kind: 'special' });
    const [ev] = await t.h.query<{ payload: string }>(
      `select payload from audit_events where event_type = 'holiday.updated' order by seq desc limit 1`,
    );
    expect(JSON.parse(ev!.payload).changes).toContainEqual({
      field: 'kind',
      from: medium.kind,
      to: 'special',
    });
    const officer = await t.login('officer');
    expect(
      (await t.call(officer, { url: '/api/v1/reference/holidays?fiscalYear=2569' })).json().canManage,
    ).toBe(false);
    const bad = await t.call(s, { url: '/api/v1/reference/holidays?fiscalYear=2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toMatch(/^ปีงบประมาณ: /);
  });
  it('serves the Thai address dataset', async () => {
    const res = await t.app.inject({ url: '/api/v1/reference/addresses' });
    const data = res.json();
    expect(data.provinces).toHaveLength(77);
    expect(data.tambons.length).toBeGreaterThan(7000);
  });
});
