import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLeapYear } from './civil-date.ts';
import { isRealIsoDate } from './iso-date.ts';
import {
  beToCe,
  beYear,
  ceToBe,
  formatThaiDate,
  formatThaiYearMonth,
  parseThaiDate,
  parseThaiYearMonth,
  type ThaiDateStyle,
} from './thai-date.ts';

/** Any real date of B.E. 2400–2700 (C.E. 1857–2157). */
const dateInBe = (fromBe: number, toBe: number) =>
  fc
    .date({
      min: new Date(Date.UTC(beToCe(fromBe), 0, 1)),
      max: new Date(Date.UTC(beToCe(toBe), 11, 31)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
const anyDate = dateInBe(2400, 2700);
const fullRangeStyles: ThaiDateStyle[] = ['long', 'medium', 'numeric'];
const allStyles: ThaiDateStyle[] = [...fullRangeStyles, 'short'];

describe('era conversion', () => {
  it('B.E. = C.E. + 543', () => {
    expect(ceToBe(2027)).toBe(2570);
    expect(beToCe(2570)).toBe(2027);
    expect(beYear('2027-01-05')).toBe(2570);
    expect(beYear('2025-12-31')).toBe(2568);
    expect(() => beYear('2027-02-30')).toThrow(RangeError);
  });
});

describe('formatThaiDate', () => {
  it('prints the four Thai styles with ICU month names and B.E. years', () => {
    expect(formatThaiDate('2027-01-05', { style: 'long' })).toBe('5 มกราคม 2570');
    expect(formatThaiDate('2027-01-05', { style: 'medium' })).toBe('5 ม.ค. 2570');
    expect(formatThaiDate('2027-01-05', { style: 'short' })).toBe('5 ม.ค. 70');
    expect(formatThaiDate('2027-01-05', { style: 'numeric' })).toBe('05/01/2570');
    expect(formatThaiDate('2027-01-05')).toBe('5 ม.ค. 2570');
    expect(formatThaiDate('2025-09-30', { style: 'long' })).toBe('30 กันยายน 2568');
    expect(formatThaiDate('2024-02-29', { style: 'medium' })).toBe('29 ก.พ. 2567');
  });

  it('prints Thai digits on request', () => {
    expect(formatThaiDate('2027-01-05', { style: 'long', thaiDigits: true })).toBe('๕ มกราคม ๒๕๗๐');
    expect(formatThaiDate('2027-01-05', { style: 'numeric', thaiDigits: true })).toBe('๐๕/๐๑/๒๕๗๐');
  });

  it('prints English (en-GB) with B.E. years marked "BE" (ADR 0119)', () => {
    expect(formatThaiDate('2027-01-05', { style: 'long', lang: 'en' })).toBe('5 January 2570 BE');
    expect(formatThaiDate('2027-01-05', { style: 'medium', lang: 'en' })).toBe('5 Jan 2570 BE');
    expect(formatThaiDate('2027-01-05', { style: 'short', lang: 'en' })).toBe('5 Jan 70 BE');
    expect(formatThaiDate('2027-01-05', { style: 'numeric', lang: 'en' })).toBe('05/01/2570 BE');
    expect(formatThaiDate('2027-01-05', { lang: 'en', thaiDigits: true })).toBe('๕ Jan ๒๕๗๐ BE');
  });

  it('never prints a C.E. year in English', () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom(...allStyles), (iso, style) => {
        const out = formatThaiDate(iso, { style, lang: 'en' });
        expect(out).toMatch(/ BE$/);
        expect(out).not.toContain(iso.slice(0, 4));
      }),
    );
  });

  it('does not shift the day whatever the time zone (dates are not instants)', () => {
    // Vitest runs with TZ=UTC; Bangkok is ahead, and historic LMT was +6:42.
    expect(formatThaiDate('1857-01-01', { style: 'numeric' })).toBe('01/01/2400');
    expect(formatThaiDate('2157-12-31', { style: 'numeric' })).toBe('31/12/2700');
  });

  it('rejects dates that do not exist', () => {
    expect(() => formatThaiDate('2025-02-29')).toThrow(RangeError);
    expect(() => formatThaiDate('5/1/2570')).toThrow(RangeError);
  });
});

