import { and, inArray } from 'drizzle-orm';
import type { WorkflowRole } from '../../../domain/workflow/index.ts';
import { type Actor, ROLE_DEFS, type Role } from '../../platform/authz/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';

const { offices, assignmentPeople } = schema;

const ROLE_MAP: Partial<Record<Role, WorkflowRole>> = {
  records_officer: 'records_officer',
  data_entry_clerk: 'data_entry_clerk',
  certifier: 'certifier',
  district_director: 'director',
  agency_head: 'director',
};

export type PersonPlace = { id: string; officeId: string | null };

/**
 * The workflow roles the actor holds over each person: an assignment counts only if it reaches
 * the person (same reach as personAccess: office subtree, assigned people, province), so an
 * officer of another office has no role in the case (ข้อ 6.1). The OTEPC data controller acts
 * as สำนักงาน ก.ค.ศ. on every record (ข้อ 4.2.1).
 */
export async function workflowRolesFor(
  ex: Executor,
  actor: Actor,
  people: PersonPlace[],
): Promise<Map<string, Set<WorkflowRole>>> {
  const out = new Map<string, Set<WorkflowRole>>();
  const officeIds = [...new Set(people.map((p) => p.officeId).filter((x): x is string => !!x))];
  const officeRows = officeIds.length
    ? await ex
        .select({ id: offices.id, path: offices.path, provinceCode: offices.provinceCode })
        .from(offices)
        .where(inArray(offices.id, officeIds))
    : [];
  const officeById = new Map(officeRows.map((o) => [o.id, o]));
  const assignedIds = actor.assignments
    .filter((a) => ROLE_DEFS[a.role].scope === 'assigned')
    .map((a) => a.id);
  const assignedPairs =
    assignedIds.length && people.length
      ? await ex
          .select({ a: assignmentPeople.assignmentId, p: assignmentPeople.personId })
          .from(assignmentPeople)
          .where(
            and(
              inArray(assignmentPeople.assignmentId, assignedIds),
              inArray(
                assignmentPeople.personId,
                people.map((p) => p.id),
              ),
            ),
          )
      : [];
  const assigned = new Set(assignedPairs.map((r) => `${r.a}/${r.p}`));
  for (const p of people) {
    const roles = new Set<WorkflowRole>();
    if (actor.personId === p.id) roles.add('owner');
    const office = p.officeId ? officeById.get(p.officeId) : undefined;
    for (const a of actor.assignments) {
      if (a.role === 'data_controller' && a.officeKind === 'otepc') roles.add('otepc');
      const wr = ROLE_MAP[a.role];
      if (!wr) continue;
      const def = ROLE_DEFS[a.role];
      const reaches =
        def.scope === 'office'
          ? !!office && office.path.startsWith(a.officePath)
          : def.scope === 'assigned'
            ? assigned.has(`${a.id}/${p.id}`)
            : !!office && office.provinceCode !== null && office.provinceCode === a.provinceCode;
      if (reaches) roles.add(wr);
    }
    out.set(p.id, roles);
  }
  return out;
}

/** One person's roles (see workflowRolesFor). */
export async function workflowRolesOver(ex: Executor, actor: Actor, person: PersonPlace) {
  return (await workflowRolesFor(ex, actor, [person])).get(person.id) ?? new Set<WorkflowRole>();
}

/** Loads the holiday table as a Set of ISO dates (business-day deadlines). */
export async function loadHolidays(ex: Executor): Promise<Set<string>> {
  const rows = await ex.select({ date: schema.holidays.date }).from(schema.holidays);
  return new Set(rows.map((r) => r.date));
}
