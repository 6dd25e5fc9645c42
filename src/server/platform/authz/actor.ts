import type { RecordItemKey } from '../../../domain/record/items.ts';
import type { Permission, Role } from './roles.ts';
import { ROLE_DEFS } from './roles.ts';

export type ActiveAssignment = {
  id: string;
  role: Role;
  officeId: string;
  officePath: string;
  officeKind: string;
  provinceCode: string | null;
  /** For item-restricted roles: the items assigned. */
  items: RecordItemKey[];
};

/** The authenticated subject of a request, rebuilt from the database on every request. */
export type Actor = {
  userId: string;
  personId: string | null;
  nationalId: string;
  displayName: string;
  sessionId: string;
  authTime: string;
  authMethod: string;
  assignments: ActiveAssignment[];
  /** The user has a confirmed TOTP authenticator (ADR 0113). */
  totpEnrolled?: boolean;
  /**
   * Set while the session still owes its second factor (ADR 0113): such a session may only
   * finish signing in (routes with `config.pendingSecondFactor`), nothing else.
   */
  secondFactor?: 'totp' | 'enrol' | null;
};

export function hasPermission(actor: Actor, p: Permission): boolean {
  return actor.assignments.some((a) => ROLE_DEFS[a.role].permissions.includes(p));
}

export function isOtepcDataController(actor: Actor): boolean {
  return actor.assignments.some((a) => a.role === 'data_controller' && a.officeKind === 'otepc');
}

export function actorRoles(actor: Actor | null): string[] {
  if (!actor) return [];
  const roles = actor.assignments.map((a) => a.role as string);
  if (actor.personId) roles.unshift('owner');
  return [...new Set(roles)];
}