describe('formatThaiYearMonth', () => {
  it('prints month and B.E. year', () => {
    expect(formatThaiYearMonth('2025-01')).toBe('ม.ค. 2568');
    expect(formatThaiYearMonth('2025-01', { style: 'long' })).toBe('มกราคม 2568');
    expect(formatThaiYearMonth('2025-12', { style: 'numeric' })).toBe('12/2568');
    expect(formatThaiYearMonth('2025-01', { lang: 'en', style: 'long' })).toBe('January 2568 BE');
    expect(formatThaiYearMonth('2025-01', { lang: 'en' })).toBe('Jan 2568 BE');
    expect(formatThaiYearMonth('2025-01', { lang: 'en', style: 'short' })).toBe('Jan 68 BE');
    expect(formatThaiYearMonth('2025-12', { lang: 'en', style: 'numeric' })).toBe('12/2568 BE');
    expect(formatThaiYearMonth('2025-01', { thaiDigits: true })).toBe('ม.ค. ๒๕๖๘');
    expect(() => formatThaiYearMonth('2025-13')).toThrow(RangeError);
  });
});

describe('parseThaiDate', () => {
  it.each([
    ['5 ม.ค. 2570'],
    ['5 มกราคม 2570'],
    ['05/01/2570'],
    ['5/1/2570'],
    ['5-1-2570'],
    ['5.1.2570'],
    ['5/1/70'],
    ['5 ม.ค. 70'],
    ['5 มค 2570'],
    ['5 มค. 2570'],
    ['5 ม. ค. 2570'],
    ['5ม.ค.2570'],
    ['5 มกรา 2570'],
    ['๕ ม.ค. ๒๕๗๐'],
    ['๐๕/๐๑/๒๕๗๐'],
    ['  5   ม.ค.   2570  '],
    ['วันที่ 5 มกราคม พ.ศ. 2570'],
    ['5 มกราคม พ.ศ.2570'],
    ['5 มกราคม ค.ศ. 2027'],
    ['05/01/2027'],
    ['5 January 2027'],
    ['5 jan 2027'],
    ['5 January 2570 BE'],
    ['5 Jan 2570 BE'],
    ['5 Jan 70 BE'],
    ['05/01/2570 BE'],
    ['5/1/2570 B.E.'],
    ['5 jan 2570 be'],
    ['5 January 2570BE'],
    ['5 January 2027 CE'],
    ['5 Jan 2027 AD'],
    ['05/01/2027 C.E.'],
    ['5 มกราคม พ.ศ. 2570 BE'],
    ['2027-01-05'],
  ])('reads %j as 2027-01-05', (input) => {
    expect(parseThaiDate(input)).toBe('2027-01-05');
  });

  it('knows every month by full name and abbreviation', () => {
    const names = [
      ['มกราคม', 'ม.ค.', 'มกรา'],
      ['กุมภาพันธ์', 'ก.พ.', 'กุมภา'],
      ['มีนาคม', 'มี.ค.', 'มีนา'],
      ['เมษายน', 'เม.ย.', 'เมษา'],
      ['พฤษภาคม', 'พ.ค.', 'พฤษภา'],
      ['มิถุนายน', 'มิ.ย.', 'มิถุนา'],
      ['กรกฎาคม', 'ก.ค.', 'กรกฎา'],
      ['สิงหาคม', 'ส.ค.', 'สิงหา'],
      ['กันยายน', 'ก.ย.', 'กันยา'],
      ['ตุลาคม', 'ต.ค.', 'ตุลา'],
      ['พฤศจิกายน', 'พ.ย.', 'พฤศจิกา'],
      ['ธันวาคม', 'ธ.ค.', 'ธันวา'],
    ];
    names.forEach((spellings, i) => {
      const mm = String(i + 1).padStart(2, '0');
      for (const n of [...spellings, spellings[1]!.replace(/\./g, '')]) {
        expect(parseThaiDate(`1 ${n} 2568`), n).toBe(`2025-${mm}-01`);
        expect(parseThaiYearMonth(`${n} 2568`), n).toBe(`2025-${mm}`);
      }
    });
    expect(parseThaiDate('1 กรกฏาคม 2568')).toBe('2025-07-01'); // common misspelling (ฏ for ฎ)
  });

  it('reads 2-digit years as B.E. 25xx', () => {
    expect(parseThaiDate('1 ต.ค. 00')).toBe('1957-10-01'); // 2500
    expect(parseThaiDate('31 ธ.ค. 99')).toBe('2056-12-31'); // 2599
  });

  it('reads 4-digit years ≥ 2400 as B.E. and smaller ones as C.E.', () => {
    expect(parseThaiDate('1/1/2400')).toBe('1857-01-01');
    expect(parseThaiDate('1/1/2399')).toBe('2399-01-01');
    expect(parseThaiDate('1 ม.ค. 1990')).toBe('1990-01-01');
    expect(parseThaiDate('1 ม.ค. พ.ศ. 2300')).toBe('1757-01-01'); // explicit era wins
  });

  it.each([
    [''],
    ['   '],
    ['31 ก.พ. 2570'],
    ['29 ก.พ. 2568'], // 2025 is not a leap year
    ['30 ก.พ. 2567'],
    ['31 เม.ย. 2568'],
    ['5/13/2570'],
    ['0/1/2570'],
    ['32/1/2570'],
    ['5 ม.ก. 2570'],
    ['5 มกราคม'],
    ['ม.ค. 2570'],
    ['5/1/570'],
    ['5/1/25700'],
    ['2027-02-30'],
    ['2027-13-01'],
    ['5 มกราคม ค.ศ. 27'],
    ['5/1-2570'],
    ['hello'],
  ])('rejects %j', (input) => {
    expect(parseThaiDate(input)).toBeNull();
  });

  it('round-trips every date of B.E. 2400–2700 in long, medium and numeric style', () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom(...fullRangeStyles), fc.boolean(), (iso, style, thaiDigits) => {
        expect(parseThaiDate(formatThaiDate(iso, { style, thaiDigits }))).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips the short style (2-digit year) for B.E. 2500–2599', () => {
    fc.assert(
      fc.property(dateInBe(2500, 2599), fc.boolean(), (iso, thaiDigits) => {
        expect(parseThaiDate(formatThaiDate(iso, { style: 'short', thaiDigits }))).toBe(iso);
      }),
    );
  });

  it('round-trips English long, medium and numeric output', () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom(...fullRangeStyles), fc.boolean(), (iso, style, thaiDigits) => {
        expect(parseThaiDate(formatThaiDate(iso, { style, lang: 'en', thaiDigits }))).toBe(iso);
      }),
    );
  });

  it('round-trips English short output (2-digit year and BE) for B.E. 2500–2599', () => {
    fc.assert(
      fc.property(dateInBe(2500, 2599), (iso) => {
        expect(parseThaiDate(formatThaiDate(iso, { style: 'short', lang: 'en' }))).toBe(iso);
      }),
    );
  });

  it('reads an English year by the same rule as a Thai one: never reinterpreted (ADR 0119)', () => {
    // No marker: ≥ 2400 is B.E., a smaller 4-digit year is C.E. — as before English printed B.E.
    expect(parseThaiDate('5 January 2027')).toBe('2027-01-05');
    expect(parseThaiDate('5 January 2570')).toBe('2027-01-05');
    // A marker after the year decides, as พ.ศ./ค.ศ. before it does.
    expect(parseThaiDate('5 January 2027 BE')).toBe('1484-01-05');
    expect(parseThaiDate('5 January 2570 CE')).toBe('2570-01-05');
    // A 2-digit C.E. year stays ambiguous; contradicting markers are not a date.
    expect(parseThaiDate('5 Jan 27 CE')).toBeNull();
    expect(parseThaiDate('5 Jan 27 AD')).toBeNull();
    expect(parseThaiDate('5 มกราคม ค.ศ. 2570 BE')).toBeNull();
    expect(parseThaiDate('5 มกราคม พ.ศ. 2027 AD')).toBeNull();
    // ISO is C.E. and takes no marker; a stray word after the year is not an era.
    expect(parseThaiDate('2027-01-05 BE')).toBeNull();
    expect(parseThaiDate('5 Jan 2570 BC')).toBeNull();
    expect(parseThaiDate('5 Jan 2570 BEE')).toBeNull();
  });

  it('accepts 29 February only in C.E. leap years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2400, max: 2700 }), (be) => {
        const leap = isLeapYear(be - 543);
        const expected = leap ? `${be - 543}-02-29` : null;
        expect(parseThaiDate(`29/02/${be}`)).toBe(expected);
        expect(parseThaiDate(`29 ก.พ. ${be}`)).toBe(expected);
        expect(parseThaiDate(`28 ก.พ. ${be}`)).toBe(`${be - 543}-02-28`);
      }),
    );
    // B.E. 2443 = C.E. 1900 is divisible by 4 but not a leap year; B.E. 2543 = C.E. 2000 is.
    expect(parseThaiDate('29 ก.พ. 2443')).toBeNull();
    expect(parseThaiDate('29 ก.พ. 2543')).toBe('2000-02-29');
  });

  it('returns null or a real ISO date for any input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseThaiDate(s);
        expect(r === null || isRealIsoDate(r)).toBe(true);
      }),
    );
  });
});

