import { eq, max } from 'drizzle-orm';
import { todayInBangkok } from '../../../../domain/iso-date.ts';
import {
  assertTransition,
  type RequestedChange,
  statusDueDate,
  type Transition,
  TransitionError,
  WORKFLOWS,
  type WorkflowDef,
  type WorkflowKind,
} from '../../../../domain/workflow/index.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadHolidays } from '../workflow-roles.ts';
import { type CaseRow, findCaseInScope, roleContext } from '../workflows.queries.ts';
import { applyChanges } from './apply-change.ts';

const { workflowCases, workflowSteps, signatures, persons } = schema;

/**
 * A signed step needs the actor's own signature with the step's decision on this person's record,
 * given after the case reached its current status and covering the record as it is now.
 */
async function requireStepSignature(
  tx: Tx,
  ctx: AuthedCtx,
  c: CaseRow,
  decision: string,
  signatureId: string | null | undefined,
): Promise<string> {
  const bad = () => new AppError('validation', [{ field: 'signatureId', messageKey: 'err.required' }]);
  if (!signatureId || !/^[0-9a-f-]{36}$/i.test(signatureId)) throw bad();
  const [sig] = await tx.select().from(signatures).where(eq(signatures.id, signatureId));
  const [p] = await tx
    .select({ recordVersion: persons.recordVersion })
    .from(persons)
    .where(eq(persons.id, c.personId));
  if (
    !sig ||
    sig.userId !== ctx.actor.userId ||
    sig.personId !== c.personId ||
    sig.decision !== decision ||
    new Date(sig.signedAt) < new Date(c.statusSince)
  )
    throw bad();
  // Signed an earlier version: the record changed since, so the signature does not cover it.
  if (sig.recordVersion !== p?.recordVersion) throw new AppError('signatureInvalid');
  return sig.id;
}

export type ActionInput = {
  action: string;
  version: number;
  reason: string | null;
  reference: string | null;
  /** The actor's personal signature for steps that need one (ADR 0107). */
  signatureId?: string | null;
};

/**
 * Takes one step of a case: the transition is guarded by assertTransition (role, status,
 * no self-approval); the step row, the case's new status and deadline, any record change the
 * step applies and the audit event are one transaction.
 */
export async function takeAction(ctx: AuthedCtx, caseId: string, input: ActionInput) {
  return ctx.h.db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, ctx.actor, caseId);
    if (!found) throw new AppError('notFound');
    const { c, person } = found;
    if (c.closedAt) throw new AppError('workflowState');
    if (c.version !== input.version) throw new AppError('conflict');
    const rc = await roleContext(tx, ctx.actor, c, person);
    let t: Transition;
    try {
      t = assertTransition(c.kind as WorkflowKind, c.status, input.action, rc);
    } catch (e) {
      if (!(e instanceof TransitionError)) throw e;
      if (e.code === 'unknownAction') throw new AppError('workflowState');
      throw new AppError(e.code === 'selfApproval' ? 'selfApproval' : 'forbidden');
    }
    if (t.reasonRequired && !input.reason)
      throw new AppError('validation', [{ field: 'reason', messageKey: 'err.required' }]);
    if (t.referenceRequired && !input.reference)
      throw new AppError('validation', [{ field: 'reference', messageKey: 'err.required' }]);
    const today = todayInBangkok();
    const def = WORKFLOWS[c.kind as WorkflowKind] as WorkflowDef;
    const next = def.statuses[t.to]!;
    const holidays = await loadHolidays(tx);
    const stepDue = statusDueDate(next, c.data, today, holidays);
    const signatureId = t.signature
      ? await requireStepSignature(tx, ctx, c, t.signature, input.signatureId)
      : null;
    if (t.applies) {
      const changes = (c.data as { changes?: RequestedChange[] }).changes ?? [];
      await applyChanges(tx, ctx, c.personId, { id: c.id, kind: c.kind }, changes);
    }
    const [{ n } = { n: 0 }] = await tx
      .select({ n: max(workflowSteps.seq) })
      .from(workflowSteps)
      .where(eq(workflowSteps.caseId, c.id));
    const late = !!c.stepDueDate && today > c.stepDueDate;
    await tx.insert(workflowSteps).values({
      caseId: c.id,
      seq: (n ?? 0) + 1,
      action: t.action,
      fromStatus: c.status,
      toStatus: t.to,
      actorUserId: ctx.actor.userId,
      actorRole: t.roles.find((r) => rc.roles.has(r))!,
      decision: t.action,
      reason: input.reason,
      reference: input.reference,
      signatureId,
      dueDate: c.stepDueDate,
      late,
    });
    const now = new Date().toISOString();
    const [updated] = await tx
      .update(workflowCases)
      .set({
        status: t.to,
        version: c.version + 1,
        statusSince: now,
        stepDueDate: stepDue,
        closedAt: next.final ? now : null,
      })
      .where(eq(workflowCases.id, c.id))
      .returning();
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'workflow.case.step',
        entityType: 'workflow_case',
        entityId: c.id,
        personId: c.personId,
        changes: [{ field: 'status', from: c.status, to: t.to }],
        data: { kind: c.kind, action: t.action, reason: input.reason, reference: input.reference, late },
      },
    ]);
    return { c: updated!, person };
  });
}
