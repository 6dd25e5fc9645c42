import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './civil-date.ts';
import { fiscalYearOf, fiscalYearRange } from './fiscal-year.ts';

const anyDate = fc
  .date({ min: new Date(Date.UTC(1857, 0, 1)), max: new Date(Date.UTC(2157, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('fiscal year', () => {
  it('runs 1 October – 30 September and is named by the B.E. year it ends in', () => {
    expect(fiscalYearOf('2025-09-30')).toBe(2568);
    expect(fiscalYearOf('2025-10-01')).toBe(2569);
    expect(fiscalYearOf('2026-01-01')).toBe(2569);
    expect(fiscalYearOf('2026-09-30')).toBe(2569);
    expect(fiscalYearOf('2026-10-01')).toBe(2570);
    expect(fiscalYearRange(2569)).toEqual({ start: '2025-10-01', end: '2026-09-30' });
    expect(fiscalYearRange(2590)).toEqual({ start: '2046-10-01', end: '2047-09-30' });
  });

  it('rejects bad input', () => {
    expect(() => fiscalYearOf('2025-09-31')).toThrow(RangeError);
    expect(() => fiscalYearRange(2569.5)).toThrow(RangeError);
  });

  it('every date lies in the range of its fiscal year, and ranges tile the calendar', () => {
    fc.assert(
      fc.property(anyDate, (iso) => {
        const fy = fiscalYearOf(iso);
        const { start, end } = fiscalYearRange(fy);
        expect(start <= iso && iso <= end).toBe(true);
        expect(fiscalYearOf(start)).toBe(fy);
        expect(fiscalYearOf(end)).toBe(fy);
        expect(fiscalYearOf(addDays(end, 1))).toBe(fy + 1);
        expect(addDays(fiscalYearRange(fy + 1).start, -1)).toBe(end);
      }),
    );
  });
});
