import type { Actor, Role } from '../../platform/authz/index.ts';
import { GRANTABLE_BY_ACCESS_CONTROLLER, isOtepcDataController } from '../../platform/authz/index.ts';

/**
 * Who may grant which role where (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 2.2): OTEPC (its data controller)
 * appoints access controllers and may grant any role; an office's access controller grants the
 * records-officer and clerk roles in its own office only. Nobody grants themselves anything.
 */
export function canGrant(actor: Actor, role: Role, officeId: string): boolean {
  if (isOtepcDataController(actor)) return true;
  return (
    GRANTABLE_BY_ACCESS_CONTROLLER.includes(role) &&
    actor.assignments.some((a) => a.role === 'access_controller' && a.officeId === officeId)
  );
}

/** Offices whose assignments the actor administers (null = all, for OTEPC). */
export function administeredOffices(actor: Actor): string[] | null {
  if (isOtepcDataController(actor)) return null;
  return actor.assignments.filter((a) => a.role === 'access_controller').map((a) => a.officeId);
}

/**
 * Accounts without a person record (national or agency accounts) are not any office's staff:
 * an office's access controller may not grant them a role (ข้อ 2.2.3 covers the office's own
 * officers and clerks); OTEPC's data controller appoints them (ข้อ 2.2.2).
 */
export function mayGrantWithoutRecord(actor: Actor): boolean {
  return isOtepcDataController(actor);
}
