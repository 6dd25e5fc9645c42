/**
 * Value formatting for printouts: พ.ศ. dates (always in Asia/Bangkok: servers run UTC), money,
 * national ID. Arabic digits here; the renderer converts to Thai digits when asked.
 */
import { todayInBangkok } from '../../../domain/iso-date.ts';
import { formatThaiDate, formatThaiYearMonth } from '../../../domain/thai-date.ts';

const timeOfDay = new Intl.DateTimeFormat('th-TH', {
  timeZone: 'Asia/Bangkok',
  hour: '2-digit',
  minute: '2-digit',
});

/** The Bangkok calendar day of a timestamp (machines run UTC), or the ISO date itself. */
function isoDay(value: string | Date | null | undefined): string | null {
  if (!value) return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : todayInBangkok(d);
}

/** "1 เมษายน 2565" from `2022-04-01`, or from a timestamp (read in Bangkok time). */
export function thaiDateLong(value: string | Date | null | undefined): string {
  const iso = isoDay(value);
  return iso ? formatThaiDate(iso, { style: 'long' }) : '';
}

/** "1 เม.ย. 2565": the compact form used in table cells. */
export function thaiDateShort(value: string | Date | null | undefined): string {
  const iso = isoDay(value);
  return iso ? formatThaiDate(iso, { style: 'medium' }) : '';
}

/** "เม.ย. 2565" from `2022-04`. */
export function thaiMonthYear(value: string | null | undefined): string {
  return value ? formatThaiYearMonth(value, { style: 'medium' }) : '';
}

/** "1 เมษายน 2565 เวลา 10:30 น." for a timestamp. */
export function thaiDateTime(value: string | Date): string {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? '' : `${thaiDateLong(d)} เวลา ${timeOfDay.format(d)} น.`;
}

/** A "from – to" range of `YYYY-MM` values; an open end reads "ปัจจุบัน". */
export function monthRange(from: string | null, to: string | null): string {
  return `${thaiMonthYear(from)} - ${to ? thaiMonthYear(to) : 'ปัจจุบัน'}`;
}

/** A "from – to" range of `YYYY-MM-DD` values. */
export function dateRange(from: string | null, to: string | null): string {
  return `${thaiDateShort(from)} - ${to ? thaiDateShort(to) : 'ปัจจุบัน'}`;
}

/** "31080.00" → "31,080.00". Works on the decimal string, so no float rounding ever. */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.replace(/,/g, '').trim());
  if (!m) return value;
  const int = BigInt(m[2]!)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${m[1]}${int}.${(m[3] ?? '').padEnd(2, '0')}`;
}

/** X-XXXX-XXXXX-XX-X. */
export function formatNationalId(id: string): string {
  const d = id.replace(/\D/g, '');
  if (d.length !== 13) return id;
  return `${d.slice(0, 1)}-${d.slice(1, 5)}-${d.slice(5, 10)}-${d.slice(10, 12)}-${d.slice(12)}`;
}

/** A half-day-aware count: 3 → "3", 1.5 → "1.5", 0 → "-" (an empty cell reads better on paper). */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || n === 0) return '-';
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
