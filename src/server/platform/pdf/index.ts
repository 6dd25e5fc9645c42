/**
 * PDF printouts (public surface of platform/pdf): ก.ค.ศ.๑๖ rendering and the Thai text helpers
 * other printouts reuse.
 */
export { type AddressNames, type AddressResolver, thaiDataAddressResolver } from './address.ts';
export { formatMoney, formatNationalId, thaiDateLong, thaiDateShort, thaiMonthYear } from './format.ts';
export { fullName, type Ks16Options, type Ks16Photo, renderKs16, type SignatureMark } from './ks16.ts';
export { drawQr } from './qr.ts';
export { type Cell, type HeaderCell, Sheet, type SheetOptions, type TableSpec } from './sheet.ts';
export { fixThaiFont, stripBreaks, thaiBreaks, toThaiDigits, ZWSP } from './thai-text.ts';
