import { dayNumber } from '../../domain/civil-date.ts';
import type { Lang } from '../../domain/i18n/messages.ts';
import { isRealIsoDate, isRealYearMonth, todayInBangkok } from '../../domain/iso-date.ts';
import { formatThaiDate, formatThaiYearMonth, type ThaiDateStyle } from '../../domain/thai-date.ts';

/** A date for display in พ.ศ. (English too: "5 Jan 2570 BE"); "-" when empty; the raw text if not a date. */
export function fmtDate(iso: string | null | undefined, lang: Lang, style: ThaiDateStyle = 'medium'): string {
  if (!iso) return '-';
  const d = iso.slice(0, 10);
  return isRealIsoDate(d) ? formatThaiDate(d, { style, lang }) : iso;
}

export function fmtYearMonth(ym: string | null | undefined, lang: Lang): string {
  if (!ym) return '';
  return isRealYearMonth(ym) ? formatThaiYearMonth(ym, { lang }) : ym;
}

/** "ม.ค. 2548 - มี.ค. 2549": the form's "ตั้งแต่ - ถึง (เดือน ปี)" columns. */
export function fmtMonthRange(
  from: string | null | undefined,
  to: string | null | undefined,
  lang: Lang,
): string {
  const a = fmtYearMonth(from, lang);
  const b = fmtYearMonth(to, lang);
  if (!b || b === a) return a || '-';
  return `${a} - ${b}`;
}

export function fmtDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  lang: Lang,
): string {
  const a = fmtDate(from, lang);
  if (!to) return a;
  return `${a} - ${fmtDate(to, lang)}`;
}

/** Baht from a decimal string: "31080.00" → "31,080.00". */
export function fmtMoney(v: string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  const [b = '0', f = '00'] = String(v).split('.');
  return `${b.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f.padEnd(2, '0').slice(0, 2)}`;
}

const DATE_TIME_FIELDS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Bangkok',
};
/** Made once per language: building an Intl.DateTimeFormat is not free and tables call this per row. */
const DATE_TIME: Record<Lang, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', DATE_TIME_FIELDS),
  en: new Intl.DateTimeFormat('en-GB-u-ca-buddhist', DATE_TIME_FIELDS),
};

/**
 * A timestamp (ISO instant) as a Bangkok date and time in พ.ศ., in English too (ADR 0119):
 * "5 ม.ค. 2570 19:00" · "5 Jan 2570 BE, 19:00".
 */
export function fmtDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return DATE_TIME[lang].format(d);
}

/** Days from today (Bangkok) to an ISO date; negative when past. */
export function daysUntil(iso: string): number {
  return dayNumber(iso) - dayNumber(todayInBangkok());
}
