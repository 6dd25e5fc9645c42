/**
 * Working days (วันทำการ) of government offices: Monday to Friday, except public holidays.
 * Holidays are data, not code: the caller passes the ISO dates of the admin-editable holiday
 * table (seeded from data/reference/holidays/), including substitute days (วันหยุดชดเชย) and
 * cabinet-declared special days.
 *
 * Counting convention for deadlines "ภายใน n วันทำการ นับแต่วันที่ X": the day X itself is not
 * counted (as for any period counted in days, ป.พ.พ. มาตรา 193/3 วรรคสอง), so the deadline is
 * the n-th working day after X, and that day is included. Because the result is always a working
 * day, the rule that a period ending on a holiday runs to the next working day (ป.พ.พ. มาตรา
 * 193/8) is satisfied by construction.
 */
import { addDays, assertIsoDate, dayOfWeek } from './civil-date.ts';

/** True when `iso` is a Monday–Friday that is not in `holidays`. Throws a RangeError for an invalid date. */
export function isBusinessDay(iso: string, holidays: ReadonlySet<string>): boolean {
  const wd = dayOfWeek(iso);
  return wd !== 0 && wd !== 6 && !holidays.has(iso);
}

/**
 * The n-th business day after `startIso` (the start day itself never counts, whether or not it
 * is a business day): addBusinessDays('2025-04-11', 1, h) is the first working day after Friday
 * 11 April 2025, i.e. Thursday 17 April when Songkran 13–16 April is in `h`. A negative n counts
 * backwards (the n-th business day before); n = 0 returns `startIso` unchanged.
 * Throws a RangeError for an invalid date or a non-integer n.
 */
export function addBusinessDays(startIso: string, n: number, holidays: ReadonlySet<string>): string {
  assertIsoDate(startIso);
  if (!Number.isInteger(n)) throw new RangeError(`not an integer number of business days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = startIso;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isBusinessDay(day, holidays)) left--;
  }
  return day;
}

/**
 * Business days from `aIso` to `bIso` under the same convention: when b ≥ a, the number of
 * business days d with a < d ≤ b (a not counted, b counted); when b < a, minus the number with
 * b ≤ d < a. Hence businessDaysBetween(a, addBusinessDays(a, n, h), h) === n for every integer n.
 * The far end is the one counted, so swapping a and b does not just flip the sign: from Wednesday
 * to the following Saturday is 2 (Thu, Fri), from that Saturday back to Wednesday is −3.
 * Throws a RangeError for an invalid date.
 */
export function businessDaysBetween(aIso: string, bIso: string, holidays: ReadonlySet<string>): number {
  assertIsoDate(aIso);
  assertIsoDate(bIso);
  if (bIso >= aIso) return countInclusive(addDays(aIso, 1), bIso, holidays);
  return 0 - countInclusive(bIso, addDays(aIso, -1), holidays); // 0 - x, not -x: never -0
}

/** Business days d with first ≤ d ≤ last (0 when last < first). */
function countInclusive(first: string, last: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) if (isBusinessDay(d, holidays)) count++;
  return count;
}

/** Kinds of day in the holiday table, in words (the table's `kind` column). */
export const HOLIDAY_KIND_LABELS: Record<string, { th: string; en: string }> = {
  fixed: { th: 'วันหยุดตามประเพณี/วันสำคัญ (วันที่คงที่)', en: 'Fixed-date holiday' },
  lunar: { th: 'วันสำคัญทางพระพุทธศาสนา (ตามจันทรคติ)', en: 'Buddhist lunar holiday' },
  substitute: { th: 'วันหยุดชดเชย', en: 'Substitute day' },
  'royal-ceremony': { th: 'วันพระราชพิธี', en: 'Royal ceremony' },
  special: { th: 'วันหยุดพิเศษตามมติคณะรัฐมนตรี', en: 'Special day (cabinet resolution)' },
};

/** How sure the table is of a day (research data is dated and rated; an administrator's entry is high). */
export const HOLIDAY_CONFIDENCE_LABELS: Record<string, { th: string; en: string }> = {
  high: { th: 'ยืนยันแล้ว', en: 'Confirmed' },
  medium: {
    th: 'คาดการณ์ตามหลักวันหยุดชดเชย ยังไม่มีประกาศ',
    en: 'Derived from the substitute-day rule, not yet announced',
  },
  low: { th: 'ยังไม่แน่นอน', en: 'Uncertain' },
};