describe('parseThaiYearMonth', () => {
  it.each([
    ['ม.ค. 2568'],
    ['มกราคม 2568'],
    ['มค2568'],
    ['01/2568'],
    ['1/2568'],
    ['1-2568'],
    ['ม.ค. 68'],
    ['๐๑/๒๕๖๘'],
    ['2025-01'],
    ['เดือนมกราคม พ.ศ. 2568'],
  ])('reads %j as 2025-01', (input) => {
    expect(parseThaiYearMonth(input)).toBe('2025-01');
  });

  it.each([[''], ['13/2568'], ['0/2568'], ['ม.ค.'], ['2568'], ['5 ม.ค. 2568'], ['2025-13']])(
    'rejects %j',
    (input) => {
      expect(parseThaiYearMonth(input)).toBeNull();
    },
  );

  it('round-trips formatThaiYearMonth', () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom(...fullRangeStyles), fc.boolean(), (iso, style, thaiDigits) => {
        const ym = iso.slice(0, 7);
        expect(parseThaiYearMonth(formatThaiYearMonth(ym, { style, thaiDigits }))).toBe(ym);
        expect(parseThaiYearMonth(formatThaiYearMonth(ym, { style, thaiDigits, lang: 'en' }))).toBe(ym);
      }),
    );
  });

  it('reads English month and year with BE, CE or no marker', () => {
    expect(parseThaiYearMonth('January 2568 BE')).toBe('2025-01');
    expect(parseThaiYearMonth('Jan 2568 BE')).toBe('2025-01');
    expect(parseThaiYearMonth('Jan 68 BE')).toBe('2025-01');
    expect(parseThaiYearMonth('01/2568 BE')).toBe('2025-01');
    expect(parseThaiYearMonth('Jan 2025')).toBe('2025-01');
    expect(parseThaiYearMonth('Jan 2025 CE')).toBe('2025-01');
    expect(parseThaiYearMonth('ค.ศ. 2568 BE')).toBeNull();
    expect(parseThaiYearMonth('มกราคม ค.ศ. 2568 BE')).toBeNull();
    expect(parseThaiYearMonth('2025-01 BE')).toBeNull();
  });
});
