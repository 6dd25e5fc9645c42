/**
 * Retirement date (วันเกษียณอายุราชการ), ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2.10.
 *
 * - Age is counted from the day of birth, that day included (ป.พ.พ. มาตรา 16), so a person
 *   completes 60 years (อายุครบ 60 ปีบริบูรณ์) at the end of the day before the 60th anniversary
 *   of the birth date: sixtieth birthday = birth date + 60 years − 1 day.
 * - A civil servant who has completed 60 years leaves service at the end of the fiscal year in
 *   which that happens (พ.ร.บ.บำเหน็จบำนาญข้าราชการ พ.ศ. 2494 มาตรา 19), i.e. on the 30 September
 *   closing that fiscal year (fiscal-year.ts).
 *
 * The regulation's examples: born 27 มี.ค. 2530 → 60 on 26 มี.ค. 2590 → retires 30 ก.ย. 2590;
 * born 1 ต.ค. 2530 → 60 on 30 ก.ย. 2590 → retires 30 ก.ย. 2590; born 2 ต.ค. 2530 → 60 on
 * 1 ต.ค. 2590 → retires 30 ก.ย. 2591.
 */
import { addDays, addYears } from './civil-date.ts';
import { fiscalYearOf, fiscalYearRange } from './fiscal-year.ts';

/** Age of compulsory retirement, พ.ร.บ.บำเหน็จบำนาญข้าราชการ พ.ศ. 2494 มาตรา 19. */
export const RETIREMENT_AGE = 60;

/**
 * The day on which a person born on `birthIso` completes 60 years: birth date + 60 years − 1 day
 * (ป.พ.พ. มาตรา 16). Born 29 February: the 60th anniversary of a 29 February birth in a common
 * year is 1 March, so the person turns 60 on 28 February. When only the month of birth is known,
 * มาตรา 16 takes the 1st of that month, and when not even that, 1 January; the caller supplies
 * that date. Throws a RangeError for an invalid ISO date.
 */
export function sixtiethBirthday(birthIso: string): string {
  return addDays(addYears(birthIso, RETIREMENT_AGE), -1);
}

/**
 * Retirement date: 30 September closing the fiscal year in which the sixtieth birthday falls
 * (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2.10). Throws a RangeError for an invalid ISO date.
 */
export function retirementDate(birthIso: string): string {
  return fiscalYearRange(fiscalYearOf(sixtiethBirthday(birthIso))).end;
}
