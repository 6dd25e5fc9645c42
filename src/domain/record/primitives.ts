import { z } from 'zod';
import { isRealIsoDate, isRealYearMonth } from '../iso-date.ts';
import { nationalIdProblem, normalizeNationalId } from '../national-id.ts';
import { registerYearProblem } from '../thai-date.ts';

// Control characters (C0, DEL) and zero-width/BOM characters are stripped from every text field.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200f\u2060\ufeff]/g;
const clean = (s: string) => s.normalize('NFC').replace(INVISIBLE, '').trim();

/**
 * Trimmed, NFC-normalised text without control or zero-width characters. The cleaning is an
 * `overwrite` (a check that replaces the value, run before the length checks that follow it)
 * rather than a transform piped into a second string schema: same result and messages, one
 * schema instead of three, which matters to a bulk import that checks tens of millions of cells.
 */
export const text = (max = 200) =>
  z
    .string({ error: 'err.required' })
    .overwrite(clean)
    .min(1, { error: 'err.required' })
    .max(max, { error: 'err.tooLong' });

export const optText = (max = 200) =>
  z
    .string()
    .overwrite(clean)
    .max(max, { error: 'err.tooLong' })
    .nullish()
    .transform((s) => (s ? s : null));

/** A calendar date (C.E., ISO): real, and with a year the register can have (registerYearProblem). */
export const isoDate = z
  .string({ error: 'err.required' })
  .refine(isRealIsoDate, { error: 'err.date', abort: true })
  .refine((s) => registerYearProblem(s) !== 'buddhistEra', { error: 'err.dateBuddhistEra', abort: true })
  .refine((s) => registerYearProblem(s) === null, { error: 'err.dateYearRange' });
export const optIsoDate = isoDate.nullish().transform((s) => s ?? null);

export const yearMonth = z
  .string({ error: 'err.required' })
  .refine(isRealYearMonth, { error: 'err.yearMonth', abort: true })
  .refine((s) => registerYearProblem(s) !== 'buddhistEra', { error: 'err.dateBuddhistEra', abort: true })
  .refine((s) => registerYearProblem(s) === null, { error: 'err.dateYearRange' });
export const optYearMonth = yearMonth.nullish().transform((s) => s ?? null);

/** A B.E. year (พ.ศ.) as used on the form for discipline and ethics entries. */
export const yearBE = z
  .number({ error: 'err.yearBE' })
  .int({ error: 'err.yearBE' })
  .min(2400, { error: 'err.yearBE' })
  .max(2700, { error: 'err.yearBE' });

/** Money in baht as a decimal string ("31080.00"): exact, never a float. */
export const money = z
  .union([z.string(), z.number()], { error: 'err.required' })
  .transform((v) => String(v).replace(/,/g, '').trim())
  .refine((s) => /^\d{1,10}(\.\d{1,2})?$/.test(s), { error: 'err.money' })
  .transform((s) => {
    const [b, f = ''] = s.split('.');
    return `${BigInt(b!).toString()}.${f.padEnd(2, '0')}`;
  });
export const optMoney = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? null : v))
  .pipe(money.nullable());

export const nationalId = z
  .string({ error: 'err.required' })
  .transform(normalizeNationalId)
  .superRefine((id, ctx) => {
    const p = nationalIdProblem(id);
    if (p) ctx.addIssue({ code: 'custom', message: `err.nationalId.${p}` });
  });

export const count = z
  .number({ error: 'err.number' })
  .int({ error: 'err.number' })
  .min(0, { error: 'err.number' });

/** Leave days: non-negative, in half-day steps (ลาครึ่งวัน). */
export const leaveDays = z
  .number({ error: 'err.number' })
  .min(0, { error: 'err.number' })
  .max(366, { error: 'err.number' })
  .refine((n) => Number.isInteger(n * 2), { error: 'err.halfDay' });

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'err.choice' });

/** Converts baht decimal string to integer satang (for storage) and back. */
export function bahtToSatang(baht: string): bigint {
  const [b, f = '0'] = baht.split('.');
  return BigInt(b!) * 100n + BigInt(f.padEnd(2, '0').slice(0, 2));
}
export function satangToBaht(satang: bigint | number | string): string {
  const v = BigInt(satang);
  const neg = v < 0n;
  const a = neg ? -v : v;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
}
