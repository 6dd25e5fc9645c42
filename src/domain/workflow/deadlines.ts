import { addBusinessDays, businessDaysBetween } from '../business-days.ts';
import { addDays } from '../civil-date.ts';

/**
 * Due date of a step "within n business days from `startIso`" (the start day not counted;
 * see business-days.ts), against the admin-edited holiday table.
 */
export function dueDate(startIso: string, businessDays: number, holidays: ReadonlySet<string>): string {
  return addBusinessDays(startIso, businessDays, holidays);
}

/** Business days a step is late on `todayIso` (0 when not late). */
export function businessDaysLate(due: string, todayIso: string, holidays: ReadonlySet<string>): number {
  return todayIso > due ? businessDaysBetween(due, todayIso, holidays) : 0;
}

/**
 * Deadline of a workflow status: n business days after `today` (entering the status), or n
 * calendar days after a date of the case (`data[dueFrom]`), or none.
 */
export function statusDueDate(
  status: { dueBusinessDays?: number; dueDays?: number; dueFrom?: string },
  data: Record<string, unknown>,
  today: string,
  holidays: ReadonlySet<string>,
): string | null {
  if (status.dueBusinessDays) return addBusinessDays(today, status.dueBusinessDays, holidays);
  const from = status.dueFrom ? data[status.dueFrom] : undefined;
  if (status.dueDays && typeof from === 'string') return addDays(from, status.dueDays);
  return null;
}
