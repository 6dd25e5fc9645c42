import { and, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { RECORD_ITEM_KEYS, type RecordItemKey } from '../../../domain/record/items.ts';
import { correctionOnlyFields, type ProtectedField } from '../../../domain/record/protected-fields.ts';
import type { AllowedActions } from '../../../domain/record/record-view.ts';
import { ONBOARDING_OWNER_ITEMS } from '../../../domain/workflow/definitions.ts';
import type { Executor } from '../db/index.ts';
import { schema } from '../db/index.ts';
import type { Actor } from './actor.ts';
import { ROLE_DEFS } from './roles.ts';

const { persons, offices, assignmentPeople, workflowCases } = schema;

/**
 * The one visibility condition over `persons` (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 6.1): reused by every
 * list and get, so a person outside it simply does not exist for the caller (404).
 */
export function personScope(actor: Actor): SQL {
  const conds: SQL[] = [];
  if (actor.personId) conds.push(eq(persons.id, actor.personId));
  const paths = actor.assignments
    .filter((a) => ROLE_DEFS[a.role].scope === 'office')
    .map((a) => a.officePath);
  // A prefix match on the person's own copy of the office path (persons.office_path, kept by
  // triggers): no join with the offices of the subtree, which for a national role is every office.
  // Office codes may contain LIKE wildcards ("_"): a path is matched literally, then anything.
  if (paths.length)
    conds.push(
      or(...[...new Set(paths)].map((p) => like(persons.officePath, `${p.replace(/[\\%_]/g, '\\$&')}%`)))!,
    );
  const assignedIds = actor.assignments
    .filter((a) => ROLE_DEFS[a.role].scope === 'assigned')
    .map((a) => a.id);
  if (assignedIds.length)
    conds.push(
      sql`exists (select 1 from ${assignmentPeople} where ${assignmentPeople.personId} = ${persons.id} and ${inArray(assignmentPeople.assignmentId, assignedIds)})`,
    );
  const provinces = actor.assignments
    .filter((a) => ROLE_DEFS[a.role].scope === 'province' && a.provinceCode)
    .map((a) => a.provinceCode!);
  if (provinces.length)
    conds.push(
      inArray(
        persons.officeId,
        sql`(select ${offices.id} from ${offices} where ${inArray(offices.provinceCode, [...new Set(provinces)])})`,
      ),
    );
  return conds.length ? or(...conds)! : sql`false`;
}

export type PersonAccess = AllowedActions & { isOwner: boolean; correctionOnly: ProtectedField[] };

/** What personAccess needs to know about one person besides the actor. */
export type AccessFacts = {
  /** Path and province of the person's office (null without an office). */
  officePath: string | null;
  officeProvince: string | null;
  /** Which of the actor's assigned-people assignments list this person. */
  assignedHere: string[];
  /** The person's onboarding case waits at the owner-entry step. */
  onboardingOpen: boolean;
  /**
   * The person's onboarding case (ข้อ 3) is open — the record is being made and not certified
   * yet: its date of birth and appointment date are still onboarding data (protected-fields.ts).
   */
  onboardingInProgress: boolean;
};

const assignedIdsOf = (actor: Actor) =>
  actor.assignments.filter((a) => ROLE_DEFS[a.role].scope === 'assigned').map((a) => a.id);

/**
 * The facts as columns of a query over `persons` (office_path, office_province, assigned_here,
 * onboarding_open), so a read can load the person, check scope and decide access in ONE
 * statement. Same conditions as loadAccessFacts.
 */
export function accessFactsSql(actor: Actor): SQL {
  const assignedIds = assignedIdsOf(actor);
  const assigned = assignedIds.length
    ? sql`(select coalesce(array_agg(${assignmentPeople.assignmentId}::text), '{}') from ${assignmentPeople} where ${assignmentPeople.personId} = ${persons.id} and ${inArray(assignmentPeople.assignmentId, assignedIds)})`
    : sql`'{}'::text[]`;
  const onboarding = actor.personId
    ? sql`(${persons.id} = ${actor.personId} and exists (select 1 from ${workflowCases} where ${workflowCases.personId} = ${persons.id} and ${workflowCases.kind} = 'onboarding' and ${workflowCases.status} = 'owner_entry' and ${workflowCases.closedAt} is null))`
    : sql`false`;
  return sql`${persons.officePath} as office_path,
    (select ${offices.provinceCode} from ${offices} where ${offices.id} = ${persons.officeId}) as office_province,
    ${assigned} as assigned_here, ${onboarding} as onboarding_open,
    exists (select 1 from ${workflowCases} where ${workflowCases.personId} = ${persons.id} and ${workflowCases.kind} = 'onboarding' and ${workflowCases.closedAt} is null) as onboarding_in_progress`;
}

/** Reads the facts for one person (when the person was loaded without accessFactsSql). */
async function loadAccessFacts(
  ex: Executor,
  actor: Actor,
  person: { id: string; officeId: string | null },
): Promise<AccessFacts> {
  let office: { path: string; provinceCode: string | null } | undefined;
  if (person.officeId && actor.assignments.length) {
    [office] = await ex
      .select({ path: offices.path, provinceCode: offices.provinceCode })
      .from(offices)
      .where(eq(offices.id, person.officeId));
  }
  const assignedIds = assignedIdsOf(actor);
  const assignedHere = assignedIds.length
    ? (
        await ex
          .select({ id: assignmentPeople.assignmentId })
          .from(assignmentPeople)
          .where(
            and(
              eq(assignmentPeople.personId, person.id),
              inArray(assignmentPeople.assignmentId, assignedIds),
            ),
          )
      ).map((r) => r.id)
    : [];
  // The person's open onboarding case, if any: the owner enters her items at its owner-entry
  // step; until it is certified the record is at the onboarding stage (protected-fields.ts).
  const [open] = await ex
    .select({ status: workflowCases.status })
    .from(workflowCases)
    .where(
      and(
        eq(workflowCases.personId, person.id),
        eq(workflowCases.kind, 'onboarding'),
        isNull(workflowCases.closedAt),
      ),
    )
    .limit(1);
  const onboardingOpen = actor.personId === person.id && open?.status === 'owner_entry';
  return {
    officePath: office?.path ?? null,
    officeProvince: office?.provinceCode ?? null,
    assignedHere,
    onboardingOpen,
    onboardingInProgress: !!open,
  };
}

/**
 * What the actor may do with one person already known to be in scope: which record items they
 * may read and edit. Owners read everything of their own record; clerks only their items; only
 * records officers and clerks edit (the owner asks for corrections, ข้อ 4).
 */
export function accessFromFacts(
  actor: Actor,
  person: { id: string; status: string },
  facts: AccessFacts,
): PersonAccess {
  const read = new Set<RecordItemKey>();
  const edit = new Set<RecordItemKey>();
  const isOwner = actor.personId === person.id;
  if (isOwner) for (const k of RECORD_ITEM_KEYS) read.add(k);
  const assignedHere = new Set(facts.assignedHere);
  for (const a of actor.assignments) {
    const def = ROLE_DEFS[a.role];
    const reaches =
      def.scope === 'office'
        ? !!facts.officePath?.startsWith(a.officePath)
        : def.scope === 'assigned'
          ? assignedHere.has(a.id)
          : facts.officeProvince !== null && facts.officeProvince === a.provinceCode;
    if (!reaches) continue;
    const items = def.itemRestricted ? a.items : RECORD_ITEM_KEYS;
    if (def.permissions.includes('record.read')) for (const k of items) read.add(k);
    if (def.permissions.includes('record.edit') && person.status === 'active')
      for (const k of items) edit.add(k);
  }
  // Nobody changes their own record through an officer's role: the owner asks for a correction
  // (ข้อ 4.1) and someone else records it — no self-approval path (separation of duties).
  if (isOwner) edit.clear();
  // The one exception (ข้อ 3.2): a new hire enters items 3.2.1–3.2.15 herself while her onboarding
  // case is at the owner-entry step; the officer then checks them against the documents (ข้อ 3.3).
  if (isOwner && person.status === 'active' && facts.onboardingOpen)
    for (const k of ONBOARDING_OWNER_ITEMS) edit.add(k);
  const order = (s: Set<RecordItemKey>) => RECORD_ITEM_KEYS.filter((k) => s.has(k));
  // ข้อ 4.2.1/4.2.2: once the record is established, no direct write changes these; the UI shows
  // them read-only and every writer refuses a change (only the applied correction writes them).
  const correctionOnly = correctionOnlyFields(facts.onboardingInProgress ? 'onboarding' : 'established');
  return { isOwner, read: order(read), edit: order(edit), correctionOnly };
}

/** personAccess for a person row: loads the facts, then accessFromFacts. */
export async function personAccess(
  ex: Executor,
  actor: Actor,
  person: { id: string; officeId: string | null; status: string },
): Promise<PersonAccess> {
  return accessFromFacts(actor, person, await loadAccessFacts(ex, actor, person));
}
