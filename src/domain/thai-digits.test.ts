import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromThaiDigits, toThaiDigits } from './thai-digits.ts';

describe('thai digits', () => {
  it('maps each digit to its Thai counterpart', () => {
    expect(toThaiDigits('0123456789')).toBe('๐๑๒๓๔๕๖๗๘๙');
    expect(fromThaiDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
  });

  it('keeps everything that is not a digit', () => {
    expect(toThaiDigits('5 ม.ค. 2570')).toBe('๕ ม.ค. ๒๕๗๐');
    expect(fromThaiDigits('ก.ค.ศ.๑๖ ข้อ 3.2')).toBe('ก.ค.ศ.16 ข้อ 3.2');
    expect(toThaiDigits('')).toBe('');
    // Other scripts' digits (Arabic-Indic ٣, full-width ３) are not Thai digits and stay as they are.
    expect(fromThaiDigits('٣３')).toBe('٣３');
  });

  it('round-trips any string of ASCII text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const ascii = fromThaiDigits(s); // strings without Thai digits
        expect(fromThaiDigits(toThaiDigits(ascii))).toBe(ascii);
        expect(toThaiDigits(ascii)).not.toMatch(/[0-9]/);
        expect(toThaiDigits(ascii).length).toBe(ascii.length);
      }),
    );
  });

  it('preserves numeric value', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(Number(fromThaiDigits(toThaiDigits(String(n))))).toBe(n);
      }),
    );
  });
});
