import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  dayNumber,
  dayOfWeek,
  fromDayNumber,
  isLeapYear,
  isoFromParts,
  isoParts,
} from './civil-date.ts';
import { isRealIsoDate } from './iso-date.ts';

/** Any real date between C.E. 1857 and 2157 (B.E. 2400–2700). */
const isoDateArb = fc
  .date({ min: new Date(Date.UTC(1857, 0, 1)), max: new Date(Date.UTC(2157, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('civil dates', () => {
  it('numbers days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });

  it('rejects dates that do not exist', () => {
    expect(() => dayNumber('2025-02-29')).toThrow(RangeError);
    expect(() => isoParts('2025-1-5')).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2025-04-13')).toBe(0); // Sunday, วันสงกรานต์ 2568
    expect(dayOfWeek('2027-01-05')).toBe(2); // Tuesday
    expect(dayOfWeek('1857-01-01')).toBe(4); // Thursday
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('adds years, moving 29 February to 1 March in common years', () => {
    expect(addYears('1987-03-27', 60)).toBe('2047-03-27');
    expect(addYears('2000-02-29', 60)).toBe('2060-02-29');
    expect(addYears('2040-02-29', 60)).toBe('2100-03-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
  });

  it('leap years follow the Gregorian rule', () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
  });

  it('day numbers round-trip and agree with the weekday cycle', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -4000, max: 4000 }), (iso, n) => {
        expect(fromDayNumber(dayNumber(iso))).toBe(iso);
        const later = addDays(iso, n);
        expect(isRealIsoDate(later)).toBe(true);
        expect(dayNumber(later) - dayNumber(iso)).toBe(n);
        expect(dayOfWeek(later)).toBe((((dayOfWeek(iso) + n) % 7) + 7) % 7);
      }),
    );
  });

  it('isoFromParts pads', () => {
    expect(isoFromParts(987, 1, 5)).toBe('0987-01-05');
  });
});
