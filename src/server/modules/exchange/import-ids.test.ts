import { describe, expect, it } from 'vitest';
import { importIds } from './validate.ts';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('importIds (ids of an import job in input order)', () => {
  const a = importIds('6f1c2a8e-0d5b-4c33-9a51-2b7f0e4d9c10');

  it('are version-8 UUIDs with the RFC 9562 variant, the same for the same job and position', () => {
    expect(a.person(0)).toMatch(UUID_V8);
    expect(a.rows(7)(3, 12)).toMatch(UUID_V8);
    const again = importIds('6f1c2a8e-0d5b-4c33-9a51-2b7f0e4d9c10');
    expect(again.person(123_456)).toBe(a.person(123_456));
    expect(again.rows(123_456)(5, 9)).toBe(a.rows(123_456)(5, 9));
  });

  it('increase in input order within a table (people; rows of one item by person, then row)', () => {
    const people = [0, 1, 2, 255, 256, 65_535, 65_536, 599_999, 2 ** 32 - 1].map((o) => a.person(o));
    expect([...people].sort()).toEqual(people);
    const rows = [
      [0, 0],
      [0, 1],
      [0, 65_535],
      [1, 0],
      [599_999, 3],
    ].map(([o, i]) => a.rows(o!)(4, i!));
    expect([...rows].sort()).toEqual(rows);
  });

  it('never repeat within a job, across items and people, nor between two jobs', () => {
    const b = importIds('0b9e3f1d-7c2a-4e55-8d10-3a6c9f2e1b77');
    const seen = new Set<string>();
    for (let o = 0; o < 50; o++) {
      seen.add(a.person(o));
      seen.add(b.person(o));
      for (let k = 0; k < 17; k++)
        for (let i = 0; i < 20; i++) {
          seen.add(a.rows(o)(k, i));
          seen.add(b.rows(o)(k, i));
        }
    }
    expect(seen.size).toBe(2 * 50 * (1 + 17 * 20));
  });

  it('fall back to a hashed id beyond the layout (row index ≥ 65,536)', () => {
    const id = a.rows(1)(2, 70_000);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5/);
    expect(a.rows(1)(2, 70_000)).toBe(id);
  });
});
