import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears } from './civil-date.ts';
import { retirementDate, sixtiethBirthday } from './retirement.ts';

const anyBirth = fc
  .date({ min: new Date(Date.UTC(1857, 0, 1)), max: new Date(Date.UTC(2097, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('retirement (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2.10)', () => {
  // The regulation's three examples, verbatim. B.E. → C.E. by −543: 2530 = 1987, 2590 = 2047, 2591 = 2048.
  it('เกิด 27 มี.ค. 2530 → อายุครบ 60 ปี 26 มี.ค. 2590 → เกษียณ 30 ก.ย. 2590', () => {
    expect(sixtiethBirthday('1987-03-27')).toBe('2047-03-26');
    expect(retirementDate('1987-03-27')).toBe('2047-09-30');
  });

  it('เกิด 1 ต.ค. 2530 → อายุครบ 60 ปี 30 ก.ย. 2590 → เกษียณ 30 ก.ย. 2590', () => {
    expect(sixtiethBirthday('1987-10-01')).toBe('2047-09-30');
    expect(retirementDate('1987-10-01')).toBe('2047-09-30');
  });

  it('เกิด 2 ต.ค. 2530 → อายุครบ 60 ปี 1 ต.ค. 2590 → เกษียณ 30 ก.ย. 2591', () => {
    expect(sixtiethBirthday('1987-10-02')).toBe('2047-10-01');
    expect(retirementDate('1987-10-02')).toBe('2048-09-30');
  });

  it('born 1 January: turns 60 on 31 December of the year before, in the fiscal year ending next September', () => {
    expect(sixtiethBirthday('1970-01-01')).toBe('2029-12-31');
    expect(retirementDate('1970-01-01')).toBe('2030-09-30');
  });

  it('born 29 February: turns 60 on 28 February', () => {
    // 1964 + 60 = 2024, a leap year: the anniversary is 29 Feb 2024, so 60 on 28 Feb 2024.
    expect(sixtiethBirthday('1964-02-29')).toBe('2024-02-28');
    expect(retirementDate('1964-02-29')).toBe('2024-09-30');
    // 2040 + 60 = 2100, not a leap year: the anniversary is 1 Mar 2100, so 60 on 28 Feb 2100.
    expect(sixtiethBirthday('2040-02-29')).toBe('2100-02-28');
    expect(retirementDate('2040-02-29')).toBe('2100-09-30');
    // Born 1 March of a leap year: 60 on 29 February.
    expect(sixtiethBirthday('1964-03-01')).toBe('2024-02-29');
  });

  it('born 30 September: turns 60 on 29 September and retires the next day', () => {
    expect(sixtiethBirthday('1966-09-30')).toBe('2026-09-29');
    expect(retirementDate('1966-09-30')).toBe('2026-09-30');
  });

  it('rejects an invalid birth date', () => {
    expect(() => retirementDate('1987-02-29')).toThrow(RangeError);
    expect(() => sixtiethBirthday('27/03/2530')).toThrow(RangeError);
  });

  it('retirement is a 30 September, on or after the sixtieth birthday and less than a year after it', () => {
    fc.assert(
      fc.property(anyBirth, (birth) => {
        const sixty = sixtiethBirthday(birth);
        const retire = retirementDate(birth);
        expect(retire.slice(5)).toBe('09-30');
        expect(retire >= sixty).toBe(true);
        expect(retire < addYears(sixty, 1)).toBe(true);
        expect(sixty > birth).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
