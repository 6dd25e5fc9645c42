import { describe, expect, it } from 'vitest';
import { rng } from '../../src/server/modules/demo/generator.ts';
import { CompactKeySet } from '../../src/server/modules/exchange/key-set.ts';

describe("the importer's duplicate-key set", () => {
  it('answers exactly as a Set of the keys, through growth, leading zeros, prefixes and non-digit keys', () => {
    const s = new CompactKeySet(7);
    const ref = new Set<string>();
    const r = rng(7);
    const prefixes = ['SCH-40-001', 'SCH-40-002', 'SPP-10-1', '', 'โรงเรียน'];
    for (let i = 0; i < 300_000; i++) {
      const prefix = prefixes[r.int(0, prefixes.length - 1)]!;
      const roll = r.int(0, 99);
      const digits =
        roll < 3
          ? `A${r.int(0, 50)}` // not digits: the fallback Set
          : roll < 6
            ? `0${r.int(0, 999)}` // a leading zero: not the same key as without it
            : roll < 8
              ? String(r.int(0, 99_999_999)) // too long for 7 digits: fallback
              : String(r.int(0, 2_000_000));
      const key = `${prefix}\u0000${digits}`;
      expect(s.addAndCheck(prefix, digits)).toBe(ref.has(key));
      ref.add(key);
    }
    expect(s.addAndCheck('SCH-40-001', '012')).toBe(ref.has('SCH-40-001\u0000012'));
    expect(s.addAndCheck('SCH-40-001', '12')).toBe(ref.has('SCH-40-001\u000012'));
  });

  it('keeps 13-digit national IDs exact', () => {
    const s = new CompactKeySet(13);
    expect(s.addAndCheck('', '1101700203451')).toBe(false);
    expect(s.addAndCheck('', '1101700203452')).toBe(false);
    expect(s.addAndCheck('', '1101700203451')).toBe(true);
    expect(s.addAndCheck('', '0101700203451')).toBe(false);
    expect(s.addAndCheck('', '')).toBe(false);
    expect(s.addAndCheck('', '')).toBe(true);
  });
});
