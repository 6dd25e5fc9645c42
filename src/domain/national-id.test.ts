import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatNationalId,
  isValidNationalId,
  maskNationalId,
  nationalIdCheckDigit,
  nationalIdProblem,
  normalizeNationalId,
} from './national-id.ts';

describe('national ID check digit (ข้อ 3.2.3)', () => {
  it('accepts the worked example and rejects its control (domain-facts §7.1)', () => {
    expect(isValidNationalId('1101700207030')).toBe(true); // 1-1017-00207-03-0
    expect(nationalIdProblem('1101700230705')).toBe('checksum'); // check digit should be 8
    expect(nationalIdProblem('110170020703')).toBe('format');
    expect(nationalIdProblem('11017002070x0')).toBe('format');
  });

  it('accepts exactly the strings whose 13th digit is the reference checksum', () => {
    // Differential property against an independent statement of the rule:
    // d13 = (11 − Σ d_i·(14−i) mod 11) mod 10.
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13}$/), (id) => {
        let sum = 0;
        for (let i = 1; i <= 12; i++) sum += Number(id[i - 1]) * (14 - i);
        const expected = (11 - (sum % 11)) % 10 === Number(id[12]);
        return isValidNationalId(id) === expected;
      }),
      { numRuns: 5000 },
    );
  });

  it('cannot see a change of the third digit (weight 11): a format check, not proof of identity', () => {
    const valid = `110170020703${nationalIdCheckDigit('110170020703')}`;
    const changed = `11${(Number(valid[2]) + 1) % 10}${valid.slice(3)}`;
    expect(isValidNationalId(changed)).toBe(true);
  });

  it('normalises Thai digits and separators, formats and masks', () => {
    expect(normalizeNationalId('๑-๑๐๑๗-๐๐๒๐๗-๐๓-๐')).toBe('1101700207030');
    expect(formatNationalId('1101700207030')).toBe('1-1017-00207-03-0');
    expect(maskNationalId('1101700207030')).toBe('xxxxxxxxx7030');
  });
});
