import { and, asc, gte, lte } from 'drizzle-orm';
import { fiscalYearRange } from '../../../domain/fiscal-year.ts';
import { type Executor, schema } from '../../platform/db/index.ts';

const { holidays } = schema;

/** The public-holiday table (business days skip it), in date order; optionally one fiscal year (B.E.). */
export async function listHolidays(ex: Executor, fiscalYearBE?: number) {
  const range = fiscalYearBE ? fiscalYearRange(fiscalYearBE) : null;
  return ex
    .select({
      date: holidays.date,
      nameTh: holidays.nameTh,
      kind: holidays.kind,
      confidence: holidays.confidence,
      source: holidays.source,
      updatedAt: holidays.updatedAt,
    })
    .from(holidays)
    .where(range ? and(gte(holidays.date, range.start), lte(holidays.date, range.end)) : undefined)
    .orderBy(asc(holidays.date));
}
