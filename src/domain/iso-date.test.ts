import { describe, expect, it } from 'vitest';
import { todayInBangkok } from './iso-date.ts';
import { registerYearProblem } from './thai-date.ts';

describe('todayInBangkok', () => {
  it('turns at midnight in Bangkok (UTC+7), whatever the order of the calls', () => {
    // 23:59:59.999 and 00:00 in Bangkok, asked in both orders and within the same UTC minute.
    expect(todayInBangkok(new Date('2026-11-21T16:59:59.999Z'))).toBe('2026-11-21');
    expect(todayInBangkok(new Date('2026-11-21T17:00:00.000Z'))).toBe('2026-11-22');
    expect(todayInBangkok(new Date('2026-11-21T17:00:59.999Z'))).toBe('2026-11-22');
    expect(todayInBangkok(new Date('2026-11-21T16:59:00.000Z'))).toBe('2026-11-21');
    // New year in Bangkok while it is still 31 December in UTC.
    expect(todayInBangkok(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });

  it('refuses an invalid date instead of answering from an earlier call', () => {
    todayInBangkok(new Date('2026-11-21T10:00:00Z'));
    expect(() => todayInBangkok(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('registerYearProblem (issue 17 §4)', () => {
  it("takes the register's years and names a พ.ศ. year written as ค.ศ. and an absurd year", () => {
    expect(registerYearProblem('2026-01-15')).toBeNull();
    expect(registerYearProblem('1900-01-01')).toBeNull();
    expect(registerYearProblem('2100-12-31')).toBeNull();
    // 15 ม.ค. 2569 typed with its พ.ศ. year.
    expect(registerYearProblem('2569-01-15')).toBe('buddhistEra');
    expect(registerYearProblem('2443-01-01')).toBe('buddhistEra');
    expect(registerYearProblem('0001-01-01')).toBe('outOfRange');
    expect(registerYearProblem('1899-12-31')).toBe('outOfRange');
    expect(registerYearProblem('2101-01-01')).toBe('outOfRange');
    expect(registerYearProblem('9999-12-31')).toBe('outOfRange');
  });
});
