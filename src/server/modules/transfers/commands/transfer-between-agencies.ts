import { eq } from 'drizzle-orm';
import { WORKFLOWS } from '../../../../domain/workflow/index.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { personAccess } from '../../../platform/authz/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findPersonInScope } from '../../records/index.ts';
import { oneOpenTransfer, requireServiceStep } from './service-state.ts';
import { type OrderRef, recordingAssignment, recordOrderEntry } from './shared.ts';
import { applyArrival, citation } from './transfers.ts';

const { workflowCases, workflowSteps, offices } = schema;

export type TransferOutInput = OrderRef & { toOfficeId: string; entry: Record<string, unknown> | null };

/**
 * ให้โอน (ข้อ 5.2.2): the old office records the transfer-out order in item 15 and a transfer
 * case waits for the new office. The record stays with the old office until the new one records
 * รับโอน — then it moves with its history.
 */
export async function transferOut(ctx: AuthedCtx, personId: string, input: TransferOutInput) {
  return oneOpenTransfer(() => transferOutTx(ctx, personId, input));
}

async function transferOutTx(ctx: AuthedCtx, personId: string, input: TransferOutInput) {
  return ctx.h.db.transaction(async (tx) => {
    const person = await findPersonInScope(tx, ctx.actor, personId);
    if (!person) throw new AppError('notFound');
    const access = await personAccess(tx, ctx.actor, person);
    if (!access.read.includes('service')) throw new AppError('notFound');
    if (person.status === 'removed') throw new AppError('removedAlready');
    if (access.isOwner || !access.edit.includes('service')) throw new AppError('forbidden');
    // One open move or transfer per person (ข้อ 5.2): the row locked, then the state machine.
    const [locked] = await tx
      .select({ id: schema.persons.id, status: schema.persons.status })
      .from(schema.persons)
      .where(eq(schema.persons.id, person.id))
      .for('update');
    await requireServiceStep(tx, locked!, 'transferOut');
    const [to] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, input.toOfficeId));
    if (!to || to.id === person.officeId)
      throw new AppError('validation', [{ field: 'toOfficeId', messageKey: 'err.invalid' }]);
    const r = await recordOrderEntry(tx, ctx, person.id, 'move', input, input.entry, 'ให้โอน');
    const [c] = await tx
      .insert(workflowCases)
      .values({
        kind: 'transfer',
        status: WORKFLOWS.transfer.initial,
        personId: person.id,
        officeId: person.officeId,
        filedBy: ctx.actor.userId,
        data: {
          toOfficeId: to.id,
          fromOfficeId: person.officeId,
          outOrderId: r.order.id,
          ...citation(input),
        },
      })
      .returning();
    await tx.insert(workflowSteps).values({
      caseId: c!.id,
      seq: 1,
      action: 'transferOut',
      toStatus: c!.status,
      actorUserId: ctx.actor.userId,
      actorRole: 'records_officer',
      decision: 'transferOut',
      reference: `คำสั่ง ${input.number}`,
    });
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'transfer.out.recorded',
        entityType: 'workflow_case',
        entityId: c!.id,
        personId: person.id,
        data: { toOfficeId: to.id, orderId: r.order.id, order: citation(input) },
      },
    ]);
    return { caseId: c!.id, orderId: r.order.id };
  });
}

export type ReceiveInput = OrderRef & { entry: Record<string, unknown> };

/**
 * รับโอน (ข้อ 5.2.2): the new office's records officer records the transfer-in order; the record
 * moves with its history, access follows the new office at once, the person's roles end.
 */
export async function receiveTransfer(ctx: AuthedCtx, caseId: string, input: ReceiveInput) {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new AppError('notFound');
  return ctx.h.db.transaction(async (tx) => {
    const [c] = await tx.select().from(workflowCases).where(eq(workflowCases.id, caseId)).for('update');
    if (c?.kind !== 'transfer') throw new AppError('notFound');
    const data = c.data as { toOfficeId: string };
    // Only the receiving office may see and act on it.
    const [to] = await tx.select({ path: offices.path }).from(offices).where(eq(offices.id, data.toOfficeId));
    if (
      !to ||
      !ctx.actor.assignments.some((a) => a.role === 'records_officer' && to.path.startsWith(a.officePath))
    )
      throw new AppError('notFound');
    if (c.closedAt) throw new AppError('workflowState');
    const { assignment } = await recordingAssignment(tx, ctx, data.toOfficeId);
    const [p] = await tx.select().from(schema.persons).where(eq(schema.persons.id, c.personId)).for('update');
    if (p!.id === ctx.actor.personId) throw new AppError('selfApproval');
    await requireServiceStep(tx, p!, 'receiveTransfer');
    const r = await applyArrival(
      tx,
      ctx,
      p!,
      data.toOfficeId,
      assignment.id,
      input,
      input.entry,
      'move',
      'รับโอน',
    );
    const now = new Date().toISOString();
    await tx.insert(workflowSteps).values({
      caseId: c.id,
      seq: 2,
      action: 'receive',
      fromStatus: c.status,
      toStatus: 'received',
      actorUserId: ctx.actor.userId,
      actorRole: 'records_officer',
      decision: 'receive',
      reference: `คำสั่ง ${input.number}`,
    });
    await tx
      .update(workflowCases)
      .set({ status: 'received', statusSince: now, closedAt: now, version: c.version + 1, stepDueDate: null })
      .where(eq(workflowCases.id, c.id));
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'transfer.in.recorded',
        entityType: 'workflow_case',
        entityId: c.id,
        personId: c.personId,
        data: { orderId: r.orderId, order: citation(input) },
      },
    ]);
    return r;
  });
}
