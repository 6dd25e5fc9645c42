import { describe, expect, it } from 'vitest';
import * as domain from './index.ts';

describe('domain index', () => {
  it('re-exports the public functions of every module', () => {
    for (const name of [
      'createAddressBook',
      'addBusinessDays',
      'businessDaysBetween',
      'isBusinessDay',
      'addDays',
      'fiscalYearOf',
      'fiscalYearRange',
      'isRealIsoDate',
      'todayInBangkok',
      'isValidNationalId',
      'retirementDate',
      'sixtiethBirthday',
      'formatThaiDate',
      'parseThaiDate',
      'formatThaiYearMonth',
      'parseThaiYearMonth',
      'beYear',
      'ceToBe',
      'beToCe',
      'toThaiDigits',
      'fromThaiDigits',
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('composes: retirement date of someone born 2 ต.ค. 2530, typed by an HR officer', () => {
    const birth = domain.parseThaiDate('๒ ต.ค. ๒๕๓๐')!;
    expect(domain.formatThaiDate(domain.retirementDate(birth), { style: 'long' })).toBe('30 กันยายน 2591');
  });
});
