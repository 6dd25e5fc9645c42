import { describe, expect, it } from 'vitest';
import { formatMoney, formatNationalId, thaiDateLong, thaiMonthYear } from './format.ts';
import { stripBreaks, thaiBreaks, toThaiDigits, ZWSP } from './thai-text.ts';

describe('thaiBreaks', () => {
  it('puts a break hint between Thai words and nowhere else', () => {
    const s = 'ข้าราชการครูและบุคลากรทางการศึกษา';
    const out = thaiBreaks(s);
    expect(out.split(ZWSP)).toEqual(['ข้าราชการ', 'ครู', 'และ', 'บุคลากร', 'ทางการ', 'ศึกษา']);
    expect(stripBreaks(out)).toBe(s);
  });

  it('never splits an abbreviation before its final dot, nor Latin text', () => {
    expect(thaiBreaks('ก.ค.ศ. ๑๖')).not.toContain(ZWSP);
    expect(thaiBreaks('Ref. KS16-2569-000123')).toBe('Ref. KS16-2569-000123');
  });

  it('keeps words that ICU splits inside a syllable whole', () => {
    for (const w of ['เบญจมาภรณ์มงกุฎไทย', 'ลาเข้ารับการเตรียมพล', 'ลาไปประกอบพิธีฮัจญ์', 'ปีงบประมาณ']) {
      const parts = thaiBreaks(w).split(ZWSP);
      expect(
        parts.some((p) => /^(ภ|รณ์|ยม|รี|บพิธี|กอ)$/.test(p)),
        parts.join('|'),
      ).toBe(false);
    }
  });
});

describe('formatting', () => {
  it('formats money from decimal strings without floats', () => {
    expect(formatMoney('45890.5')).toBe('45,890.50');
    expect(formatMoney('1234567890.99')).toBe('1,234,567,890.99');
    expect(formatMoney('0.00')).toBe('0.00');
    expect(formatMoney(null)).toBe('');
  });

  it('formats the national ID as X-XXXX-XXXXX-XX-X', () => {
    expect(formatNationalId('1101700203450')).toBe('1-1017-00203-45-0');
  });

  it('prints dates in พ.ศ., in Bangkok time', () => {
    expect(thaiDateLong('2026-11-21')).toBe('21 พฤศจิกายน 2569');
    // 18:30 UTC on the 20th is already the 21st in Bangkok.
    expect(thaiDateLong('2026-11-20T18:30:00Z')).toBe('21 พฤศจิกายน 2569');
    expect(thaiMonthYear('2022-04')).toBe('เม.ย. 2565');
  });

  it('converts to Thai digits', () => {
    expect(toThaiDigits('45,890.50')).toBe('๔๕,๘๙๐.๕๐');
  });
});
