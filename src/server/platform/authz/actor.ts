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
