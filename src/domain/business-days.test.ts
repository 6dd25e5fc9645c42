import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from './business-days.ts';
import { addDays } from './civil-date.ts';
import { fiscalYearOf } from './fiscal-year.ts';

/** The real holiday dates of the seed table (item 6), as the app would load them. */
const csv = readFileSync(
  new URL('../../data/reference/holidays/thai-public-holidays-2568-2570.csv', import.meta.url),
  'utf8',
);
const HOLIDAYS: ReadonlySet<string> = new Set(
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!),
);
const NONE: ReadonlySet<string> = new Set();

describe('isBusinessDay', () => {
  it('skips weekends and listed holidays', () => {
    expect(HOLIDAYS.size).toBe(62);
    expect(isBusinessDay('2025-04-10', HOLIDAYS)).toBe(true); // Thursday
    expect(isBusinessDay('2025-04-12', HOLIDAYS)).toBe(false); // Saturday
    expect(isBusinessDay('2025-04-13', HOLIDAYS)).toBe(false); // Sunday, Songkran
    expect(isBusinessDay('2025-04-14', HOLIDAYS)).toBe(false); // Monday, Songkran
    expect(isBusinessDay('2025-04-16', HOLIDAYS)).toBe(false); // Wednesday, substitute for 13 Apr
    expect(isBusinessDay('2025-04-16', NONE)).toBe(true);
    expect(isBusinessDay('2025-04-17', HOLIDAYS)).toBe(true);
    expect(() => isBusinessDay('2025-04-31', HOLIDAYS)).toThrow(RangeError);
  });
});

describe('addBusinessDays', () => {
  it('Songkran 2568: 13–16 Apr 2025 including the substitute day', () => {
    // Friday 11 Apr + 1 business day: 12–13 weekend, 14–15 Songkran, 16 substitute → Thursday 17 Apr.
    expect(addBusinessDays('2025-04-11', 1, HOLIDAYS)).toBe('2025-04-17');
    expect(addBusinessDays('2025-04-11', 2, HOLIDAYS)).toBe('2025-04-18');
    // Without the substitute day the deadline would be a day earlier.
    const noSubstitute = new Set([...HOLIDAYS].filter((d) => d !== '2025-04-16'));
    expect(addBusinessDays('2025-04-11', 1, noSubstitute)).toBe('2025-04-16');
    // 7 Apr 2025 is the substitute for วันจักรี (Sunday 6 Apr): Friday 4 Apr + 1 → Tuesday 8 Apr.
    expect(addBusinessDays('2025-04-04', 1, HOLIDAYS)).toBe('2025-04-08');
    // Starting on a holiday: the start day does not count either way.
    expect(addBusinessDays('2025-04-14', 1, HOLIDAYS)).toBe('2025-04-17');
  });

  it('New Year 2569: 31 Dec 2025, 1 Jan 2026 and the special holiday 2 Jan 2026', () => {
    expect(addBusinessDays('2025-12-30', 1, HOLIDAYS)).toBe('2026-01-05');
    expect(addBusinessDays('2025-12-30', 1, NONE)).toBe('2025-12-31');
  });

  it('New Year 2570: 31 Dec 2026 and 1 Jan 2027', () => {
    expect(addBusinessDays('2026-12-30', 1, HOLIDAYS)).toBe('2027-01-04');
    expect(addBusinessDays('2026-12-30', 3, HOLIDAYS)).toBe('2027-01-06');
  });

  it('a deadline crossing the fiscal-year boundary (late September → October)', () => {
    // 15 business days from Friday 26 Sep 2025 (FY 2568): Sep 29, 30, Oct 1–3, 6–10, 14–17 (13 Oct is
    // วันนวมินทรมหาราช) and 20 Oct 2025, in FY 2569.
    const due = addBusinessDays('2025-09-26', 15, HOLIDAYS);
    expect(due).toBe('2025-10-20');
    expect(fiscalYearOf('2025-09-26')).toBe(2568);
    expect(fiscalYearOf(due)).toBe(2569);
    expect(addBusinessDays('2025-09-26', 15, NONE)).toBe('2025-10-17');
    // Same in 2569: 13 Oct 2026 is a Tuesday.
    expect(addBusinessDays('2026-09-25', 15, HOLIDAYS)).toBe('2026-10-19');
  });

  it('counts backwards for negative n and returns the start for n = 0', () => {
    expect(addBusinessDays('2025-04-17', -1, HOLIDAYS)).toBe('2025-04-11');
    expect(addBusinessDays('2025-04-13', 0, HOLIDAYS)).toBe('2025-04-13');
    expect(() => addBusinessDays('2025-04-13', 1.5, HOLIDAYS)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it('counts business days after a, up to and including b', () => {
    expect(businessDaysBetween('2025-04-11', '2025-04-18', HOLIDAYS)).toBe(2);
    expect(businessDaysBetween('2025-04-11', '2025-04-18', NONE)).toBe(5);
    expect(businessDaysBetween('2025-04-11', '2025-04-11', HOLIDAYS)).toBe(0);
    expect(businessDaysBetween('2025-04-18', '2025-04-11', HOLIDAYS)).toBe(-2);
    // Backwards over a weekend only: zero, and +0 rather than -0 (toBe uses Object.is).
    expect(businessDaysBetween('2025-04-13', '2025-04-12', HOLIDAYS)).toBe(0);
    // The whole of FY 2569 (1 Oct 2025 – 30 Sep 2026): 261 weekdays, 19 of them listed holidays.
    expect(businessDaysBetween('2025-09-30', '2026-09-30', NONE)).toBe(261);
    expect(businessDaysBetween('2025-09-30', '2026-09-30', HOLIDAYS)).toBe(242);
  });

  const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-01-01', n));
  const holidaySets = fc.constantFrom(HOLIDAYS, NONE);

  it('inverts addBusinessDays, and addBusinessDays always lands on a business day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 60 }), holidaySets, (a, n, h) => {
        const b = addBusinessDays(a, n, h);
        expect(businessDaysBetween(a, b, h)).toBe(n);
        if (n !== 0) expect(isBusinessDay(b, h)).toBe(true);
        if (n > 0) expect(b > a).toBe(true);
        if (n > 0) expect(addBusinessDays(a, n - 1, h) < b).toBe(true);
      }),
    );
  });

  it('is additive along a run of dates in either direction', () => {
    fc.assert(
      fc.property(fc.tuple(day, day, day), holidaySets, fc.boolean(), (triple, h, forward) => {
        const [a, b, c] = triple.sort();
        const [x, y, z] = forward ? [a, b, c] : [c, b, a];
        expect(businessDaysBetween(x, y, h) + businessDaysBetween(y, z, h)).toBe(
          businessDaysBetween(x, z, h),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('counts the far end, not the start, so it is not antisymmetric', () => {
    // Wed 1 Jan 2025 → Sat 4 Jan: Thu, Fri (Sat is not a business day) = 2.
    expect(businessDaysBetween('2025-01-01', '2025-01-04', NONE)).toBe(2);
    // Sat 4 Jan → Wed 1 Jan: Wed 1 Jan is the 3rd business day before Saturday (Fri, Thu, Wed) = −3.
    expect(businessDaysBetween('2025-01-04', '2025-01-01', NONE)).toBe(-3);
    expect(addBusinessDays('2025-01-04', -3, NONE)).toBe('2025-01-01');
  });
});
