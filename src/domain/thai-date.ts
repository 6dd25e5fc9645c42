/**
 * Thai calendar dates for display and input. Dates travel as ISO `YYYY-MM-DD` (C.E.) strings
 * (see iso-date.ts); the UI and printed forms show พุทธศักราช (B.E. = C.E. + 543).
 *
 * Output is produced by ICU (`Intl.DateTimeFormat` with the Buddhist calendar), never by a
 * hand-written calendar — in English too: "5 January 2570 BE", the way Thai government English
 * writes dates (ADR 0119); no C.E. year reaches a person in either language. Parsing is ours,
 * because Intl cannot parse: it accepts what an HR officer types ("5 ม.ค. 2570", "5/1/2570",
 * "๕ มกราคม ๒๕๗๐", "5 Jan 2570 BE", "2027-01-05") and everything this module prints.
 *
 * Note on early dates: until 31 Dec 2483 the Thai year began on 1 April, so official documents
 * of that time date Jan–Mar one B.E. year lower. Like ICU, this module applies the modern rule
 * (B.E. = C.E. + 543) to every date; old documents must be converted by whoever enters them.
 */
import { isoFromParts, isoParts } from './civil-date.ts';
import type { Lang } from './i18n/messages.ts';
import { isRealIsoDate, isRealYearMonth } from './iso-date.ts';
import { fromThaiDigits } from './thai-digits.ts';

/** Difference between the Buddhist era (พ.ศ.) and the Christian era (ค.ศ.) in years. */
export const BE_OFFSET = 543;

/** A B.E. year for a C.E. year. */
export function ceToBe(ceYear: number): number {
  return ceYear + BE_OFFSET;
}

/** A C.E. year for a B.E. year. */
export function beToCe(beYear: number): number {
  return beYear - BE_OFFSET;
}

/** The B.E. year of an ISO date, e.g. beYear('2027-01-05') === 2570. */
export function beYear(iso: string): number {
  return ceToBe(isoParts(iso).year);
}

/**
 * - `long`: 5 มกราคม 2570 · `medium`: 5 ม.ค. 2570 · `short`: 5 ม.ค. 70 · `numeric`: 05/01/2570
 * - English (`lang: 'en'`, en-GB, Buddhist era, ICU's " BE" kept in every style, ADR 0119):
 *   5 January 2570 BE · 5 Jan 2570 BE · 5 Jan 70 BE · 05/01/2570 BE
 */
export type ThaiDateStyle = 'long' | 'medium' | 'short' | 'numeric';

/** Options of formatThaiDate and formatThaiYearMonth. */
export interface ThaiDateFormatOptions {
  /** Defaults to `medium`. */
  style?: ThaiDateStyle;
  /** Print Thai digits (๐–๙) instead of ASCII digits. */
  thaiDigits?: boolean;
  /** Defaults to `th`; `en` prints en-GB, also in the Buddhist era ("5 Jan 2570 BE"). */
  lang?: Lang;
}

