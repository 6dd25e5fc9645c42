import type { Actor } from '../../platform/authz/index.ts';
import { hasPermission, isOtepcDataController } from '../../platform/authz/index.ts';

/** The holiday table is national: only OTEPC's data controller edits it (reference.manage). */
export function canManageHolidays(actor: Actor): boolean {
  return hasPermission(actor, 'reference.manage') && isOtepcDataController(actor);
}
