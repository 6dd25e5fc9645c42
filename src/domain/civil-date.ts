/**
 * Day arithmetic on ISO `YYYY-MM-DD` (C.E., proleptic Gregorian) calendar dates, independent of
 * the machine's time zone: a date is a day number, never an instant.
 */
import { isRealIsoDate } from './iso-date.ts';

const MS_PER_DAY = 86_400_000;

/** Throws a RangeError unless `iso` is a real calendar date in `YYYY-MM-DD` form. */
export function assertIsoDate(iso: string): void {
  if (!isRealIsoDate(iso)) throw new RangeError(`not a real ISO date: ${JSON.stringify(iso)}`);
}

/** Splits a valid ISO date into numbers (throws a RangeError for an invalid one). */
export function isoParts(iso: string): { year: number; month: number; day: number } {
  assertIsoDate(iso);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** Builds an ISO date from numbers, without checking that the date exists. */
export function isoFromParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(iso: string): number {
  const { year, month, day } = isoParts(iso);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, does not remap years 0–99
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** The ISO date of a day number (inverse of dayNumber). */
export function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `iso` moved by `n` calendar days (n may be negative). */
export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer number of days: ${n}`);
  return fromDayNumber(dayNumber(iso) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** True when `year` (C.E.) is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The same day `n` years later (or earlier). A 29 February lands on 1 March in a common year:
 * that is the first day on which a period of whole years counted from 29 February has elapsed.
 */
export function addYears(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer number of years: ${n}`);
  const { year, month, day } = isoParts(iso);
  const y = year + n;
  if (month === 2 && day === 29 && !isLeapYear(y)) return isoFromParts(y, 3, 1);
  return isoFromParts(y, month, day);
}
