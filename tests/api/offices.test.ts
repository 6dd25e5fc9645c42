import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/server/platform/db/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const officeId = async (code: string) =>
  (await t.h.query<{ id: string }>('select id from offices where code = $1', [code]))[0]!.id;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('offices and positions', () => {
  it('lists the tree from OTEPC down, sorted in Thai order', async () => {
    const s = await t.login('officer');
    const roots = (await t.call(s, { url: '/api/v1/offices' })).json().items;
    expect(roots.map((o: { code: string }) => o.code)).toEqual(['OTEPC']);
    const agencies = (await t.call(s, { url: `/api/v1/offices?parentId=${roots[0].id}` })).json().items;
    const names = agencies.map((o: { nameTh: string }) => o.nameTh);
    expect(names).toEqual([...names].sort(new Intl.Collator('th').compare));
    expect(agencies.map((o: { kind: string }) => o.kind)).toEqual(['agency', 'agency', 'agency']);
  });
  it('documents the office kinds as an enum in OpenAPI (the CHECK constraint’s values)', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const office =
      doc.paths['/api/v1/offices'].get.responses['200'].content['application/json'].schema.properties.items
        .items;
    expect(office.properties.kind.enum).toEqual([...schema.OFFICE_KINDS]);
  });
  it('shows position numbers held or vacant under the caller’s assignment office only', async () => {
    const s = await t.login('districtDirector');
    const res = await t.call(s, { url: `/api/v1/offices/${await officeId('SCH-40-001')}/positions` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { vacant: boolean; holder: unknown }[];
    expect(items.filter((p) => p.vacant)).toHaveLength(1);
    expect(items.filter((p) => !p.vacant).every((p) => p.holder !== null)).toBe(true);
    // Another district's school, and the office above one's own, are not visible.
    expect(
      (await t.call(s, { url: `/api/v1/offices/${await officeId('SCH-44-001')}/positions` })).statusCode,
    ).toBe(404);
    expect((await t.call(s, { url: `/api/v1/offices/${await officeId('OBEC')}/positions` })).statusCode).toBe(
      404,
    );
    const owner = await t.login('owner');
    expect(
      (await t.call(owner, { url: `/api/v1/offices/${await officeId('SCH-40-001')}/positions` })).statusCode,
    ).toBe(404);
  });
  it('keeps one person per position and one office per person', async () => {
    const dup = await t.h.query<{ n: number }>(
      'select count(*)::int as n from (select holder_person_id from positions where holder_person_id is not null group by 1 having count(*) > 1) x',
    );
    expect(dup[0]!.n).toBe(0);
    await expect(
      t.h.query(`update positions set holder_person_id = (select holder_person_id from positions where holder_person_id is not null limit 1)
                 where id = (select id from positions where holder_person_id is null limit 1)`),
    ).rejects.toThrow(/positions_holder_uq|duplicate/);
  });
});
