import { describe, expect, it } from 'vitest';
import { bahtToSatang, money, optMoney } from './primitives.ts';

const issue = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.success ? null : r.error!.issues.map((i) => ({ message: i.message, path: i.path }));

describe('money (baht as exact decimal text)', () => {
  it('normalises: thousands separators and spaces go, the baht lose leading zeros, satang get two digits', () => {
    expect(money.parse('31,080.5')).toBe('31080.50');
    expect(money.parse(' 007 ')).toBe('7.00');
    expect(money.parse(15050)).toBe('15050.00');
    expect(money.parse('0.05')).toBe('0.05');
    expect(money.parse('9999999999.99')).toBe('9999999999.99');
  });

  it('refuses what is not an amount with err.money, and a missing amount with err.required', () => {
    for (const bad of ['1.234', 'abc', '', '-5', '12345678901', '1e3', 1.234])
      expect(issue(money.safeParse(bad)), String(bad)).toEqual([{ message: 'err.money', path: [] }]);
    expect(issue(money.safeParse(undefined))).toEqual([{ message: 'err.required', path: [] }]);
    expect(issue(money.safeParse(true))).toEqual([{ message: 'err.required', path: [] }]);
  });

  it('optMoney: empty, null and absent are null; anything else is checked as money', () => {
    expect(optMoney.parse('')).toBeNull();
    expect(optMoney.parse(null)).toBeNull();
    expect(optMoney.parse(undefined)).toBeNull();
    expect(optMoney.parse('1,000')).toBe('1000.00');
    expect(issue(optMoney.safeParse('  '))).toEqual([{ message: 'err.money', path: [] }]);
    expect(issue(optMoney.safeParse('12.345'))).toEqual([{ message: 'err.money', path: [] }]);
  });

  it('converts to satang and back exactly', () => {
    expect(bahtToSatang(money.parse('31,080.5'))).toBe(3_108_050n);
    expect(bahtToSatang(money.parse('9999999999.99'))).toBe(999_999_999_999n);
  });
});
