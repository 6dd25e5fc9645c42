/**
 * How officers type a person into the search box, turned into what the register indexes.
 *
 * The register indexes a person's name as "ชื่อ นามสกุล" (search_name), without the title: the
 * form keeps the title apart (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2.2 (1): คำนำหน้า; (2) ยศ/บรรดาศักดิ์), and
 * Thai offices list people by first name, then surname, titles ignored. Officers nevertheless
 * type the name as it is written on a document: "นางสาวปิยะนุช ใจดี", "นาง ปิยะนุช", "ว่าที่ร้อยตรี
 * สมชาย", "ดร.สมศักดิ์". The title is dropped here so that each finds the person.
 */

/**
 * Titles written before a Thai name: the form's prefixes (ข้อ 3.2.2 (1)), children's prefixes,
 * academic and professional titles, and the ranks and their abbreviations that teachers who were
 * reserve officers (ว่าที่ …) carry. Matched longest first.
 */
const TITLES = [
  'นางสาว',
  'นาง',
  'นาย',
  'น.ส.',
  'ด.ช.',
  'ด.ญ.',
  'เด็กชาย',
  'เด็กหญิง',
  'ดร.',
  'ศ.ดร.',
  'รศ.ดร.',
  'ผศ.ดร.',
  'ศ.',
  'รศ.',
  'ผศ.',
  'ว่าที่ร้อยตรีหญิง',
  'ว่าที่ร้อยตรี',
  'ว่าที่ร้อยโท',
  'ว่าที่ร้อยเอก',
  'ว่าที่ ร.ต.หญิง',
  'ว่าที่ ร.ต.',
  'ว่าที่ร.ต.',
  'ว่าที่ ร.ท.',
  'ว่าที่ ร.อ.',
  'สิบเอก',
  'ส.อ.',
  'จ่าสิบเอก',
  'จ.ส.อ.',
].sort((a, b) => b.length - a.length);

/** NFC, one space between words, no leading/trailing space. */
export function normalizeNameText(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * The name query without its leading titles (several may stand in a row: "ว่าที่ร้อยตรี ดร.สมชาย").
 * A query that is only a title (someone typing "นาง" to find "นางนวล") is kept as typed.
 * stripNameTitles('นางสาวปิยะนุช ใจดี') === 'ปิยะนุช ใจดี'.
 */
export function stripNameTitles(input: string): string {
  let q = normalizeNameText(input);
  for (;;) {
    const t = TITLES.find((title) => q.startsWith(title) && q.length > title.length);
    if (!t) return q;
    const rest = q.slice(t.length).trimStart();
    if (!rest) return q;
    q = rest;
  }
}

/**
 * What a search box entry is: a national ID (13 digits once dashes, spaces and Thai digits are
 * gone), a number of the wrong length (officers mistype IDs: say so instead of searching names
 * for digits), or a name.
 */
export type SearchEntry =
  | { kind: 'nationalId'; digits: string }
  | { kind: 'badIdLength'; digits: string; count: number }
  | { kind: 'name'; q: string }
  | { kind: 'empty' };

export function classifySearchEntry(input: string): SearchEntry {
  const text = normalizeNameText(input);
  if (!text) return { kind: 'empty' };
  const digits = text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[\s-]/g, '');
  if (/^\d+$/.test(digits))
    return digits.length === 13
      ? { kind: 'nationalId', digits }
      : { kind: 'badIdLength', digits, count: digits.length };
  const q = stripNameTitles(text);
  return { kind: 'name', q };
}
