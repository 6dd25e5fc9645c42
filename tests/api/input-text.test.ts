import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';

// Issue 17 §4: a NUL byte (and every other control character or lone surrogate) in any text
// input is refused with a Thai 400 naming the field — it used to reach PostgreSQL and give a 500.
let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('officer');
});
afterAll(async () => t?.close());

function expectFieldError(res: { statusCode: number; json(): unknown }, field: string, key: string) {
  expect(res.statusCode).toBe(400);
  const body = res.json() as {
    error: { code: string; fields: { field: string; messageKey: string; message: string }[] };
  };
  expect(body.error.code).toBe('validation');
  expect(body.error.fields[0]).toMatchObject({ field, messageKey: key });
  expect(body.error.fields[0]?.message).toMatch(/[\u0E00-\u0E7F]/);
}

describe('text inputs refuse control characters and lone surrogates', () => {
  it('a NUL in the search body', async () => {
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/v1/people/search',
      payload: { q: 'สม\u0000ชาย' },
    });
    expectFieldError(res, 'q', 'err.controlChar');
  });
  it('a NUL in a query string (offices)', async () => {
    const res = await t.call(officer, { url: '/api/v1/offices?q=%00x' });
    expectFieldError(res, 'q', 'err.controlChar');
  });
  it('an escape, DEL and a C1 control', async () => {
    for (const q of ['\u001b[2J', 'a\u007f', 'b\u0085'])
      expectFieldError(
        await t.call(officer, { method: 'POST', url: '/api/v1/people/search', payload: { q } }),
        'q',
        'err.controlChar',
      );
  });
  it('a lone surrogate is refused, not replaced', async () => {
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/v1/people/search',
      headers: { 'content-type': 'application/json' },
      payload: '{"q":"\\ud800x"}',
    });
    expectFieldError(res, 'q', 'err.surrogate');
  });
  it('a NUL nested in an object is named by its path; English on request', async () => {
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/v1/people/search',
      headers: { 'accept-language': 'en' },
      payload: { q: 'x', nested: { deep: ['ok', 'bad\u0000'] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('nested.deep.1');
  });
  it('10,000 levels of nesting are refused with a 400, not a crash', async () => {
    const payload = `{"q":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/v1/people/search',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
  });
  it('line breaks and tabs in text are still accepted', async () => {
    const res = await t.call(officer, {
      method: 'POST',
      url: '/api/v1/people/search',
      payload: { q: 'สม\tชาย\n' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('dates outside the register’s years are refused, not stored five centuries away', () => {
  it('a พ.ศ. year in ISO form and an absurd year: Thai 400 naming the field; nothing stored', async () => {
    const otepc = await t.login('otepcController');
    const count = async () =>
      (await t.h.query<{ n: number }>('select count(*)::int as n from holidays'))[0]!.n;
    const before = await count();
    for (const [date, key] of [
      ['2569-01-15', 'err.dateBuddhistEra'],
      ['0001-01-01', 'err.dateYearRange'],
      ['2569-02-30', 'err.date'],
    ] as const) {
      const res = await t.call(otepc, {
        method: 'PUT',
        url: `/api/v1/reference/holidays/${date}`,
        payload: { nameTh: 'วันทดสอบ', kind: 'special' },
      });
      expectFieldError(res, 'date', key);
    }
    expect(await count()).toBe(before);
    // The same date in ค.ศ. is taken.
    const ok = await t.call(otepc, {
      method: 'PUT',
      url: '/api/v1/reference/holidays/2026-01-15',
      payload: { nameTh: 'วันทดสอบ', kind: 'special' },
    });
    expect(ok.statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});
