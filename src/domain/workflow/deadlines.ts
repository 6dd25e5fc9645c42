import { addBusinessDays, businessDaysBetween } from '../business-days.ts';

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
