import { and, eq, isNull } from 'drizzle-orm';
import { WORKFLOWS } from '../../../../domain/workflow/index.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { loadPersonAccess } from '../../../platform/authz/index.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { oneOpenTransfer, requireServiceStep } from './service-state.ts';
import { recordingAssignment, serviceEntryFor } from './shared.ts';
import { applyArrival, citation, type MoveInput, personByNationalIdForUpdate } from './transfers.ts';

const { workflowCases, workflowSteps, persons, offices, roleAssignments } = schema;

/** What a move case holds (workflow_cases.data): the citation, the offices, the item-15 entry. */
export type MoveData = {
  fromOfficeId: string;
  toOfficeId: string;
  /** The requesting records officer's assignment: it gains the person when the move is confirmed. */
  assignmentId: string;
  number: string;
  orderDate: string;
  issuingAuthority: string;
  documentId: string | null;
  entry: Record<string, unknown>;
  disputeReason?: string;
};

/**
 * ย้ายภายในกระทรวง (ข้อ 5.2.1), step 1: the records officer of the new office records the move
 * order with its citation. Nothing of the record moves yet and the requester is given no access:
 * the move waits for the holding office (ADR 0111). The requester learns only the person's name
 * and the move's status. One open move or transfer per person (service-status machine, and the
 * database's partial unique index for concurrent requests).
 */
export async function requestMove(ctx: AuthedCtx, input: MoveInput & { issuingAuthority: string }) {
  return oneOpenTransfer(() =>
    ctx.h.db.transaction(async (tx) => {
      const { office, assignment } = await recordingAssignment(tx, ctx, input.officeId);
      const person = await personByNationalIdForUpdate(tx, input.nationalId);
      if (person.id === ctx.actor.personId) throw new AppError('selfApproval');
      await requireServiceStep(tx, person, 'requestMove');
      if (person.officeId === office.id)
        throw new AppError('validation', [{ field: 'officeId', messageKey: 'err.move.sameOffice' }]);
      // The item-15 entry is checked now, though recorded only when the holding office confirms.
      serviceEntryFor(input, { ...input.entry, officeId: office.id }, 'ย้าย');
      const data: MoveData = {
        fromOfficeId: person.officeId!,
        toOfficeId: office.id,
        assignmentId: assignment.id,
        ...citation(input),
        issuingAuthority: input.issuingAuthority,
        entry: input.entry,
      };
      const [c] = await tx
        .insert(workflowCases)
        .values({
          kind: 'move',
          status: WORKFLOWS.move.initial,
          personId: person.id,
          officeId: person.officeId,
          filedBy: ctx.actor.userId,
          data,
        })
        .returning();
      await tx.insert(workflowSteps).values({
        caseId: c!.id,
        seq: 1,
        action: 'requestMove',
        toStatus: c!.status,
        actorUserId: ctx.actor.userId,
        actorRole: 'records_officer',
        decision: 'requestMove',
        reference: `คำสั่ง ${input.issuingAuthority} ${input.number}`,
      });
      await appendAudit(tx, auditActor(ctx), ctx.meta, [
        {
          eventType: 'transfer.move.requested',
          entityType: 'workflow_case',
          entityId: c!.id,
          personId: person.id,
          data: { fromOfficeId: person.officeId, toOfficeId: office.id, order: citation(input) },
        },
      ]);
      return {
        caseId: c!.id,
        status: c!.status,
        statusTh: WORKFLOWS.move.statuses.awaiting_confirmation.th,
        personName: person.displayName,
      };
    }),
  );
}

/**
 * The open move case `caseId` as the holding office's records officer acts on it: the person in
 * his scope with the service item editable (ข้อ 6.1.2). The requesting office sees the move but
 * may not decide it (403); anyone else does not see it (404).
 */
