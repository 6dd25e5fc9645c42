/**
 * Thai government fiscal year (ปีงบประมาณ). พ.ร.บ.วิธีการงบประมาณ พ.ศ. 2561 มาตรา 4:
 * "ปีงบประมาณ" หมายความว่า ระยะเวลาตั้งแต่วันที่ 1 ตุลาคมของปีหนึ่งถึงวันที่ 30 กันยายนของปีถัดไป
 * และให้ใช้ปีพุทธศักราชที่ถัดไปนั้นเป็นชื่อสำหรับปีงบประมาณนั้น — i.e. 1 October to 30 September,
 * named by the B.E. year in which it ends (FY 2569 = 1 Oct 2568 – 30 Sep 2569).
 */
import { isoFromParts, isoParts } from './civil-date.ts';
import { beToCe, ceToBe } from './thai-date.ts';

/** The fiscal year (B.E.) containing an ISO date, e.g. fiscalYearOf('2025-10-01') === 2569. */
export function fiscalYearOf(iso: string): number {
  const { year, month } = isoParts(iso);
  return ceToBe(month >= 10 ? year + 1 : year);
}

/**
 * First and last day (ISO, inclusive) of fiscal year `fyBE`, e.g. fiscalYearRange(2569) ===
 * { start: '2025-10-01', end: '2026-09-30' }. Throws a RangeError unless fyBE is an integer.
 */
export function fiscalYearRange(fyBE: number): { start: string; end: string } {
  if (!Number.isInteger(fyBE)) throw new RangeError(`not a fiscal year: ${fyBE}`);
  const endCe = beToCe(fyBE);
  return { start: isoFromParts(endCe - 1, 10, 1), end: isoFromParts(endCe, 9, 30) };
}