const DATE_FIELDS: Record<ThaiDateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  short: { day: 'numeric', month: 'short', year: '2-digit' },
  numeric: { day: '2-digit', month: '2-digit', year: 'numeric' },
};
const YEAR_MONTH_FIELDS: Record<ThaiDateStyle, Intl.DateTimeFormatOptions> = {
  long: { month: 'long', year: 'numeric' },
  medium: { month: 'short', year: 'numeric' },
  short: { month: 'short', year: '2-digit' },
  numeric: { month: '2-digit', year: 'numeric' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(fields: Intl.DateTimeFormatOptions, opts: ThaiDateFormatOptions): Intl.DateTimeFormat {
  const locale = opts.lang === 'en' ? 'en-GB-u-ca-buddhist' : 'th-TH-u-ca-buddhist';
  const numberingSystem = opts.thaiDigits ? 'thai' : 'latn';
  const key = `${locale}|${numberingSystem}|${JSON.stringify(fields)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...fields, numberingSystem, timeZone: 'Asia/Bangkok' });
    formatters.set(key, f);
  }
  return f;
}

/**
 * The instant to format for a calendar date: 12:00 UTC is the same calendar day in Bangkok
 * under any offset it has used (+6:42 LMT before 1920, +7 since).
 */
function noonUtc(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(12);
  return d;
}

/**
 * Formats an ISO date for display, e.g. formatThaiDate('2027-01-05', { style: 'long' }) ===
 * '5 มกราคม 2570'. Throws a RangeError if `iso` is not a real date.
 */
export function formatThaiDate(iso: string, opts: ThaiDateFormatOptions = {}): string {
  const { year, month, day } = isoParts(iso);
  return formatter(DATE_FIELDS[opts.style ?? 'medium'], opts).format(noonUtc(year, month, day));
}

/**
 * Formats an ISO year-month (`YYYY-MM`) for display, e.g. formatThaiYearMonth('2025-01') ===
 * 'ม.ค. 2568' (styles as formatThaiDate, without the day). Throws a RangeError if invalid.
 */
export function formatThaiYearMonth(ym: string, opts: ThaiDateFormatOptions = {}): string {
  if (!isRealYearMonth(ym)) throw new RangeError(`not an ISO year-month: ${JSON.stringify(ym)}`);
  const year = Number(ym.slice(0, 4));
  const month = Number(ym.slice(5, 7));
  return formatter(YEAR_MONTH_FIELDS[opts.style ?? 'medium'], opts).format(noonUtc(year, month, 15));
}

// ---- parsing ----

/** Month spellings, compared after removing dots and spaces and lower-casing. */
const MONTH_SPELLINGS: readonly (readonly string[])[] = [
  ['มกราคม', 'มค', 'มกรา', 'january', 'jan'],
  ['กุมภาพันธ์', 'กพ', 'กุมภา', 'february', 'feb'],
  ['มีนาคม', 'มีค', 'มีนา', 'march', 'mar'],
  ['เมษายน', 'เมย', 'เมษา', 'april', 'apr'],
  ['พฤษภาคม', 'พค', 'พฤษภา', 'may'],
  ['มิถุนายน', 'มิย', 'มิถุนา', 'june', 'jun'],
  // กรกฏาคม (with ฏ) is a common misspelling of กรกฎาคม.
  ['กรกฎาคม', 'กค', 'กรกฎา', 'กรกฏาคม', 'กรกฏา', 'july', 'jul'],
  ['สิงหาคม', 'สค', 'สิงหา', 'august', 'aug'],
  ['กันยายน', 'กย', 'กันยา', 'september', 'sep', 'sept'],
  ['ตุลาคม', 'ตค', 'ตุลา', 'october', 'oct'],
  ['พฤศจิกายน', 'พย', 'พฤศจิกา', 'พฤศจิ', 'november', 'nov'],
  ['ธันวาคม', 'ธค', 'ธันวา', 'december', 'dec'],
];
const MONTHS = new Map<string, number>(MONTH_SPELLINGS.flatMap((names, i) => names.map((n) => [n, i + 1])));

function monthFromName(name: string): number | null {
  return MONTHS.get(name.replace(/[.\s]/g, '').toLowerCase()) ?? null;
}

type Era = 'BE' | 'CE' | null;

/** Era markers typed before the year: พ.ศ. / ค.ศ. (dots and spaces optional). */
const ERA = String.raw`(?:(พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*)?`;
/**
 * Era markers typed after the year, as English writes them: BE / B.E. (what Intl prints in
 * English), CE / C.E. / AD / A.D. (dots and one space optional, any case); also พ.ศ. / ค.ศ.
 */
const TRAILING_ERA = String.raw`(?:\s*(b\.?\s?e\.?|c\.?\s?e\.?|a\.?\s?d\.?|พ\.?\s?ศ\.?|ค\.?\s?ศ\.?))?`;
const DAY_MONTH_NAME_YEAR = new RegExp(
  String.raw`^(?:วันที่\s*)?(\d{1,2})\s*([^\d]+?)\s*${ERA}(\d{2}|\d{4})${TRAILING_ERA}$`,
  'iu',
);
const MONTH_NAME_YEAR = new RegExp(
  String.raw`^(?:เดือน\s*)?([^\d]+?)\s*${ERA}(\d{2}|\d{4})${TRAILING_ERA}$`,
  'iu',
);
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})${TRAILING_ERA}$`,
  'iu',
);
const MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})${TRAILING_ERA}$`, 'iu');
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;

function eraOf(marker: string | undefined): Era {
  if (!marker) return null;
  return /^[พb]/i.test(marker) ? 'BE' : 'CE';
}

/**
 * The era of a year marked before and/or after it ("พ.ศ. 2570", "2570 BE"): `undefined` when
 * the two markers contradict each other ("ค.ศ. 2570 BE") — such input is not a date.
 */
function eraOfMarkers(before: string | undefined, after: string | undefined): Era | undefined {
  const a = eraOf(before);
  const b = eraOf(after);
  if (a && b && a !== b) return undefined;
  return a ?? b;
}

/**
 * The C.E. year of a typed year: 2 digits are a B.E. year 25xx; 4 digits ≥ 2400 are B.E. and
 * smaller ones C.E., unless an era marker says otherwise. Null for C.E. years before 1000.
 */
function ceYearOf(digits: string, era: Era | undefined): number | null {
  if (era === undefined) return null;
  const n = Number(digits);
  let ce: number;
  if (digits.length === 2) {
    if (era === 'CE') return null; // a 2-digit C.E. year is ambiguous
    ce = beToCe(2500 + n);
  } else if (era === 'BE' || (era === null && n >= 2400)) ce = beToCe(n);
  else ce = n;
  return ce >= 1000 ? ce : null;
}

function normalizeInput(input: string): string {
  return fromThaiDigits(input.normalize('NFC'))
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isoIfReal(year: number | null, month: number | null, day: number): string | null {
  if (year === null || month === null) return null;
  const iso = isoFromParts(year, month, day);
  return isRealIsoDate(iso) ? iso : null;
}

/**
 * Parses a date as typed by a person and returns it as ISO C.E., or null when the input is not
 * a date that exists. Accepted forms (Thai or ASCII digits, any spacing):
 * - day, month name, year: "5 ม.ค. 2570", "5 มกราคม 2570", "5 มค 2570", "5 มกรา 70",
 *   "วันที่ 5 มกราคม พ.ศ. 2570", "5 January 2570 BE", "5 Jan 70 BE", "5 Jan 2027";
 * - numeric day/month/year with `/`, `-` or `.`: "05/01/2570", "5/1/2570", "5-1-2570", "5/1/70",
 *   "05/01/2570 BE";
 * - ISO "2027-01-05" (always C.E.; no era marker).
 * Years: 2 digits are B.E. 25xx; 4 digits ≥ 2400 are B.E., smaller ones C.E.; an era marker
 * overrides — "พ.ศ."/"ค.ศ." before the year, "BE"/"B.E."/"CE"/"C.E."/"AD"/"A.D." after it
 * (ADR 0119). Two markers that contradict each other ("ค.ศ. 2570 BE") make the input not a date.
 */
export function parseThaiDate(input: string): string | null {
  const s = normalizeInput(input);
  let m = ISO_DATE.exec(s);
  if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return isoIfReal(ceYearOf(m[4]!, eraOf(m[5])), Number(m[3]), Number(m[1]));
  m = DAY_MONTH_NAME_YEAR.exec(s);
  if (m) return isoIfReal(ceYearOf(m[4]!, eraOfMarkers(m[3], m[5])), monthFromName(m[2]!), Number(m[1]));
  return null;
}

/**
 * Parses a month and year ("ม.ค. 2568", "มกราคม 2568", "01/2568", "1/68", "Jan 2568 BE",
 * "01/2568 BE", "2025-01") and returns ISO `YYYY-MM` (C.E.), or null. Years and era markers are
 * read as in parseThaiDate.
 */
export function parseThaiYearMonth(input: string): string | null {
  const s = normalizeInput(input);
  const iso = ISO_YEAR_MONTH.exec(s);
  const numeric = iso ? null : MONTH_YEAR.exec(s);
  const named = iso || numeric ? null : MONTH_NAME_YEAR.exec(s);
  let year: number | null = null;
  let month: number | null = null;
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
  } else if (numeric) {
    year = ceYearOf(numeric[2]!, eraOf(numeric[3]));
    month = Number(numeric[1]);
  } else if (named) {
    year = ceYearOf(named[3]!, eraOfMarkers(named[2], named[4]));
    month = monthFromName(named[1]!);
  }
  if (year === null || month === null) return null;
  const ym = isoFromParts(year, month, 1).slice(0, 7);
  return isRealYearMonth(ym) ? ym : null;
}

/**
 * The years (C.E.) a date in this register can have: the oldest orders and births on a ก.ค.ศ.๑๖
 * are from the 20th century, and the latest dates are licence expiries and retirements a few
 * decades ahead. A year outside is a typing or conversion error, not a date (issue 17 §4).
 */
export const REGISTER_YEARS = { min: 1900, max: 2100 } as const;

/**
 * Why a real ISO date's year cannot be in the register: `buddhistEra` when it is a พ.ศ. year
 * written where a ค.ศ. one belongs (2569-01-15 for 2026-01-15), `outOfRange` for any other year
 * outside REGISTER_YEARS (0001-01-01); null when the year is fine. The API carries dates in
 * C.E. (ADR 0006); only the screens and documents show พ.ศ.
 */
export function registerYearProblem(s: string): 'buddhistEra' | 'outOfRange' | null {
  const y = Number(s.slice(0, 4));
  if (y >= REGISTER_YEARS.min && y <= REGISTER_YEARS.max) return null;
  const ce = y - BE_OFFSET;
  if (ce >= REGISTER_YEARS.min && ce <= REGISTER_YEARS.max) return 'buddhistEra';
  return 'outOfRange';
}
