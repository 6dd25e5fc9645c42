import type { WorkflowKind } from './definitions.ts';

/** One requested change: a personal field, or an entry of a list item (new when no entryId). */
export type RequestedChange =
  | {
      item: 'personal';
      field: 'birthDate' | 'bloodGroup' | 'appointmentDate' | 'subjectGroup';
      to: string | null;
    }
  | { item: string; entryId?: string; data: Record<string, unknown> };

export type RoutingProblem = 'mixedAuthority' | 'empty';

/**
 * Routes a correction/addition request by what it changes (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 4.2–4.3).
 * A date of birth or an appointment date goes through its own authority, so it must be asked
 * for alone; a request that only adds entries is an addition (ข้อ 4.3).
 */
export function routeCorrection(changes: readonly RequestedChange[]): WorkflowKind | RoutingProblem {
  if (changes.length === 0) return 'empty';
  const fieldOf = (c: RequestedChange) => (c.item === 'personal' && 'field' in c ? c.field : null);
  const special = changes.filter((c) => fieldOf(c) === 'birthDate' || fieldOf(c) === 'appointmentDate');
  if (special.length) {
    if (changes.length > 1) return 'mixedAuthority';
    return fieldOf(special[0]!) === 'birthDate' ? 'correction.birthDate' : 'correction.appointmentDate';
  }
  const additions = changes.every((c) => c.item !== 'personal' && !('entryId' in c && c.entryId));
  return additions ? 'addition' : 'correction.other';
}
