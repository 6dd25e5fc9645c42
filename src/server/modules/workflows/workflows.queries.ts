import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import {
  ACTION_LABELS,
  type ActorRoleContext,
  allowedActions,
  caseDataFor,
  WORKFLOWS,
  type WorkflowKind,
} from '../../../domain/workflow/index.ts';
import { type Actor, personAccess, personScope } from '../../platform/authz/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';
import { workflowRolesFor, workflowRolesOver } from './workflow-roles.ts';

const { workflowCases, workflowSteps, persons, users } = schema;

export type CaseRow = typeof workflowCases.$inferSelect;

/** A case only if its person is visible to the actor (ข้อ 6.1); otherwise null (→ 404). */
export async function findCaseInScope(ex: Executor, actor: Actor, caseId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return null;
  const [row] = await ex
    .select({
      c: workflowCases,
      person: {
        id: persons.id,
        officeId: persons.officeId,
        displayName: persons.displayName,
        status: persons.status,
      },
    })
    .from(workflowCases)
    .innerJoin(persons, eq(persons.id, workflowCases.personId))
    .where(and(eq(workflowCases.id, caseId), personScope(actor)));
  return row ?? null;
}

/** The actor's position relative to a case, for assertTransition. */
export async function roleContext(
  ex: Executor,
  actor: Actor,
  c: CaseRow,
  person: { id: string; officeId: string | null },
): Promise<ActorRoleContext> {
  return {
    roles: await workflowRolesOver(ex, actor, person),
    isSubject: actor.personId === c.personId,
    isFiler: actor.userId === c.filedBy,
  };
}

/** A case as the API returns it: Thai status, steps, and the actions the caller may take. */
export async function presentCase(
  ex: Executor,
  actor: Actor,
  c: CaseRow,
  person: { id: string; officeId: string | null; displayName: string; status: string },
) {
  const def = WORKFLOWS[c.kind as WorkflowKind];
  const rc = await roleContext(ex, actor, c, person);
  // The request's data only as far as the reader may read the record (ADR 0110).
  const access = await personAccess(ex, actor, person);
  const steps = await ex
    .select({
      seq: workflowSteps.seq,
      action: workflowSteps.action,
      fromStatus: workflowSteps.fromStatus,
      toStatus: workflowSteps.toStatus,
      actorName: users.displayName,
      actorRole: workflowSteps.actorRole,
      at: workflowSteps.at,
      decision: workflowSteps.decision,
      reason: workflowSteps.reason,
      reference: workflowSteps.reference,
      signatureId: workflowSteps.signatureId,
      dueDate: workflowSteps.dueDate,
      late: workflowSteps.late,
    })
    .from(workflowSteps)
    .innerJoin(users, eq(users.id, workflowSteps.actorUserId))
    .where(eq(workflowSteps.caseId, c.id))
    .orderBy(asc(workflowSteps.seq));
  const today = todayInBangkok();
  const statuses = def.statuses as Record<string, { th: string }>;
  return {
    id: c.id,
    kind: c.kind,
    kindTh: def.th,
    clause: def.clause,
    status: c.status,
    statusTh: statuses[c.status]?.th ?? c.status,
    personId: c.personId,
    personName: person.displayName,
    data: caseDataFor(c.data as Record<string, unknown>, access.read),
    stepDueDate: c.stepDueDate,
    overdue: !!c.stepDueDate && !c.closedAt && today > c.stepDueDate,
    version: c.version,
    createdAt: new Date(c.createdAt).toISOString(),
    closedAt: c.closedAt ? new Date(c.closedAt).toISOString() : null,
    steps: steps.map((s) => ({
      ...s,
      at: new Date(s.at).toISOString(),
      actionTh: ACTION_LABELS[s.action] ?? s.action,
    })),
    allowed: c.closedAt ? [] : allowedActions(c.kind as WorkflowKind, c.status, rc),
  };
}

export type QueueEntry = {
  id: string;
  kind: string;
  kindTh: string;
  status: string;
  statusTh: string;
  personId: string;
  personName: string;
  stepDueDate: string | null;
  overdue: boolean;
  actions: string[];
};

/**
 * Work queues of the caller: "waiting for me" (open cases where the caller may take a deciding
 * action now), "overdue" (those past their business-day deadline) and "returned to me" (cases
 * the caller filed or is the subject of, sent back with reasons).
 */
export async function readQueue(ex: Executor, actor: Actor, today = todayInBangkok()) {
  const rows = await ex
    .select({
      c: workflowCases,
      person: { id: persons.id, officeId: persons.officeId, displayName: persons.displayName },
      lastAction: sql<string>`(select ${workflowSteps.action} from ${workflowSteps} where ${workflowSteps.caseId} = ${workflowCases.id} order by ${workflowSteps.seq} desc limit 1)`,
    })
    .from(workflowCases)
    .innerJoin(persons, eq(persons.id, workflowCases.personId))
    .where(and(isNull(workflowCases.closedAt), personScope(actor)))
    .orderBy(sql`${workflowCases.stepDueDate} asc nulls last`, asc(workflowCases.createdAt))
    .limit(1000);
  const roles = await workflowRolesFor(
    ex,
    actor,
    rows.map((r) => r.person),
  );
  const waiting: QueueEntry[] = [];
  const returned: QueueEntry[] = [];
  for (const { c, person, lastAction } of rows) {
    const kind = c.kind as WorkflowKind;
    const def = WORKFLOWS[kind];
    const rc: ActorRoleContext = {
      roles: roles.get(person.id) ?? new Set(),
      isSubject: actor.personId === c.personId,
      isFiler: actor.userId === c.filedBy,
    };
    const actions = allowedActions(kind, c.status, rc).filter((a) => a !== 'withdraw');
    const entry: QueueEntry = {
      id: c.id,
      kind: c.kind,
      kindTh: def.th,
      status: c.status,
      statusTh: (def.statuses as Record<string, { th: string }>)[c.status]?.th ?? c.status,
      personId: c.personId,
      personName: person.displayName,
      stepDueDate: c.stepDueDate,
      overdue: !!c.stepDueDate && today > c.stepDueDate,
      actions,
    };
    if (actions.length) waiting.push(entry);
    // Sent back with reasons to the person concerned or the filer (a correction's 'returned', an
    // onboarding case back at owner entry).
    if (lastAction === 'return' && (rc.isSubject || rc.isFiler)) returned.push(entry);
  }
  return { today, waiting, overdue: waiting.filter((e) => e.overdue), returned };
}