async function moveForHolder(tx: Tx, ctx: AuthedCtx, caseId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new AppError('notFound');
  const [c] = await tx.select().from(workflowCases).where(eq(workflowCases.id, caseId)).for('update');
  if (c?.kind !== 'move') throw new AppError('notFound');
  const data = c.data as MoveData;
  const holder = await loadPersonAccess(tx, ctx.actor, c.personId);
  const isHolder =
    !!holder &&
    !holder.access.isOwner &&
    holder.access.edit.includes('service') &&
    ctx.actor.assignments.some((a) => a.role === 'records_officer');
  if (!isHolder) {
    const [to] = await tx.select({ path: offices.path }).from(offices).where(eq(offices.id, data.toOfficeId));
    const requester =
      !!to &&
      ctx.actor.assignments.some((a) => a.role === 'records_officer' && to.path.startsWith(a.officePath));
    throw new AppError(requester ? 'forbidden' : 'notFound');
  }
  if (c.closedAt) throw new AppError('workflowState');
  if (c.personId === ctx.actor.personId) throw new AppError('selfApproval');
  const [person] = await tx.select().from(persons).where(eq(persons.id, c.personId)).for('update');
  return { c, data, person: person! };
}

async function closeMove(
  tx: Tx,
  ctx: AuthedCtx,
  c: typeof workflowCases.$inferSelect,
  action: 'confirmMove' | 'disputeMove',
  to: 'confirmed' | 'disputed',
  data: MoveData,
  reason: string | null,
) {
  const now = new Date().toISOString();
  await tx.insert(workflowSteps).values({
    caseId: c.id,
    seq: 2,
    action,
    fromStatus: c.status,
    toStatus: to,
    actorUserId: ctx.actor.userId,
    actorRole: 'records_officer',
    decision: action,
    reason,
    reference: `คำสั่ง ${data.issuingAuthority} ${data.number}`,
  });
  await tx
    .update(workflowCases)
    .set({
      status: to,
      statusSince: now,
      closedAt: now,
      version: c.version + 1,
      stepDueDate: null,
      data: reason ? { ...data, disputeReason: reason } : data,
    })
    .where(eq(workflowCases.id, c.id));
}

/**
 * ย้ายภายในกระทรวง (ข้อ 5.2.1), step 2: the holding office's records officer confirms the move;
 * then the order goes into item 15 and the record moves with its history to the new office, the
 * requesting officer's assignment gains the person, and the person's own roles end (ข้อ 2.2.3).
 */
export async function confirmMove(ctx: AuthedCtx, caseId: string) {
  return ctx.h.db.transaction(async (tx) => {
    const { c, data, person } = await moveForHolder(tx, ctx, caseId);
    await requireServiceStep(tx, person, 'confirmMove');
    // The requester's assignment must still be in force: access follows the receiving officer.
    const [a] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, data.assignmentId), isNull(roleAssignments.revokedAt)));
    if (!a) throw new AppError('workflowState');
    await closeMove(tx, ctx, c, 'confirmMove', 'confirmed', data, null);
    const r = await applyArrival(
      tx,
      ctx,
      person,
      data.toOfficeId,
      data.assignmentId,
      data,
      data.entry,
      'move',
      'ย้าย',
    );
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'transfer.move.confirmed',
        entityType: 'workflow_case',
        entityId: c.id,
        personId: c.personId,
        data: {
          fromOfficeId: data.fromOfficeId,
          toOfficeId: data.toOfficeId,
          orderId: r.orderId,
          order: citation(data),
        },
      },
    ]);
    return { caseId: c.id, status: 'confirmed', ...r };
  });
}

/**
 * The holding office disputes an erroneous move, with its reason: nothing of the record changes;
 * the case closes as 'disputed' and the requesting office reads the status and the reason in its
 * list of moves.
 */
export async function disputeMove(ctx: AuthedCtx, caseId: string, reason: string) {
  return ctx.h.db.transaction(async (tx) => {
    const { c, data, person } = await moveForHolder(tx, ctx, caseId);
    await requireServiceStep(tx, person, 'disputeMove');
    await closeMove(tx, ctx, c, 'disputeMove', 'disputed', data, reason);
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'transfer.move.disputed',
        entityType: 'workflow_case',
        entityId: c.id,
        personId: c.personId,
        data: { toOfficeId: data.toOfficeId, reason, order: citation(data) },
      },
    ]);
    return { caseId: c.id, status: 'disputed' };
  });
}
