/**
 * The one authorization of (actor, action, person, items) that every route reading or writing
 * personal data goes through (ADR 0110). Three forms of the same rule of ระเบียบ ก.ค.ศ. คู่มือ
 * ข้อ 6.1 — "who reaches which person, and which items of that person":
 *  - per person: `authorizePerson` loads the person in scope (personScope, else 404) with the
 *    caller's PersonAccess and checks that every item the route reads or writes is allowed;
 *  - over many people: `itemScope` is personScope restricted to the assignments that reach one
 *    item, so a list or an export of an item group includes exactly the people whose item the
 *    caller may read (a clerk's export of discipline is empty; of training is her office's);
 *  - over what a request brings: `authorizeImport` decides from the groups of an uploaded file.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import { RECORD_ITEM_KEYS, type RecordItemKey } from '../../../domain/record/items.ts';
import type { Executor } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import type { ActiveAssignment, Actor } from './actor.ts';
import { ROLE_DEFS } from './roles.ts';
import { type PersonAccess, personAccess, personScope } from './scope.ts';

const { persons } = schema;

export type ItemAction = 'read' | 'edit';

/** Whether one assignment, where it reaches, lets its holder `action` the item (ข้อ 6.1.3). */
export function assignmentGrants(a: ActiveAssignment, action: ItemAction, item: RecordItemKey): boolean {
  const def = ROLE_DEFS[a.role];
  if (!def.permissions.includes(action === 'read' ? 'record.read' : 'record.edit')) return false;
  return !def.itemRestricted || a.items.includes(item);
}

/**
 * The people for whom the actor may read `item`: personScope over only the assignments that
 * grant the item (and the actor's own record, which the owner reads in full, ข้อ 6.1.1).
 */
export function itemScope(actor: Actor, item: RecordItemKey): SQL {
  return personScope({
    ...actor,
    assignments: actor.assignments.filter((a) => assignmentGrants(a, 'read', item)),
  });
}

/**
 * The items the actor may read of at least someone through an assignment (what an export or a
 * list by item may contain at all); the owner's own record is not a list and does not count.
 */
export function readableItems(actor: Actor): RecordItemKey[] {
  return RECORD_ITEM_KEYS.filter((k) => actor.assignments.some((a) => assignmentGrants(a, 'read', k)));
}

/** The items of `items` that `access` does not allow for `action`. */
export function missingItems(
  access: Pick<PersonAccess, 'read' | 'edit'>,
  action: ItemAction,
  items: readonly RecordItemKey[] | 'all',
): RecordItemKey[] {
  const have = new Set(action === 'read' ? access.read : access.edit);
  return (items === 'all' ? RECORD_ITEM_KEYS : items).filter((k) => !have.has(k));
}

export type PersonFacts = { id: string; officeId: string | null; status: string };

/**
 * Loads one person in the actor's scope with what the actor may do there. Null when out of
 * scope or when nothing of the record is readable.
 */
export async function loadPersonAccess(
  ex: Executor,
  actor: Actor,
  personId: string,
): Promise<{ person: PersonFacts; access: PersonAccess } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null;
  const [person] = await ex
    .select({ id: persons.id, officeId: persons.officeId, status: persons.status })
    .from(persons)
    .where(and(eq(persons.id, personId), personScope(actor)));
  if (!person) return null;
  const access = await personAccess(ex, actor, person);
  if (access.read.length === 0) return null;
  return { person, access };
}

/**
 * The check every personal-data route makes: the person must be in scope with something
 * readable (else 404: the person does not exist for the caller), and every item the route reads
 * or writes must be allowed (else 403 — or 404 with `hide`, when even the existence of the
 * thing asked for must not be told).
 */
export async function authorizePerson(
  ex: Executor,
  actor: Actor,
  personId: string,
  action: ItemAction,
  items: readonly RecordItemKey[] | 'all' | 'any',
  opts: { hide?: boolean } = {},
): Promise<{ person: PersonFacts; access: PersonAccess }> {
  const found = await loadPersonAccess(ex, actor, personId);
  if (!found) throw new AppError('notFound');
  if (items === 'any') {
    if (action === 'edit' && found.access.edit.length === 0) throw new AppError('forbidden');
    return found;
  }
  if (missingItems(found.access, action, items).length)
    throw new AppError(opts.hide ? 'notFound' : 'forbidden');
  return found;
}

export type ImportGrant = {
  /** Offices the new people must fall under. */
  officePaths: string[];
  /** The records officer's assignment the new people join (ข้อ 6.1.2). */
  assignmentId: string | null;
};

/**
 * Bulk import: which groups of the file the actor may write. A file's people sheet creates new
 * records, which only a role editing every item does (the records officer, ข้อ 6.1.2, 3.3; a
 * clerk records only the items assigned to her, ข้อ 6.1.3, into existing records); every item
 * sheet must be an item the creating assignments edit. Returns the first refused group, or the
 * offices and the assignment the import writes under.
 */
export function authorizeImport(
  actor: Actor,
  groups: { people: boolean; items: readonly RecordItemKey[] },
):
  | { ok: true; grant: ImportGrant }
  | { ok: false; group: 'people' | RecordItemKey; reason: 'create' | 'item' } {
  const editing = actor.assignments.filter((a) => ROLE_DEFS[a.role].permissions.includes('record.edit'));
  const creating = editing.filter((a) => !ROLE_DEFS[a.role].itemRestricted);
  const writers = groups.people ? creating : editing;
  if (groups.people && creating.length === 0) return { ok: false, group: 'people', reason: 'create' };
  for (const item of groups.people ? (['personal', ...groups.items] as RecordItemKey[]) : groups.items)
    if (!writers.some((a) => assignmentGrants(a, 'edit', item)))
      return { ok: false, group: item === 'personal' ? 'people' : item, reason: 'item' };
  return {
    ok: true,
    grant: {
      officePaths: [...new Set(writers.map((a) => a.officePath))],
      assignmentId: writers.find((a) => ROLE_DEFS[a.role].scope === 'assigned')?.id ?? null,
    },
  };
}
